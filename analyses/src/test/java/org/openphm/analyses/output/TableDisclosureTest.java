package org.openphm.analyses.output;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openphm.analyses.catalogue.AnalysisTable;
import org.openphm.analyses.catalogue.AnalysisTable.Column;
import org.openphm.stats.sdc.DisclosureRule;

/**
 * The NHS rule on analysis tables (shared/reference/disclosure_control_rules.csv, NHS Digital CCG OIS 2.6 and
 * HES: counts of 1-7 suppressed, others rounded to the nearest 5, values computed before rounding, values
 * from a suppressed count withheld).
 */
class TableDisclosureTest {

    static final List<Column> COLUMNS = List.of(Column.text("area", "Area"), Column.integer("people", "People"),
            Column.integer("year", "Year"), Column.number("share_pct", "Share of the area"));

    static AnalysisTable table() {
        return new AnalysisTable("t", "test", COLUMNS, List.of(
                Arrays.asList("Luton", 5L, 2024L, 0.4),
                Arrays.asList("Bedford", 12L, 2024L, 1.2),
                Arrays.asList("MK", 0L, 2024L, 0.0),
                Arrays.asList("Central Beds", 1003L, 2024L, 9.7)));
    }

    @Test
    void smallCountsAreHiddenWithWhatDerivesFromThemAndTheRestRounded() {
        AnalysisTable out = TableDisclosure.apply(table(), DisclosureRule.nhsDefault());
        assertEquals("disclosure_note", out.columns().get(4).name());
        List<Object> luton = out.rows().get(0);
        assertNull(luton.get(1), "5 is in 1-7: suppressed");
        assertNull(luton.get(3), "the share of a suppressed count is withheld");
        assertEquals(2024L, luton.get(2), "a year is not a count");
        assertTrue(((String) luton.get(4)).startsWith("Suppressed"));
        assertEquals(10L, out.rows().get(1).get(1), "12 rounds to 10");
        assertEquals(1.2, out.rows().get(1).get(3), "values are computed before rounding and kept");
        assertEquals(0L, out.rows().get(2).get(1), "zero is published under the NHS rule");
        assertNull(out.rows().get(2).get(4), "an exact zero needs no note");
        assertEquals(1005L, out.rows().get(3).get(1), "1,003 rounds to 1,005");
    }

    @Test
    void tablesWithoutCountsAreUnchanged() {
        AnalysisTable rates = new AnalysisTable("r", "rates", List.of(Column.text("area", "a"), Column.number("rate", "r")),
                List.of(Arrays.asList("Luton", 3.0)));
        assertSame(rates, TableDisclosure.apply(rates, DisclosureRule.nhsDefault()));
    }
}
