package org.openphm.analyses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.openphm.analyses.catalogue.AnalysisTable.Column.count;
import static org.openphm.analyses.catalogue.AnalysisTable.Column.money;
import static org.openphm.analyses.catalogue.AnalysisTable.Column.number;
import static org.openphm.analyses.catalogue.AnalysisTable.Column.text;
import static org.openphm.analyses.catalogue.AnalysisTable.Column.wte;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openphm.analyses.catalogue.AnalysisTable;
import org.openphm.model.results.Precision;

/** A table applies its columns' declared rounding, so no analysis rounds a value of a kind by hand. */
class AnalysisTableTest {

    @Test
    void aTableRoundsEachValueToItsColumnsPrecisionAndLeavesCountsToTheDisclosureRule() {
        AnalysisTable t = new AnalysisTable(
                "t",
                "d",
                List.of(
                        text("area", "Area"),
                        money("cost_gbp", "Cost"),
                        wte("wte", "Staff"),
                        number("score", "Score").rounded(Precision.ONE_PLACE),
                        number("share_pct", "Share"),
                        count("people", "People")),
                List.of(
                        Arrays.asList("A", 1.005, 12.3449, 90.05, 100.0 / 3, 7.4),
                        Arrays.asList("B", null, -0.004, null, null, 3L)));
        assertEquals(
                Arrays.asList("A", 1.01, 12.34, 90.1, 100.0 / 3, 7.4), t.rows().get(0));
        assertEquals(Arrays.asList("B", null, 0.0, null, null, 3L), t.rows().get(1));
        assertEquals("GBP", t.columns().get(1).unit());
        assertEquals(2, t.columns().get(2).precision().places());
    }

    @Test
    void aDerivedValueOrTextCannotBeDeclaredRounded() {
        AnalysisTable.Column derived =
                AnalysisTable.Column.derived("share", "Share", new AnalysisTable.Ratio("part", "whole", 100));
        assertThrows(IllegalArgumentException.class, () -> derived.rounded(Precision.ONE_PLACE));
        assertThrows(IllegalArgumentException.class, () -> text("area", "Area").rounded(Precision.WHOLE));
    }
}
