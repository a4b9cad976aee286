package org.openphm.stats.spc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Variation and assurance icons and last-group counts against NHSRplotthedots (spc/spc_icons.csv, 17 rows).
 * The icons of the 11 icon_s* rows are asserted by tests/testthat/test-geom_ptd_icon.R ("ptd_get_icons
 * transforms the data correctly"); the last two point types of two_close_points_opposite_sides by
 * test-ptd_spc_standard.R; the counts were computed by running the package (oracles README). Inputs come
 * from spc_xmr.csv or, for the icon series, from icon_series_inputs.csv (see spc/SOURCES.md). All rows use
 * ptd_spc defaults, i.e. {@link SpcOptions#nhsrPlotTheDots}; facet "0"/"1" are the first/last 12 points.
 */
class SpcIconsOracleTest {

    private static final Map<String, List<Double>> INPUTS = inputs();

    static Stream<Arguments> rows() {
        return OracleCsv.read("/spc/spc_icons.csv").stream()
                .map(r -> Arguments.of(
                        r.get("series_id") + (r.get("facet").isEmpty() ? "" : " facet " + r.get("facet")), r));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void matchesNhsrPlotTheDots(String id, Map<String, String> row) {
        List<Double> y = INPUTS.get(row.get("series_id"));
        y = switch (row.get("facet")) {
            case "" -> y;
            case "0" -> y.subList(0, 12);
            case "1" -> y.subList(12, 24);
            default -> throw new AssertionError(row.get("facet"));
        };
        SpcOptions options = SpcOptions.nhsrPlotTheDots(
                OracleCsv.direction(row.get("improvement_direction")), OracleCsv.nullableDouble(row.get("target")));
        if (row.get("series_id").startsWith("snap_r3")
                || row.get("series_id").equals("vignette_outlier_not_screened")) {
            options = options.withScreenOutliers(false);
        }

        SpcChart chart = SpcChart.compute(y, options);

        SpcPoint last = chart.points().get(chart.points().size() - 1);
        assertEquals(row.get("last_point_type"), NhsrLabels.pointType(last.variation()), id);
        assertEquals(
                row.get("variation_icon"),
                NhsrLabels.variationIcon(chart.summary().variation()),
                id);
        assertEquals(
                row.get("assurance_type"),
                NhsrLabels.assuranceType(chart.summary().assurance()),
                id);
        SpcChart.GroupCounts counts = chart.countsForRebaseGroup(chart.lastRebaseGroup());
        assertEquals(Integer.parseInt(row.get("last_group_n")), counts.points(), id);
        assertEquals(Integer.parseInt(row.get("last_group_common_cause")), counts.commonCause(), id);
        assertEquals(Integer.parseInt(row.get("last_group_special_cause_improvement")), counts.improvement(), id);
        assertEquals(Integer.parseInt(row.get("last_group_special_cause_concern")), counts.concern(), id);
    }

    /** Guards the regenerated R inputs: their first 20 values must be the oracle's rnorm(20) snapshot data. */
    @Test
    void regeneratedRandomInputsAgreeWithTheOracleSnapshotData() {
        List<Double> snapshot = INPUTS.get("snap_r1_rnorm20_seed123");
        List<Double> regenerated = INPUTS.get("icon_s1");
        for (int i = 0; i < 20; i++) {
            assertEquals(snapshot.get(i), regenerated.get(i), 1e-14 + Math.abs(snapshot.get(i)) * 1e-14);
        }
    }

    private static Map<String, List<Double>> inputs() {
        Map<String, List<Double>> bySeries = new HashMap<>();
        for (Map<String, String> row : OracleCsv.read("/spc/spc_xmr.csv")) {
            bySeries.computeIfAbsent(row.get("series_id"), k -> new ArrayList<>())
                    .add(Double.parseDouble(row.get("y")));
        }
        for (Map<String, String> row : OracleCsv.read("/spc/icon_series_inputs.csv")) {
            bySeries.put(row.get("series_id"), OracleCsv.doubles(row.get("y")));
        }
        return bySeries;
    }
}
