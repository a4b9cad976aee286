package org.openphm.analyses.output;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openphm.analyses.catalogue.AnalysisTable;
import org.openphm.analyses.catalogue.AnalysisTable.Column;
import org.openphm.model.ResultColumnType;
import org.openphm.model.results.Disclosure;
import org.openphm.stats.sdc.DisclosureRule;

/**
 * The NHS rule on analysis tables (stats/src/test/resources/sdc/disclosure_control_rules.csv, NHS Digital CCG OIS 2.6
 * and HES: counts of 1-7 suppressed, others rounded to the nearest 5, values computed before rounding, values from a
 * suppressed count withheld).
 */
class TableDisclosureTest {

    static final List<Column> COLUMNS = List.of(
            Column.text("area", "Area"),
            Column.count("people", "People"),
            Column.integer("year", "Year"),
            Column.number("share_pct", "Share of the area"));

    static AnalysisTable table() {
        return new AnalysisTable(
                "t",
                "test",
                COLUMNS,
                List.of(
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

    /**
     * Issue 15 item 3: DP 8.4's acsc_admissions was published unrounded because the rule looked names up in a
     * list; the class is now declared with the column, whatever its name.
     */
    @Test
    void aDeclaredCountIsControlledWhateverItsName() {
        AnalysisTable t = new AnalysisTable(
                "a",
                "acsc",
                List.of(
                        Column.text("area", "Area"),
                        Column.count("acsc_admissions", "ACSC emergency admissions"),
                        Column.count("contacts", "Contacts")),
                List.of(Arrays.asList("Luton", 2181L, 2L)));
        List<Object> row =
                TableDisclosure.apply(t, DisclosureRule.nhsDefault()).rows().get(0);
        assertEquals(2180L, row.get(1));
        assertNull(row.get(2), "2 contacts naming a practice: suppressed");
    }

    /**
     * Issue 15 items 2 and 4: a change computed from exact counts beside rounded ones gives the exact count back
     * (base = projected - change). A declared derivation is computed again from the published values.
     * Base 16,261 (published 16,260), projected 17,003 (published 17,005): change 745 and +4.5818% from the
     * published pair, not 742 and +4.5631% from the exact one.
     */
    @Test
    void derivedValuesAreComputedFromThePublishedCounts() {
        AnalysisTable t = new AnalysisTable(
                "p",
                "projection",
                List.of(
                        Column.count("base_people", "Base"),
                        Column.count("people", "Projected"),
                        Column.derived(
                                "change_people", "Change", new AnalysisTable.Difference("people", "base_people")),
                        Column.derived(
                                "change_pct", "% change", new AnalysisTable.PercentChange("people", "base_people"))),
                List.of(Arrays.asList(16_261L, 17_003.4, 742.4, 4.5655)));
        List<Object> row =
                TableDisclosure.apply(t, DisclosureRule.nhsDefault()).rows().get(0);
        assertEquals(16_260L, row.get(0));
        assertEquals(17_005L, row.get(1));
        assertEquals(745.0, (Double) row.get(2), 1e-9);
        assertEquals(100.0 * 745 / 16_260, (Double) row.get(3), 1e-9);
    }

    /**
     * A share of the area's total beside rounded counts gives a suppressed group back: the published shares add up
     * to 100% less the hidden group's share, and that share times the total is its count. Shares are therefore
     * of the published (rounded) counts. Groups 3 (hidden), 101 and 896 of 1,000: published 100 and 895, shares
     * 100/995 and 895/995 (the hidden group is in no published total), not 10.1% and 89.6%.
     */
    @Test
    void sharesOfATotalAreOfThePublishedCounts() {
        AnalysisTable t = new AnalysisTable(
                "e",
                "ethnicity",
                List.of(
                        Column.text("area", "Area"),
                        Column.text("group", "Group"),
                        Column.count("people", "People"),
                        Column.derived(
                                "pct",
                                "% of the area",
                                new AnalysisTable.ShareOfTotal("people", List.of("area"), 100))),
                List.of(
                        Arrays.asList("Luton", "Other", 3L, 0.3),
                        Arrays.asList("Luton", "Mixed", 101L, 10.1),
                        Arrays.asList("Luton", "White", 896L, 89.6)));
        List<List<Object>> rows =
                TableDisclosure.apply(t, DisclosureRule.nhsDefault()).rows();
        assertNull(rows.get(0).get(3));
        assertEquals(100.0 * 100 / 995, (Double) rows.get(1).get(3), 1e-9);
        assertEquals(100.0 * 895 / 995, (Double) rows.get(2).get(3), 1e-9);
    }

    @Test
    void aDeclarationThatDoesNotGiveTheAnalysisValueStopsTheBuild() {
        AnalysisTable t = new AnalysisTable(
                "w",
                "wrong",
                List.of(
                        Column.count("a", "a"),
                        Column.count("b", "b"),
                        Column.derived("pct", "a of b", new AnalysisTable.Ratio("a", "b", 100))),
                List.of(Arrays.asList(20L, 40L, 75.0)));
        org.junit.jupiter.api.Assertions.assertThrows(
                IllegalStateException.class, () -> TableDisclosure.apply(t, DisclosureRule.nhsDefault()));
    }

    @Test
    void anIdentifierColumnIsNeverPublished() {
        AnalysisTable t = new AnalysisTable(
                "x",
                "list",
                List.of(
                        new Column("person_id", ResultColumnType.STRING, "Pseudonym", Disclosure.IDENTIFIER),
                        Column.count("n", "n")),
                List.of(Arrays.asList("abc", 10L)));
        org.junit.jupiter.api.Assertions.assertThrows(
                IllegalStateException.class, () -> TableDisclosure.apply(t, DisclosureRule.nhsDefault()));
    }

    @Test
    void tablesWithoutCountsAreUnchanged() {
        AnalysisTable rates = new AnalysisTable(
                "r",
                "rates",
                List.of(Column.text("area", "a"), Column.number("rate", "r")),
                List.of(Arrays.asList("Luton", 3.0)));
        assertSame(rates, TableDisclosure.apply(rates, DisclosureRule.nhsDefault()));
    }
}
