package org.openphm.analyses.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openphm.analyses.catalogue.AnalysisInfo;
import org.openphm.analyses.catalogue.AnalysisTable;
import org.openphm.analyses.catalogue.AnalysisTable.Column;
import org.openphm.model.results.ChartSpec;

/** A chart declaration that does not fit its table fails the build, naming the analysis, chart and column. */
class ChartCheckTest {
    private static final AnalysisTable BY_PLACE = new AnalysisTable(
            "by-place",
            "d",
            List.of(Column.text("place_name", "Place"), Column.text("year", "Year"), Column.count("people", "P")),
            List.of());

    private static AnalysisInfo info(ChartSpec chart) {
        return new AnalysisInfo("dp-4.7-test", "DP 4.7", "T", "d", "m", "s", List.of(), List.of(chart));
    }

    @Test
    void aChartThatFitsItsTableHasNoFaults() {
        ChartSpec fits = ChartSpec.ofTable(
                "trend",
                "People",
                null,
                "by-place",
                Map.of("place_name", "Luton"),
                Map.of("x", "year", "y", "people", "series", "place_name", "focus", "Luton"),
                null);
        assertEquals(List.of(), ChartCheck.faults(info(fits), List.of(BY_PLACE)));
    }

    @Test
    void aMisspeltEncodingColumnIsAFault() {
        ChartSpec misspelt = ChartSpec.ofTable(
                "trend", "People", null, "by-place", Map.of(), Map.of("x", "yaer", "y", "people"), null);
        List<String> faults = ChartCheck.faults(info(misspelt), List.of(BY_PLACE));
        assertEquals(
                List.of("DP 4.7 dp-4.7-test, chart 'People': x is 'yaer', which table "
                        + "dp-4.7-test-by-place.csv does not have"),
                faults);
    }

    @Test
    void aFilterColumnTheTableLacksAnUnknownRoleKindOrTableAreFaults() {
        ChartSpec filter = ChartSpec.ofTable(
                "bar_ci", "A", null, "by-place", Map.of("area", "x"), Map.of("x", "place_name"), null);
        assertTrue(ChartCheck.faults(info(filter), List.of(BY_PLACE)).get(0).contains("filter on 'area'"));
        ChartSpec role = ChartSpec.ofTable("bar_ci", "B", null, "by-place", Map.of(), Map.of("colour", "year"), null);
        assertTrue(ChartCheck.faults(info(role), List.of(BY_PLACE)).get(0).contains("no chart role 'colour'"));
        ChartSpec kind = ChartSpec.ofTable("pie", "C", null, "by-place", Map.of(), Map.of(), null);
        assertTrue(ChartCheck.faults(info(kind), List.of(BY_PLACE)).get(0).contains("no chart kind 'pie'"));
        ChartSpec table = ChartSpec.ofTable("trend", "D", null, "by-pcn", Map.of(), Map.of(), null);
        // a table not computed this time (withheld on small data) is not a fault: its chart is left unpublished
        assertEquals(List.of(), ChartCheck.faults(info(table), List.of(BY_PLACE)));
        assertEquals(List.of(), info(table).publishedCharts(List.of("by-place")));
        assertEquals(
                1, info(table).publishedCharts(List.of("by-place", "by-pcn")).size());
    }

    @Test
    void theBuildRefusesAFault() {
        ChartSpec misspelt =
                ChartSpec.ofTable("trend", "People", null, "by-place", Map.of(), Map.of("x", "yaer"), null);
        IllegalStateException e = assertThrows(
                IllegalStateException.class,
                () -> ChartCheck.require(ChartCheck.faults(info(misspelt), List.of(BY_PLACE))));
        assertTrue(e.getMessage().contains("'yaer'"));
    }

    @Test
    void indicatorChartsAreHeldToTheIndicatorColumns() {
        ChartSpec ok = new ChartSpec(
                "bar_ci",
                "I",
                null,
                ChartSpec.DataRef.ofIndicator("dp-5.2-x", Map.of("area_type", "ICB")),
                Map.of("x", "area_name", "significance", "compared_to_england"),
                null,
                null,
                null);
        assertEquals(List.of(), ChartCheck.indicatorFaults("dp-5.2-x", List.of(ok)));
        ChartSpec bad = new ChartSpec(
                "bar_ci",
                "I",
                null,
                ChartSpec.DataRef.ofIndicator("dp-5.2-x", Map.of()),
                Map.of("x", "area"),
                null,
                null,
                null);
        assertEquals(1, ChartCheck.indicatorFaults("dp-5.2-x", List.of(bad)).size());
    }
}
