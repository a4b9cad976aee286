package org.openphm.analyses.performance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openphm.analyses.performance.Tables.get;
import static org.openphm.analyses.performance.Tables.number;
import static org.openphm.analyses.performance.Tables.row;
import static org.openphm.analyses.performance.Tables.table;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openphm.analyses.SpecEngines;
import org.openphm.analyses.catalogue.AnalysisContext;
import org.openphm.analyses.catalogue.AnalysisTable;
import org.openphm.analyses.indicator.Geography;
import org.openphm.engine.Engine;
import org.openphm.model.FinancialYear;
import org.openphm.model.Progress;

/**
 * Specification of the dashboard pages on {@link PerformanceSpecData}: the DP 7.2 virtual-ward occupancy cells
 * as printed (so the DP's own arrow, YTD and ranks are the expected answers) and a series small enough to
 * work its SPC by hand. The feed is an organisation-level aggregate read as rows; each engine-backed case runs on
 * DuckDB and on Spark ({@link SpecEngines}), the trend-arrow case is plain Java.
 */
class PerformanceDashboardSpecTest {

    static AnalysisContext context(Engine engine) {
        return new AnalysisContext(engine, Geography.of(List.of()), List.of(new FinancialYear(2024)), Progress.SILENT);
    }

    static DashboardPage virtualWards() {
        return DashboardPage.dataPack().stream()
                .filter(p -> p.id().equals("dp-7.2-virtual-wards"))
                .findFirst()
                .orElseThrow();
    }

    @ParameterizedTest
    @ValueSource(strings = {SpecEngines.DUCKDB, SpecEngines.SPARK})
    void virtualWardOccupancyAsTheDataPackPrintsIt(String engineName, @TempDir Path dir) throws Exception {
        try (Engine engine = SpecEngines.open(engineName, dir, List.of(PerformanceSpecData.metrics()))) {
            List<AnalysisTable> tables = new PerformanceDashboard(virtualWards()).compute(context(engine));
            AnalysisTable summary = table(tables, "summary");
            List<Object> jun = row(summary, "view", PerformanceDashboard.DATA_PACK_VIEW, "metric_id", "vw_occupancy");
            assertEquals("2025-06", get(summary, jun, "month"));
            assertEquals(62.10, number(summary, jun, "value"), 1e-9);
            assertEquals(false, get(summary, jun, "meets_benchmark"));
            // DP arrow: Jun-25 62.10 against the mean of Dec-24..May-25 (75.60 + 32.90 + 71.50 + 74.70 + 81.60 +
            // 60.90) / 6 = 397.20 / 6 = 66.20: down, as DP 7.2 prints it.
            assertEquals(66.20, number(summary, jun, "previous_6_mean"), 1e-9);
            assertEquals("↓", get(summary, jun, "trend_arrow"));
            // YTD Apr-Jun 25: (81.60 + 60.90 + 62.10) / 3 = 68.20 against a mean threshold of 80.00; April alone meets
            // it. DP 7.2: "year to date (April to June 25) it was consistently below the target".
            assertEquals(3L, get(summary, jun, "ytd_points"));
            assertEquals(68.20, number(summary, jun, "ytd_mean"), 1e-9);
            assertEquals(80.00, number(summary, jun, "ytd_benchmark"), 1e-9);
            assertEquals(1L, get(summary, jun, "ytd_points_meeting"));
            assertEquals(false, get(summary, jun, "ytd_meets"));
            // In the 12-month window, Jul-24 (86.00 >= 80.00) and Apr-25 (81.60 >= 80.00) meet the threshold: the
            // DP's "only met in April 25" conflicts with its own Jul-24 cell.
            assertEquals(12L, get(summary, jun, "window_points"));
            assertEquals(2L, get(summary, jun, "window_points_meeting"));
            assertEquals("6 / 6", get(summary, jun, "regional_rank_of"));
            assertEquals("27 / 42", get(summary, jun, "national_rank_of"));
            assertEquals(88.30, number(summary, jun, "regional_value"), 1e-9);
            assertEquals(77.60, number(summary, jun, "national_value"), 1e-9);
            // 12 points are below Making Data Count's 15: a run chart, no limits, no icons.
            assertEquals(false, get(summary, jun, "spc_limits_shown"));
            assertNull(get(summary, jun, "spc_upper_limit"));
            assertNull(get(summary, jun, "variation"));
            assertNull(get(summary, jun, "assurance"));
            // The 12-month window flags and the benchmark lines for the trend chart
            AnalysisTable series = table(tables, "series");
            assertEquals(
                    12,
                    Tables.rows(series, "metric_id", "vw_occupancy", "dp_window", "yes")
                            .size());
            AnalysisTable benchmarks = table(tables, "benchmarks");
            assertEquals(
                    48, Tables.rows(benchmarks, "metric_id", "vw_occupancy").size());
            List<Object> july = row(benchmarks, "month", "2024-07", "measure", "Regional");
            assertEquals(91.33, number(benchmarks, july, "value"), 1e-9);
        }
    }

    @Test
    void trendArrowsOfTheOtherPrintedSeriesFollowTheDefinition() {
        // DP 8.12 % same day, May-25 44.74 against Nov-24..Apr-25 (41.04 + 44.26 + 43.83 + 43.94 + 44.82 + 44.79)
        // / 6 = 262.68 / 6 = 43.78: up, as printed.
        assertEquals(TrendArrow.UP, TrendArrow.at(List.of(41.04, 44.26, 43.83, 43.94, 44.82, 44.79, 44.74), 6));
        // DP 8.12 appointments: 534,833 against (535,619 + 496,361 + 574,012 + 523,082 + 563,132 + 526,225) / 6
        // = 536,405.17: down by the definition, although the DP prints an up arrow (reported as a seed conflict).
        assertEquals(
                TrendArrow.DOWN,
                TrendArrow.at(List.of(535619.0, 496361.0, 574012.0, 523082.0, 563132.0, 526225.0, 534833.0), 6));
        // DP 7.4 reliable recovery, ELFT: 50% against six months of 50%: level (↔), as printed.
        assertEquals(TrendArrow.LEVEL, TrendArrow.at(List.of(50.0, 50.0, 50.0, 50.0, 50.0, 50.0, 50.0), 6));
        assertNull(TrendArrow.at(List.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0), 5));
    }

    @ParameterizedTest
    @ValueSource(strings = {SpecEngines.DUCKDB, SpecEngines.SPARK})
    void spcOutputsAreCarriedPointByPoint(String engineName, @TempDir Path dir) throws Exception {
        try (Engine engine = SpecEngines.open(engineName, dir, List.of(PerformanceSpecData.metrics()))) {
            DashboardPage demo = new DashboardPage(
                    "dp-7.2-spc-demo",
                    "DP 7.2",
                    "demo",
                    "demo",
                    List.of(new DashboardPage.PageMetric("spc_demo", "SPC demonstration", "count", List.of("QHG"))),
                    YearMonth.of(2025, 3),
                    List.of());
            List<AnalysisTable> tables = new PerformanceDashboard(demo).compute(context(engine));
            AnalysisTable series = table(tables, "series");
            // 16 points: 10, 12 alternating for 15 points (eight 10s, seven 12s), then 20.
            // mean = (80 + 84 + 20) / 16 = 11.5. Moving ranges: fourteen of 2, then |20 - 10| = 10, mean 38 / 15.
            // Limits 11.5 ± 2.66 × 38 / 15 = 11.5 ± 6.738667: 4.761333 and 18.238667. 20 is above: special cause,
            // improvement (polarity high). Target 15 lies inside the limits: hit and miss.
            List<Object> last = row(series, "metric_id", "spc_demo", "month", "2025-04");
            assertEquals(11.5, number(series, last, "mean"), 1e-9);
            assertEquals(11.5 + 2.66 * 38 / 15, number(series, last, "upper_limit"), 1e-9);
            assertEquals(11.5 - 2.66 * 38 / 15, number(series, last, "lower_limit"), 1e-9);
            assertEquals("improvement", get(series, last, "special_cause"));
            assertEquals("outside limits (high)", get(series, last, "rules"));
            assertEquals("Special cause improvement (high)", get(series, last, "variation"));
            assertEquals("Hit and miss", get(series, last, "assurance"));
            List<Object> first = row(series, "metric_id", "spc_demo", "month", "2024-01");
            assertEquals("", get(series, first, "special_cause"));
            assertEquals("Common cause", get(series, first, "variation"));
            assertNull(get(series, first, "assurance"));
            // The data pack view (Mar-25) uses the 15 points up to then: mean 164 / 15, all moving ranges 2, limits
            // 164 / 15 ± 5.32; the last point (10) is common cause and the target 15 lies inside: hit and miss.
            AnalysisTable summary = table(tables, "summary");
            List<Object> dp = row(summary, "view", PerformanceDashboard.DATA_PACK_VIEW, "metric_id", "spc_demo");
            assertEquals(15L, get(summary, dp, "spc_points"));
            assertEquals(true, get(summary, dp, "spc_limits_shown"));
            assertEquals(164.0 / 15, number(summary, dp, "spc_mean"), 1e-9);
            assertEquals(164.0 / 15 + 5.32, number(summary, dp, "spc_upper_limit"), 1e-9);
            assertEquals("Common cause", get(summary, dp, "variation"));
            assertEquals("Hit and miss", get(summary, dp, "assurance"));
            List<Object> latest = row(summary, "view", PerformanceDashboard.LATEST_VIEW, "metric_id", "spc_demo");
            assertEquals("Special cause improvement (high)", get(summary, latest, "variation"));
            assertTrue(new PerformanceDashboard(demo)
                    .info().charts().stream().anyMatch(c -> c.kind().equals("spc")));
            assertFalse(new PerformanceDashboard(demo).info().caveats().isEmpty());
        }
    }
}
