package org.openphm.publish.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openphm.publish.results.DataTable;

class PrintTableTest {
    private static final String ROUNDED = "Counts rounded to the nearest 5; values computed before rounding";

    @Test
    void codesBesideTheirNamesParentCodesAndRepeatedNotesLeaveThePrintedColumns() {
        DataTable t = new DataTable(
                "dp-3.2-suicide-rates",
                List.of(
                        "area_type",
                        "area_code",
                        "area_name",
                        "parent_code",
                        "condition",
                        "condition_name",
                        "deaths",
                        "value",
                        "disclosure_note"),
                List.of(
                        List.of(
                                "ICB",
                                "QHG",
                                "NHS Bedfordshire, Luton and Milton Keynes Integrated Care Board",
                                "E92000001",
                                "SUI",
                                "Suicide",
                                "210",
                                "8.5",
                                ROUNDED),
                        List.of("Place", "E06000032", "Luton", "QHG", "SUI", "Suicide", "70", "12.5", ROUNDED)));
        PrintTable p = PrintTable.of(t);
        assertEquals(List.of("area_type", "area_name", "condition_name", "deaths", "value"), p.columns());
        assertEquals(
                List.of("Place", "Luton", "Suicide", "70", "12.5"), p.rows().get(1));
        assertEquals(Map.of("disclosure_note", ROUNDED), p.footnotes());
    }

    @Test
    void aNoteThatDiffersBetweenRowsAndAShortRepeatedCategoryStayAsColumns() {
        DataTable t = new DataTable(
                "x",
                List.of("site_code", "period_role", "note"),
                List.of(
                        List.of("RC971", "latest", "Suppressed: count 1-7 in a neighbouring cell of this row"),
                        List.of("RC979", "latest", "")));
        PrintTable p = PrintTable.of(t);
        // no site_name beside it, so the code is all the reader has
        assertEquals(List.of("site_code", "period_role", "note"), p.columns());
        assertTrue(p.footnotes().isEmpty());
    }

    @Test
    void codeNamePairsAreRecognisedOnlyWhenTheNameIsThere() {
        List<String> cols = List.of("site_code", "site_name", "type", "type_name", "org_code", "area_name");
        assertTrue(PrintTable.isCodeBesideItsName("site_code", cols));
        assertTrue(PrintTable.isCodeBesideItsName("type", cols));
        assertFalse(PrintTable.isCodeBesideItsName("site_name", cols));
        assertFalse(PrintTable.isCodeBesideItsName("org_code", cols));
        assertFalse(PrintTable.isCodeBesideItsName("area_name", cols));
        // DP 8.13's LOS table printed "Site code | Site": the name is in a column called site
        List<String> los = List.of("site_code", "site", "spells");
        assertTrue(PrintTable.isCodeBesideItsName("site_code", los));
        assertFalse(PrintTable.isCodeBesideItsName("site", los));
        // DP 11.1 spend: the provider's ODS code beside its name
        assertTrue(PrintTable.isCodeBesideItsName("provider", List.of("provider", "provider_name", "spend_gbp")));
    }
}
