package org.openphm.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.openphm.stats.FunnelStatistic.Rate.Type;
import org.openphm.stats.FunnelStatistic.Ratio.Scale;

/**
 * Expected values: the test data of PHEindicatormethods (ukhsa-collaboration/PHEindicatormethods,
 * commit 093fd288d8f8949dbcfbed70049dbbf385b6141d, tests/testthat/testdata_funnel_*.csv), copied
 * into oracles/funnels (see SOURCE.md there), used exactly as tests/testthat/testFunnels.R uses
 * them; each test names the test_that block it mirrors. Numbers are compared to the precision
 * printed in the files (one unit in the last printed digit).
 */
class FunnelsTest {

    private static final FunnelStatistic PERCENTAGE = new FunnelStatistic.Proportion(100);

    // --- calculate_funnel_limits ------------------------------------------------------------

    @Test
    void proportionLimits() {
        // "confidence limits calculate correctly for proportions"
        FunnelLimits limits = Funnels.limits(PERCENTAGE, proportionInputs(a -> true));
        assertProportionLimits("funnel_prop_outputs.csv", limits);
    }

    @Test
    void proportionLimitsWithAxisVariation() {
        // "confidence limits calculate correctly with axis variation": denominator < 31000, so the
        // denominators span less than a factor of 2 and the axis starts above zero
        FunnelLimits limits = Funnels.limits(PERCENTAGE, proportionInputs(a -> a.denominator() < 31000));
        assertProportionLimits("funnel_prop_outputs_with_axis_variation.csv", limits);
        assertEquals("proportion", limits.statistic().label());
        assertEquals("Wilson", limits.statistic().method());
    }

    @Test
    void ratioLimitsAsCounts() {
        // "confidence limits calculate correctly for ratios (count)"
        FunnelLimits limits = Funnels.limits(new FunnelStatistic.Ratio(Scale.COUNT), ratioInputs());
        assertRatioLimits(limits, "count");
        assertEquals("ratio (count)", limits.statistic().label());
        assertEquals("Poisson", limits.statistic().method());
        assertEquals(0, limits.baseline());
    }

    @Test
    void ratioLimitsAsIsrs() {
        // "confidence limits calculate correctly for ratios (isr)"
        FunnelLimits limits = Funnels.limits(new FunnelStatistic.Ratio(Scale.ISR), ratioInputs());
        assertRatioLimits(limits, "isr");
        assertEquals(100, limits.baseline());
    }

    @Test
    void dsrLimits() {
        // "confidence limits calculate correctly for rates (dsr)": per 100,000, 3 years of data
        FunnelStatistic.Rate dsr = new FunnelStatistic.Rate(Type.DSR, 1e5, 3);
        List<FunnelArea> areas = rateFunnelInputs().stream()
                .map(r -> FunnelArea.rate(r.number("ev"), r.number("rate")))
                .toList();
        assertRateLimits("funnel_rate_outputs.csv", Funnels.limits(dsr, areas));
    }

    @Test
    void crudeRateLimitsWithFewerThan10Events() {
        // "confidence limits calculate correctly for rates (crude); with less than 10 events":
        // the area with the most events is given 5
        double most = mostEvents();
        List<FunnelArea> areas = rateFunnelInputs().stream()
                .map(r -> FunnelArea.rate(r.number("ev") == most ? 5 : r.number("ev"), r.number("rate")))
                .toList();
        assertRateLimits(
                "funnel_rate_outputs_2.csv", Funnels.limits(new FunnelStatistic.Rate(Type.CRUDE, 1e5, 3), areas));
    }

    @Test
    void crudeRateLimitsWithZeroEventsAndPopulation() {
        // "... rates (crude); with 0 events and denominator supplied": pop = 1e5 * ev / rate, the
        // area with the most events then given 0 events and rate 0, areas with pop <= max(pop)/2 dropped
        double most = mostEvents();
        List<FunnelArea> all = rateFunnelInputs().stream()
                .map(r -> {
                    double pop = 1e5 * r.number("ev") / r.number("rate");
                    boolean top = r.number("ev") == most;
                    return FunnelArea.rate(top ? 0 : r.number("ev"), top ? 0 : r.number("rate"), pop);
                })
                .toList();
        double maxPop = all.stream().mapToDouble(FunnelArea::denominator).max().orElseThrow();
        List<FunnelArea> areas =
                all.stream().filter(a -> a.denominator() > maxPop / 2).toList();
        FunnelLimits limits = Funnels.limits(new FunnelStatistic.Rate(Type.CRUDE, 1e5, 3), areas);
        assertRateLimits("funnel_rate_outputs_3.csv", limits);
        assertTrue(limits.rows().get(0).x() > 1, "the axis starts above zero when populations span less than 2x");
    }

    // --- assign_funnel_significance ---------------------------------------------------------

    @Test
    void proportionSignificance() {
        // "Significance for proportions calculates correctly"
        List<OracleCsv.Row> rows = OracleCsv.read("funnels/funnel_prop_inputs.csv");
        List<FunnelSignificance> actual = Funnels.significance(PERCENTAGE, proportionInputs(a -> true));
        assertEquals(
                labels(rows, "significance"),
                actual.stream().map(FunnelSignificance::label).toList());
    }

    @Test
    void ratioSignificance() {
        // "Significance for ratios calculates correctly"
        List<OracleCsv.Row> rows = OracleCsv.read("funnels/funnel_ratio_inputs.csv");
        List<FunnelSignificance> actual = Funnels.significance(new FunnelStatistic.Ratio(Scale.ISR), ratioInputs());
        assertEquals(
                labels(rows, "significance"),
                actual.stream().map(FunnelSignificance::label).toList());
    }

    @Test
    void rateSignificance() {
        // the eight "Significance for rates calculates correctly; ..." blocks
        assertRateSignificance(Type.DSR, 1e5, "rate_dsr", true, "dsr_per_100000_with_0");
        assertRateSignificance(Type.DSR, 1e5, "rate_dsr", false, "dsr_per_100000_without_0");
        assertRateSignificance(Type.DSR, 100, "rate_dsr", false, "dsr_per_100_without_0");
        assertRateSignificance(Type.CRUDE, 100, "rate_crude_per_100", true, "crude_per_100_with_0");
        assertRateSignificance(Type.CRUDE, 100, "rate_crude_per_100", false, "crude_per_100_without_0");
        assertRateSignificance(Type.CRUDE, 1e5, "rate_crude_per_100000", true, "crude_per_100000_with_0");
        assertRateSignificance(Type.CRUDE, 1e5, "rate_crude_per_100000", false, "crude_per_100000_without_0");
    }

    @Test
    void significanceAtOneConfidenceLevel() {
        assertEquals(Significance.HIGHER, FunnelSignificance.HIGH_0_025.at(0.95));
        assertEquals(Significance.SIMILAR, FunnelSignificance.HIGH_0_025.at(99.8));
        assertEquals(Significance.LOWER, FunnelSignificance.LOW_0_001.at(0.998));
        assertEquals(Significance.NOT_COMPARED, FunnelSignificance.NOT_APPLICABLE_DSR_UNDER_10.at(0.95));
        assertThrows(IllegalArgumentException.class, () -> FunnelSignificance.LOW_0_001.at(0.99));
    }

    // --- calculate_funnel_points -------------------------------------------------------------

    @Test
    void dsrPointsWithheldBelow10Events() {
        // "calculate_funnel_points works for dsrs with events less than 5"
        double most = mostEvents();
        List<OracleCsv.Row> rows = rateFunnelInputs();
        List<FunnelArea> areas = rows.stream()
                .map(r -> FunnelArea.rate(r.number("ev") == most ? 5 : r.number("ev"), r.number("rate")))
                .toList();
        assertPoints(
                rows,
                Funnels.points(new FunnelStatistic.Rate(Type.DSR, 1e5, 3), areas),
                "rate_chart",
                "denominator_derived");
    }

    @Test
    void crudePoints() {
        // "calculate_funnel_points works for crude with events less than 5"
        List<OracleCsv.Row> rows = rateFunnelInputs();
        List<FunnelArea> areas = rows.stream()
                .map(r -> FunnelArea.rate(r.number("ev"), r.number("rate")))
                .toList();
        assertPoints(
                rows,
                Funnels.points(new FunnelStatistic.Rate(Type.CRUDE, 1e5, 3), areas),
                "rate_chart_crude",
                "denominator_derived_crude");
    }

    @Test
    void crudePointsWithZeroEventsUseThePopulation() {
        // "calculate_funnel_points works for dsrs with 0 event record and denominators supplied"
        // (crude, 5 years)
        double most = mostEvents();
        List<OracleCsv.Row> rows = rateFunnelInputs();
        List<FunnelArea> areas = rows.stream()
                .map(r ->
                        FunnelArea.rate(r.number("ev") == most ? 0 : r.number("ev"), r.number("rate"), r.number("pop")))
                .toList();
        assertPoints(
                rows,
                Funnels.points(new FunnelStatistic.Rate(Type.CRUDE, 1e5, 5), areas),
                "rate_chart_crude_with_denom",
                "denominator_derived_crude_with_denom");
    }

    // --- input errors (the package's messages) ------------------------------------------------

    @Test
    void rejectsImpossibleInputs() {
        // testFunnels.R "test error handling"
        assertMessage(
                "denominators must be greater than zero",
                () -> Funnels.significance(
                        PERCENTAGE, List.of(FunnelArea.proportion(65, 100), FunnelArea.proportion(80, 0))));
        assertMessage(
                "numerators must be greater than or equal to zero",
                () -> Funnels.significance(
                        PERCENTAGE, List.of(FunnelArea.proportion(-65, 100), FunnelArea.proportion(80, 100))));
        assertMessage(
                "numerators must be less than or equal to denominator for a proportion statistic",
                () -> Funnels.significance(
                        PERCENTAGE, List.of(FunnelArea.proportion(65, 100), FunnelArea.proportion(30, 20))));
        assertMessage(
                "for proportions, numerators and denominators must be provided for all records, "
                        + "even when their values are zero",
                () -> Funnels.limits(
                        PERCENTAGE, List.of(FunnelArea.proportion(Double.NaN, 100), FunnelArea.proportion(30, 200))));
        FunnelStatistic.Rate dsr = new FunnelStatistic.Rate(Type.DSR, 100, 1);
        assertMessage(
                "for rates, where there are 0 events for a record, the denominator must be provided",
                () -> Funnels.limits(dsr, List.of(FunnelArea.rate(100, 50), FunnelArea.rate(0, 0))));
        assertMessage(
                "for rates, numerators must be provided for all records, even when their values are zero",
                () -> Funnels.limits(dsr, List.of(FunnelArea.rate(100, 50), FunnelArea.rate(Double.NaN, 12))));
        assertMessage(
                "for rates, rates must be provided for all records, "
                        + "or a denominator must be provided if the rate is zero",
                () -> Funnels.significance(dsr, List.of(FunnelArea.rate(100, 50), FunnelArea.rate(12, Double.NaN))));
        assertThrows(IllegalArgumentException.class, () -> new FunnelStatistic.Rate(Type.CRUDE, 100, 0));
    }

    @Test
    void rChoosesScientificNotationWhenShorter() {
        // R: nchar(100000) is 5 ("1e+05"), nchar(123000) is 6, nchar(12000000) is 7 ("1.2e+07")
        assertEquals(5, FunnelAxis.rCharacters(100000));
        assertEquals(6, FunnelAxis.rCharacters(123000));
        assertEquals(7, FunnelAxis.rCharacters(12000000));
        assertEquals(1, FunnelAxis.rCharacters(0));
    }

    // --- helpers ------------------------------------------------------------------------------

    private static List<FunnelArea> proportionInputs(Predicate<FunnelArea> keep) {
        return OracleCsv.read("funnels/funnel_prop_inputs.csv").stream()
                .map(r -> FunnelArea.proportion(r.number("numerator"), r.number("denominator")))
                .filter(keep)
                .toList();
    }

    private static List<FunnelArea> ratioInputs() {
        return OracleCsv.read("funnels/funnel_ratio_inputs.csv").stream()
                .map(r -> FunnelArea.ratio(r.number("obs"), r.number("expected")))
                .toList();
    }

    private static List<OracleCsv.Row> rateFunnelInputs() {
        return OracleCsv.read("funnels/funnel_rate_input_funnels.csv");
    }

    private static double mostEvents() {
        return rateFunnelInputs().stream()
                .mapToDouble(r -> r.number("ev"))
                .max()
                .orElseThrow();
    }

    private static List<String> labels(List<OracleCsv.Row> rows, String column) {
        return rows.stream().map(r -> r.text(column)).toList();
    }

    private static void assertProportionLimits(String file, FunnelLimits limits) {
        List<OracleCsv.Row> expected = OracleCsv.read("funnels/" + file);
        assertEquals(expected.size(), limits.rows().size());
        for (int i = 0; i < expected.size(); i++) {
            OracleCsv.Row e = expected.get(i);
            FunnelLimits.Row a = limits.rows().get(i);
            String at = file + " row " + (i + 1);
            assertEquals(e.number("Population"), a.x(), at + " population");
            printed(e, "Lower2s0025limit", a.lower95().limit(), at);
            printed(e, "Upper2s0025limit", a.upper95().limit(), at);
            printed(e, "Lower3s0001limit", a.lower998().limit(), at);
            printed(e, "Upper3s0001limit", a.upper998().limit(), at);
            printed(e, "Baseline", limits.baseline(), at);
            assertEquals(a.x(), a.lower95().denominator(), at);
        }
    }

    private static void assertRatioLimits(FunnelLimits limits, String scale) {
        List<OracleCsv.Row> expected = OracleCsv.read("funnels/funnel_ratio_outputs.csv");
        assertEquals(expected.size(), limits.rows().size());
        for (int i = 0; i < expected.size(); i++) {
            OracleCsv.Row e = expected.get(i);
            FunnelLimits.Row a = limits.rows().get(i);
            String at = "ratio row " + (i + 1);
            assertEquals(e.number("Observed_events"), a.x(), at + " observed");
            assertLine(e, "lower_2s", "exp_events", scale, a.lower95(), at);
            assertLine(e, "upper_2s", "exp_events", scale, a.upper95(), at);
            assertLine(e, "lower_3s", "exp_events", scale, a.lower998(), at);
            assertLine(e, "upper_3s", "exp_events", scale, a.upper998(), at);
        }
    }

    private static void assertRateLimits(String file, FunnelLimits limits) {
        List<OracleCsv.Row> expected = OracleCsv.read("funnels/" + file);
        assertEquals(expected.size(), limits.rows().size());
        for (int i = 0; i < expected.size(); i++) {
            OracleCsv.Row e = expected.get(i);
            FunnelLimits.Row a = limits.rows().get(i);
            String at = file + " row " + (i + 1);
            assertEquals(e.number("Events"), a.x(), at + " events");
            assertLine(e, "lower_2s", "population_1_year", "limit", a.lower95(), at);
            assertLine(e, "upper_2s", "population_1_year", "limit", a.upper95(), at);
            assertLine(e, "lower_3s", "population_1_year", "limit", a.lower998(), at);
            assertLine(e, "upper_3s", "population_1_year", "limit", a.upper998(), at);
            printed(e, "baseline", limits.baseline(), at);
            assertEquals(e.text("statistic"), limits.statistic().label(), at);
            assertEquals(e.text("method"), limits.statistic().method(), at);
        }
    }

    private static void assertLine(
            OracleCsv.Row e, String line, String denominator, String limit, FunnelLimits.Line actual, String at) {
        printed(e, line + "_" + denominator, actual.denominator(), at);
        printed(e, line + "_" + limit, actual.limit(), at);
    }

    private static void assertRateSignificance(
            Type type, double multiplier, String rateColumn, boolean withZero, String expectedColumn) {
        List<OracleCsv.Row> rows = OracleCsv.read("funnels/funnel_rate_dsr_inputs.csv").stream()
                .filter(r -> withZero || r.number("count") != 0)
                .toList();
        List<FunnelArea> areas = rows.stream()
                .map(r -> FunnelArea.rate(r.number("count"), r.number(rateColumn), r.number("pop")))
                .toList();
        List<String> actual = Funnels.significance(FunnelStatistic.Rate.of(type, multiplier), areas).stream()
                .map(FunnelSignificance::label)
                .toList();
        assertEquals(labels(rows, expectedColumn), actual, expectedColumn);
    }

    private static void assertPoints(
            List<OracleCsv.Row> rows, List<Funnels.Point> points, String rate, String population) {
        assertEquals(rows.size(), points.size());
        for (int i = 0; i < rows.size(); i++) {
            printed(rows.get(i), rate, points.get(i).rate(), "row " + (i + 1));
            printed(rows.get(i), population, points.get(i).populationPerYear(), "row " + (i + 1));
        }
    }

    /** Equal to the precision printed in the oracle: within one unit of its last decimal digit. */
    private static void printed(OracleCsv.Row row, String column, double actual, String at) {
        String text = row.text(column);
        int dot = text.indexOf('.');
        int decimals = dot < 0 ? 0 : text.length() - dot - 1;
        Close.absolute(row.number(column), actual, Math.pow(10, -decimals), at + " " + column);
    }

    private static void assertMessage(String message, org.junit.jupiter.api.function.Executable call) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
    }
}
