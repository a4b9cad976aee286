package org.openphm.analyses.performance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.openphm.analyses.performance.AccessSpecData.BEDFORD;
import static org.openphm.analyses.performance.AccessSpecData.ICB;
import static org.openphm.analyses.performance.AccessSpecData.MK;
import static org.openphm.analyses.performance.Tables.get;
import static org.openphm.analyses.performance.Tables.number;
import static org.openphm.analyses.performance.Tables.row;
import static org.openphm.analyses.performance.Tables.rows;
import static org.openphm.analyses.performance.Tables.table;

import java.nio.file.Path;
import java.util.ArrayList;
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
import org.openphm.engine.spec.SpecTable;
import org.openphm.model.FinancialYear;
import org.openphm.model.Progress;

/** Specification of DP 7.3, 7.7/7.8 and 8.2/8.3 on {@link AccessSpecData}; answers derived by hand there and here. */
class AccessAndBenchmarkingTest {

    @TempDir
    Path dir;

    static final List<FinancialYear> YEARS = List.of(new FinancialYear(2023), new FinancialYear(2024));

    private AnalysisContext context(Engine engine) {
        return new AnalysisContext(engine, Geography.load(engine), YEARS, Progress.SILENT);
    }

    private Engine open(String engine) throws Exception {
        List<SpecTable> tables = new ArrayList<>(AccessSpecData.camhs());
        tables.add(AccessSpecData.waitingList());
        tables.add(AccessSpecData.benchmarking());
        return SpecEngines.open(engine, dir, tables);
    }

    @ParameterizedTest
    @ValueSource(strings = {SpecEngines.DUCKDB, SpecEngines.SPARK})
    void camhsReferralsAndAcceptanceByPlaceAndQuarter(String name) throws Exception {
        try (Engine engine = open(name)) {
            List<AnalysisTable> tables = CamhsAccess.byPlace().compute(context(engine));
            AnalysisTable years = table(tables, "by-year");
            // Bedford: r1 accepted in 2023/24, r2 not accepted in 2024/25
            assertEquals(1L, get(years, row(years, "area_code", BEDFORD, "year", "2023/24"), "accepted"));
            assertEquals(0.0, number(years, row(years, "area_code", BEDFORD, "year", "2024/25"), "accepted_pct"), 1e-9);
            // MK 2024/25: r4, r5, r6, r10 = 4 referrals, r4 and r6 accepted = 50%; 2023/24: r3 alone.
            // Change 1 -> 4 = +300%, ratio to 2023/24 = 4, acceptance 100% -> 50% = -50 points.
            List<Object> mk = row(years, "area_code", MK, "year", "2024/25");
            assertEquals(4L, get(years, mk, "referrals"));
            assertEquals(2L, get(years, mk, "accepted"));
            assertEquals(50.0, number(years, mk, "accepted_pct"), 1e-9);
            assertEquals(300.0, number(years, mk, "change_pct"), 1e-9);
            assertEquals(4.0, number(years, mk, "ratio_to_first_year"), 1e-9);
            assertEquals(-50.0, number(years, mk, "accepted_pct_change_from_first_year"), 1e-9);
            // ICB 2024/25: 5 referrals, 2 accepted = 40%. Wilson 95% for 2 of 5: centre (0.4 + z²/10) / (1 + z²/5)
            // = 0.78415 / 1.76829 = 0.44345, half-width z √(0.048 + z²/100) / 1.76829 = 0.32584 with z = 1.959964:
            // 11.76% to 76.93%.
            List<Object> icb = row(years, "area_code", ICB, "year", "2024/25");
            assertEquals(5L, get(years, icb, "referrals"));
            assertEquals(40.0, number(years, icb, "accepted_pct"), 1e-9);
            assertEquals(11.76, number(years, icb, "lower_ci95"), 0.01);
            assertEquals(76.93, number(years, icb, "upper_ci95"), 0.01);
            AnalysisTable quarters = table(tables, "by-quarter");
            // MK 2024/25: Q1 r4, r6 (both accepted); Q2 r10 (not); Q3 none; Q4 r5 (not)
            List<Object> q1 = row(quarters, "area_code", MK, "quarter", "2024/25 Q1");
            assertEquals(2L, get(quarters, q1, "referrals"));
            assertEquals(100.0, number(quarters, q1, "accepted_pct"), 1e-9);
            assertEquals(1L, get(quarters, row(quarters, "area_code", MK, "quarter", "2024/25 Q2"), "referrals"));
            assertEquals(
                    0, rows(quarters, "area_code", MK, "quarter", "2024/25 Q3").size());
            assertEquals(1L, get(quarters, row(quarters, "area_code", MK, "quarter", "2024/25 Q4"), "referrals"));
            assertEquals(1L, get(quarters, row(quarters, "area_code", MK, "quarter", "2023/24 Q2"), "referrals"));

            // DP 8.3: CNWL (RV3) only: r3 in 2023/24; r4, r5, r6, r10 in 2024/25 -> ratio 4
            AnalysisTable cnwl = table(CamhsAccess.oneProvider().orElseThrow().compute(context(engine)), "by-year");
            assertEquals(2, cnwl.rows().size());
            assertEquals(
                    4.0, number(cnwl, row(cnwl, "area_code", "RV3", "year", "2024/25"), "ratio_to_first_year"), 1e-9);
        }
    }

    @Test
    void waitingListsTopTeamsTrendAndProviderMeans() throws Exception {
        try (Engine engine = open(SpecEngines.DUCKDB)) {
            List<AnalysisTable> community = WaitingLists.adultCommunity().compute(context(engine));
            AnalysisTable top = table(community, "top-teams");
            // ELFT as DP 7.7 prints it: Podiatry Circle first (782 in Jul-25, 937 in Apr-25: -155, ↓), then
            // Wheelchairs (120, from 110: ↑)
            List<Object> circle = row(top, "view", "Data pack", "provider_code", "RWK", "rank", 1L);
            assertEquals("Adult Podiatry Circle", get(top, circle, "service"));
            assertEquals(782L, get(top, circle, "waiting_18w_plus"));
            assertEquals(937L, get(top, circle, "first_waiting_18w_plus"));
            assertEquals(-155L, get(top, circle, "change"));
            assertEquals("↓", get(top, circle, "trend"));
            assertEquals(78.2, number(top, circle, "waiting_18w_plus_pct"), 1e-9);
            assertEquals("↑", get(top, row(top, "view", "Data pack", "provider_code", "RWK", "rank", 2L), "trend"));
            // Teams the DP does not list stay visible, as "Not classified"; the top 10 of 11 drops Team 01 (1 waiter)
            List<List<Object>> ccs = rows(top, "view", "Data pack", "provider_code", "RYV");
            assertEquals(10, ccs.size());
            assertEquals(
                    "Team 11", get(top, row(top, "view", "Data pack", "provider_code", "RYV", "rank", 1L), "service"));
            assertEquals(0, rows(top, "service", "Team 01").size());
            assertEquals(WaitingListServices.NOT_CLASSIFIED, get(top, ccs.get(0), "setting"));
            // CAMHS - ADHD is DP 7.8's, not DP 7.7's
            assertEquals(0, rows(top, "service", "CAMHS - ADHD").size());
            // four-month trend rows: 4 months for each of ELFT's two teams
            assertEquals(
                    8,
                    rows(table(community, "top-teams-trend"), "view", "Data pack", "provider_code", "RWK")
                            .size());
            // ELFT Jul-25: lists 1,000 + 200 = 1,200, waiters 782 + 120 = 902, mean wait (30 x 1000 + 20 x 200)
            // / 1200 = 28.333 weeks
            AnalysisTable months = table(community, "by-provider-month");
            List<Object> jul = row(months, "provider_code", "RWK", "month", "2025-07");
            assertEquals(1200L, get(months, jul, "waiting_total"));
            assertEquals(902L, get(months, jul, "waiting_18w_plus"));
            assertEquals(34000.0 / 1200, number(months, jul, "mean_wait_weeks"), 1e-9);

            AnalysisTable mh = table(WaitingLists.mentalHealth().compute(context(engine)), "top-teams");
            List<Object> adhd = row(mh, "view", "Data pack", "service", "CAMHS - ADHD");
            assertEquals(WaitingListServices.CHILDREN_MENTAL_HEALTH, get(mh, adhd, "setting"));
            assertEquals(223L, get(mh, adhd, "first_waiting_18w_plus"));
            assertEquals(254L, get(mh, adhd, "waiting_18w_plus"));
        }
    }

    @Test
    void regionalBenchmarkingAppliesTheDataPackColourKeys() throws Exception {
        try (Engine engine = open(SpecEngines.DUCKDB)) {
            AnalysisTable t = table(new RegionalBenchmarking().compute(context(engine)), "by-organisation");
            // Only the latest month (2025-05): the 2025-04 row for QHG is ignored -> 11 rows
            assertEquals(11, t.rows().size());
            // % of plan: 99.68 in [95, 100) amber; 87.63 < 95 red; 104.97 >= 100 green (DP 7.3 key)
            String plan = "mhb_cyp_access_pct_plan";
            assertEquals("amber", get(t, row(t, "metric_id", plan, "org_code", "QHG"), "colour"));
            assertEquals("red", get(t, row(t, "metric_id", plan, "org_code", "QUE"), "colour"));
            assertEquals("green", get(t, row(t, "metric_id", plan, "org_code", "QM7"), "colour"));
            assertEquals("Region", get(t, row(t, "metric_id", plan, "org_code", "Y61"), "org_type"));
            assertEquals(
                    "Bedfordshire, Luton and Milton Keynes",
                    get(t, row(t, "metric_id", plan, "org_code", "QHG"), "org_name"));
            // % change (higher is better): -0.63 worsened; 0.00 no change (amber); 1.91 >= 0.5 improvement
            String change = "mhb_cyp_access_pct_change";
            assertEquals("Worsened", get(t, row(t, "metric_id", change, "org_code", "QHG"), "key"));
            assertEquals("amber", get(t, row(t, "metric_id", change, "org_code", "QJG"), "colour"));
            assertEquals("green", get(t, row(t, "metric_id", change, "org_code", "QM7"), "colour"));
            // LoS, lower is better: +4 days on plan is worse, -2 better; a rise of 4 days has worsened, a fall of
            // 3 is an improvement of 0.5 or more
            assertEquals(
                    "Worse than plan", get(t, row(t, "metric_id", "mhb_alos_plan_diff", "org_code", "QHG"), "key"));
            assertEquals("green", get(t, row(t, "metric_id", "mhb_alos_plan_diff", "org_code", "QJG"), "colour"));
            assertEquals("Worsened", get(t, row(t, "metric_id", "mhb_alos_change", "org_code", "QHG"), "key"));
            assertEquals(
                    "Improved by 0.5 or more",
                    get(t, row(t, "metric_id", "mhb_alos_change", "org_code", "QMM"), "key"));
            assertEquals("cyp_access", get(t, row(t, "metric_id", plan, "org_code", "QHG"), "measure"));
            assertNull(get(t, row(t, "metric_id", plan, "org_code", "Y61"), "regional_rank"));
        }
    }
}
