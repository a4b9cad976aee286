package org.openphm.stats.spc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Per-point XmR limits and classification against NHSRplotthedots (spc/spc_xmr.csv: 5 series, 96 points):
 * the snapshot cases of tests/testthat/test-ptd_spc_standard.R (set.seed(123) rnorm(20); the same with
 * y[15] = 10, outliers screened and not) and the two series of vignettes/deviations.Rmd, which documents
 * UPL 4.6 / mean 1.94 / LPL -0.72 with screening and UPL 6.95 / LPL -3.06 without ("the same output as
 * Excel"). Each series is run with the options its row records (NHSRplotthedots semantics).
 */
class SpcXmrOracleTest {

    private static final double REL = 1e-9;

    static Stream<Arguments> series() {
        Map<String, List<Map<String, String>>> bySeries = new LinkedHashMap<>();
        for (Map<String, String> row : OracleCsv.read("/spc/spc_xmr.csv")) {
            bySeries.computeIfAbsent(row.get("series_id") + "|" + row.get("facet"), k -> new ArrayList<>())
                    .add(row);
        }
        return bySeries.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("series")
    void matchesNhsrPlotTheDots(String id, List<Map<String, String>> rows) {
        Map<String, String> first = rows.get(0);
        // These five series have no rebase, no fixed baseline and no facet; fail loudly if that changes.
        assertEquals("NA", first.get("fix_after_n_points"));
        assertEquals("", first.get("rebase_dates"));
        List<Double> y = rows.stream().map(r -> Double.parseDouble(r.get("y"))).toList();
        SpcOptions options = SpcOptions.nhsrPlotTheDots(
                        OracleCsv.direction(first.get("improvement_direction")),
                        OracleCsv.nullableDouble(first.get("target")))
                .withScreenOutliers(
                        Boolean.parseBoolean(first.get("screen_outliers").toLowerCase()));

        SpcChart chart = SpcChart.compute(y, options);

        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> row = rows.get(i);
            SpcPoint p = chart.points().get(i);
            String at = id + " point " + row.get("point_index");
            assertClose(Double.parseDouble(row.get("mean")), p.mean(), at + " mean");
            assertClose(Double.parseDouble(row.get("lpl")), p.lowerProcessLimit(), at + " lpl");
            assertClose(Double.parseDouble(row.get("upl")), p.upperProcessLimit(), at + " upl");
            assertEquals(Boolean.parseBoolean(row.get("outside_limits").toLowerCase()), p.outsideLimits(), at);
            assertEquals(Integer.parseInt(row.get("relative_to_mean")), p.sideOfMean(), at);
            assertEquals(Boolean.parseBoolean(row.get("close_to_limits").toLowerCase()), p.beyondTwoSigma(), at);
            assertEquals(row.get("special_cause_type"), NhsrLabels.specialCauseType(p.specialCause()), at);
            assertEquals(Boolean.parseBoolean(row.get("special_cause_flag").toLowerCase()), p.isSpecialCause(), at);
            assertEquals(row.get("point_type"), NhsrLabels.pointType(p.variation()), at);
        }
    }

    /**
     * The Excel-equivalent vignette series under the Making Data Count defaults themselves (18 points, so the
     * MDC minimum of 15 is met): vignettes/deviations.Rmd states UPL 6.95, mean 1.94, LPL -3.06 to 2 dp and one
     * special-cause improvement point (the 10).
     */
    @Test
    void makingDataCountDefaultsReproduceTheExcelToolVignette() {
        List<Double> y =
                List.of(1.0, 2.0, 1.0, 2.0, 10.0, 1.0, 2.0, 1.0, 2.0, 1.0, 2.0, 1.0, 2.0, 1.0, 2.0, 1.0, 2.0, 1.0);
        SpcChart chart = SpcChart.compute(y, SpcOptions.makingDataCount(ImprovementDirection.INCREASE, null));
        SpcPoint p = chart.points().get(0);
        assertEquals(6.95, p.upperProcessLimit(), 0.005);
        assertEquals(1.94, p.mean(), 0.005);
        assertEquals(-3.06, p.lowerProcessLimit(), 0.005);
        assertEquals(
                List.of(4),
                chart.points().stream()
                        .filter(SpcPoint::isSpecialCause)
                        .map(SpcPoint::index)
                        .toList());
        assertEquals(VariationIcon.IMPROVEMENT_HIGH, chart.points().get(4).variation());
    }

    private static void assertClose(double expected, Double actual, String what) {
        assertEquals(expected, actual, Math.abs(expected) * REL + 1e-12, what);
    }
}
