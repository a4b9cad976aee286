package org.openphm.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openphm.model.Comparison;
import org.openphm.model.results.ChartSpec;
import org.openphm.publish.chart.Chart;
import org.openphm.publish.chart.ChartResolver;
import org.openphm.publish.chart.SpcIcon;
import org.openphm.publish.fixture.FixtureResults;
import org.openphm.publish.pack.PackContents;
import org.openphm.publish.results.ResultsDir;
import org.openphm.publish.text.KeyPointWriter;

class ChartAndKeyPointTest {
    @TempDir
    static Path dir;

    static ResultsDir results;
    static ChartResolver resolver;
    static final KeyPointWriter writer = new KeyPointWriter();

    @BeforeAll
    static void load() throws Exception {
        results = ResultsDir.load(FixtureResults.write(dir));
        resolver = new ChartResolver(results);
    }

    private static ChartSpec analysisChart(String id) {
        return results.analysis(id).orElseThrow().charts().get(0);
    }

    @Test
    void placeBarsTakeEnglandAndTheIcbAsReferenceLinesAndStateSignificance() {
        var info = results.indicatorInfo("qof-diabetes").orElseThrow();
        Chart.Bars bars = (Chart.Bars)
                resolver.resolve(PackContents.defaultCharts(info, "2024/25").get(0));
        assertEquals(
                List.of("Bedford", "Central Bedfordshire", "Luton", "Milton Keynes"),
                bars.bars().stream().map(Chart.Bar::label).toList());
        assertEquals(
                List.of("England", "Bedfordshire, Luton and Milton Keynes"),
                bars.references().stream().map(Chart.Reference::label).toList());
        assertEquals(Comparison.HIGHER, bars.bars().get(2).comparison());
        List<String> points = writer.write(bars);
        assertEquals("Highest: Luton (9.4%); lowest: Central Bedfordshire (6.8%).", points.get(0));
        assertTrue(
                points.contains("Significantly higher than England (7.9%; 95% CI): Bedford (8.4%) and Luton (9.4%)."),
                points::toString);
        assertTrue(
                points.contains("Significantly lower than England (7.9%; 95% CI): Central Bedfordshire (6.8%)."),
                points::toString);
    }

    @Test
    void trendSeriesPutTheFocusFirstAndComparatorsLastWithTheirRecentTrend() {
        var info = results.indicatorInfo("qof-diabetes").orElseThrow();
        Chart.Lines trend = (Chart.Lines)
                resolver.resolve(PackContents.defaultCharts(info, "2024/25").get(1));
        assertEquals(FixtureResults.PERIODS, trend.x());
        assertEquals(
                Chart.SeriesRole.ENGLAND,
                trend.series().get(trend.series().size() - 1).role());
        assertEquals(
                Chart.SeriesRole.PARENT,
                trend.series().get(trend.series().size() - 2).role());
        assertTrue(
                writer.write(trend)
                        .contains(
                                "Luton: 9.4% in 2024/25, from 8.6% in 2022/23 (+0.8 percentage points, 95% CIs do not overlap:"
                                        + " significant); recent trend: significantly increasing."),
                () -> writer.write(trend).toString());
    }

    @Test
    void projectionKeyPointsStateGrowthToTheHorizon() {
        Chart.Lines p = (Chart.Lines) resolver.resolve(analysisChart("dp-2.2-population-projection"));
        List<String> points = writer.write(p);
        // DP 2.2: 1.139m in 2025 to 1.382m in 2043 (+21%); 65+ +53%.
        assertEquals("All ages: 1,139,000 in 2025 to 1,382,000 in 2043 (+21% by 2043).", points.get(0));
        assertEquals("65+: 170,900 in 2025 to 261,500 in 2043 (+53% by 2043).", points.get(1));
        // All ages is the sum of every group, so it is the headline, not a rival of 65+ and 80+; and 80+ is part
        // of 65+, so the two are each described, never ranked against each other ("largest rise: 80+").
        assertTrue(points.stream().noneMatch(k -> k.startsWith("Largest")), points::toString);
        assertTrue(points.stream().anyMatch(k -> k.startsWith("80+: ")), points::toString);
    }

    @Test
    void heatmapIgnoresTheDiagonalAndPyramidCountsOlderPeople() {
        Chart.Heatmap h = (Chart.Heatmap) resolver.resolve(analysisChart("dp-3.11-multimorbidity"));
        assertEquals(List.of("Highest: 79.8% of people with Heart failure also have Hypertension."), writer.write(h));
        // Both axes in one order, so the diagonal is the diagonal: the first row's condition has no cell with
        // itself, and taking columns in order of appearance would have put it last.
        assertEquals(h.rows(), h.columns());
        assertEquals("Heart failure", h.columns().get(0));
        Chart.Pyramid p = (Chart.Pyramid) resolver.resolve(analysisChart("dp-1.2-population-pyramid"));
        assertEquals(19, p.bands().size());
        assertTrue(
                writer.write(p).get(0).startsWith("Total: about 1,162,700, of whom 50.6% female."),
                () -> writer.write(p).toString());
        assertTrue(
                writer.write(p).get(1).startsWith("Aged 65 and over: 16.5%"),
                () -> writer.write(p).toString());
    }

    @Test
    void spcCarriesTheAnalysisLimitsAndIcons() {
        Chart.Spc s = (Chart.Spc) resolver.resolve(analysisChart("dp-7.2-virtual-ward-occupancy"));
        assertEquals(12, s.values().size());
        assertEquals(80.0, s.target());
        assertEquals(SpcIcon.COMMON_CAUSE, s.variation());
        assertEquals(SpcIcon.HIT_AND_MISS, s.assurance());
        assertEquals(
                "Latest: 77.0% in May-25 against a target of 80.0%.",
                writer.write(s).get(0));
    }

    @Test
    void unknownKindsBecomeTablesAndRankedTablesSortHighestFirst() {
        Chart unknown = resolver.resolve(analysisChart("dp-10.1-complaints"));
        assertInstanceOf(Chart.Table.class, unknown);
        assertEquals(5, unknown.source().rows().size());
        Chart.Table ranked = (Chart.Table) resolver.resolve(analysisChart("dp-4.7-community-referral-projections"));
        assertEquals(
                "Crisis Response Intermediate Care",
                ranked.source().rows().get(0).get(0));
        assertEquals(List.of("Highest growth 2043: Crisis Response Intermediate Care (77.0%)."), writer.write(ranked));
    }

    @Test
    void aSpecThatDoesNotFitTheDataSaysWhichColumnIsMissing() {
        ChartSpec bad = new ChartSpec(
                "trend",
                "bad",
                null,
                ChartSpec.DataRef.ofTable("dp-2.2-population-projection.csv", Map.of()),
                Map.of("x", "month"),
                null,
                null,
                null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> resolver.resolve(bad));
        assertTrue(e.getMessage().contains("no column 'month'"), e.getMessage());
        ChartSpec missing =
                new ChartSpec("bar_ci", "x", null, ChartSpec.DataRef.ofIndicator("nope", null), null, null, null, null);
        assertThrows(IllegalArgumentException.class, () -> resolver.resolve(missing));
    }
}
