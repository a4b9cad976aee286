package org.openphm.analyses.performance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openphm.analyses.performance.Tables.get;
import static org.openphm.analyses.performance.Tables.number;
import static org.openphm.analyses.performance.Tables.row;
import static org.openphm.analyses.performance.Tables.rows;
import static org.openphm.analyses.performance.Tables.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openphm.analyses.catalogue.AnalysisContext;
import org.openphm.analyses.catalogue.AnalysisTable;
import org.openphm.analyses.fidelity.SyntheticBlmk;
import org.openphm.analyses.indicator.Geography;
import org.openphm.analyses.indicator.Periods;
import org.openphm.engine.Engine;
import org.openphm.model.Progress;

/**
 * Fidelity of the performance and access analyses to the BLMK data pack's published figures (DP 7.2-7.8, 8.2, 8.3,
 * 8.12) on the synthetic BLMK workspace built end to end ({@link SyntheticBlmk}). Published dashboard cells are in
 * the feed as printed, so the DP's own answers (arrows, ranks, YTD, colour keys) must come out exactly; waiting-list
 * counts are the published ones scaled by patients / 1,139,000; CAMHS trends come from the patient-level activity
 * model and are checked for direction and size. Each check is printed; seed conflicts are reported, not asserted
 * away.
 */
class PerformanceFidelityTest {

    final List<String> report = new ArrayList<>();

    @Test
    void reproducesDataPackSection6() throws Exception {
        try (Engine engine = SyntheticBlmk.engine()) {
            AnalysisContext context =
                    new AnalysisContext(engine, Geography.load(engine), Periods.of(engine), Progress.SILENT);
            try {
                dashboards(context);
                benchmarking(context);
                waitingLists(context);
                camhs(context);
            } finally {
                System.out.println("Performance fidelity (DP 7.2-7.8, 8.2, 8.3, 8.12), " + SyntheticBlmk.patients()
                        + " patients:\n  " + String.join("\n  ", report));
            }
        }
    }

    private AnalysisTable summary(AnalysisContext context, String pageId) {
        DashboardPage page = DashboardPage.dataPack().stream()
                .filter(p -> p.id().equals(pageId))
                .findFirst()
                .orElseThrow();
        return table(new PerformanceDashboard(page).compute(context), "summary");
    }

    private void dashboards(AnalysisContext context) {
        AnalysisTable vw = summary(context, "dp-7.2-virtual-wards");
        List<Object> occupancy = row(vw, "view", "Data pack", "metric_id", "vw_occupancy");
        // DP 7.2: "target of 80% was only met in April 25" — the feed keeps the DP's 86.00% for Jul-24, so two
        // months of the window meet it.
        long met = (Long) get(vw, occupancy, "window_points_meeting");
        report.add("DP 7.2 VW occupancy months meeting 80% in Jul-24..Jun-25: " + met
                + " (DP text: only Apr-25; DP table: Jul-24 86.00% and Apr-25 81.60% — seed conflict)");
        assertEquals(2L, met);
        assertEquals(false, get(vw, occupancy, "ytd_meets"), "DP 7.2: YTD consistently below target");
        report.add(String.format(
                "DP 7.2 VW occupancy YTD Apr-Jun 25 mean %.2f%% vs 80%%: below (DP: below)",
                number(vw, occupancy, "ytd_mean")));
        Map<String, String[]> printed = Map.of(
                "vw_occupancy", new String[] {"↓", "6 / 6", "27 / 42"},
                "vw_capacity", new String[] {"↓", "2 / 6", "22 / 42"},
                "vw_utilisation", new String[] {"↓", "3 / 6", "27 / 42"});
        check(vw, printed, true);
        AnalysisTable gp = summary(context, "dp-8.12-primary-care-access");
        check(
                gp,
                Map.of(
                        "gp_same_day",
                        new String[] {"↑", "3 / 6", "19 / 42"},
                        "gp_non_gp",
                        new String[] {"↑", "4 / 6", "14 / 42"},
                        "gp_within_2_weeks",
                        new String[] {"↑", "3 / 6", "19 / 42"}),
                true);
        // Known disagreements with the DP's own figures: reported, not asserted
        check(gp, Map.of("gp_appointments", new String[] {"↑", "5 / 6", "27 / 42"}), false);
        AnalysisTable oap = summary(context, "dp-7.5-out-of-area-placements");
        check(oap, Map.of("oap_placements", new String[] {"↑", "3 / 6", "13 / 42"}), false);
        List<Object> placements = row(oap, "view", "Data pack", "metric_id", "oap_placements");
        report.add("DP 7.5 OAP placements May-25 trend judgement: " + get(oap, placements, "trend_judgement")
                + " (the DP's ↑ matches the judgement, not the raw direction)");
        AnalysisTable all =
                table(new PerformanceDashboard(DashboardPage.dataPack().get(0)).compute(context), "series");
        long withLimits = rows(all, "metric_id", "vw_occupancy").stream()
                .filter(r -> get(all, r, "upper_limit") != null)
                .count();
        report.add("DP 7.2 VW occupancy SPC: " + withLimits + " of "
                + rows(all, "metric_id", "vw_occupancy").size()
                + " months with limits; latest variation "
                + get(vw, row(vw, "view", "Latest", "metric_id", "vw_occupancy"), "variation") + ", assurance "
                + get(vw, row(vw, "view", "Latest", "metric_id", "vw_occupancy"), "assurance"));
        assertTrue(withLimits >= 15, "SPC over the whole series (30 months) shows limits");
    }

    /** Trend arrow and ranks at the page's month against the DP's printed ones. */
    private void check(AnalysisTable summary, Map<String, String[]> printed, boolean assertIt) {
        printed.forEach((metric, dp) -> {
            List<Object> r = row(summary, "view", "Data pack", "metric_id", metric);
            String[] ours = {
                (String) get(summary, r, "trend_arrow"),
                (String) get(summary, r, "regional_rank_of"),
                (String) get(summary, r, "national_rank_of")
            };
            boolean same = java.util.Arrays.equals(dp, ours);
            report.add(String.format(
                    "%s %s at %s: arrow %s, ranks %s, %s (DP %s %s %s)%s",
                    get(summary, r, "metric_id"),
                    get(summary, r, "org_code"),
                    get(summary, r, "month"),
                    ours[0],
                    ours[1],
                    ours[2],
                    dp[0],
                    dp[1],
                    dp[2],
                    same ? "" : " — MISMATCH with the DP's print"));
            if (assertIt) {
                assertEquals(List.of(dp), List.of(ours), metric);
            }
        });
    }

    private void benchmarking(AnalysisContext context) {
        AnalysisTable t = table(new RegionalBenchmarking().compute(context), "by-organisation");
        // DP 7.3 BLMK: CYP access 99.68% of plan (amber), perinatal 95.49% (amber), TT courses 99.16% (amber),
        // IPS 93.09% (red); CYP access change -0.63% (worsened)
        Map<String, String> expected = Map.of(
                "mhb_cyp_access_pct_plan",
                "amber",
                "mhb_perinatal_access_pct_plan",
                "amber",
                "mhb_tt_courses_pct_plan",
                "amber",
                "mhb_ips_access_pct_plan",
                "red",
                "mhb_cyp_access_pct_change",
                "red");
        expected.forEach((metric, colour) -> {
            List<Object> r = row(t, "metric_id", metric, "org_code", "QHG");
            report.add(String.format(
                    "DP 7.3 BLMK %s = %.2f: %s (DP %s)", metric, number(t, r, "value"), get(t, r, "colour"), colour));
            assertEquals(colour, get(t, r, "colour"), metric);
        });
        assertEquals(7 * 16, t.rows().size(), "16 measures for the region and six ICBs");
    }

    private void waitingLists(AnalysisContext context) {
        double k = SyntheticBlmk.scale();
        AnalysisTable community = table(WaitingLists.adultCommunity().compute(context), "top-teams");
        List<Object> circle = row(community, "view", "Data pack", "service", "Adult Podiatry Circle");
        waiting(community, circle, "DP 7.7 ELFT Adult Podiatry Circle", 937, 782, k);
        assertEquals(1L, get(community, circle, "rank"), "ELFT's most 18+ week waiters");
        AnalysisTable mh = table(WaitingLists.mentalHealth().compute(context), "top-teams");
        List<Object> adhd = row(mh, "view", "Data pack", "service", "CAMHS - ADHD");
        waiting(mh, adhd, "DP 7.8 CNWL CAMHS - ADHD", 223, 254, k);
        assertEquals(1L, get(mh, adhd, "rank"), "CNWL children's MH team with the most 18+ week waiters");
    }

    private void waiting(AnalysisTable t, List<Object> r, String label, long apr, long jul, double k) {
        long first = (Long) get(t, r, "first_waiting_18w_plus");
        long last = (Long) get(t, r, "waiting_18w_plus");
        report.add(String.format(
                "%s Apr-25 -> Jul-25: %d -> %d (DP %d -> %d x %.4f = %d -> %d)",
                label, first, last, apr, jul, k, Math.round(apr * k), Math.round(jul * k)));
        assertEquals(Math.round(apr * k), first, 1.0, label);
        assertEquals(Math.round(jul * k), last, 1.0, label);
    }

    /**
     * DP 8.2/8.3 are charts without printed numbers: "MK rising fastest", acceptance "risen markedly in Milton
     * Keynes" and "modest" elsewhere, CNWL referrals "approximately doubling" 2019/20 to 2024/25. At reduced scale a
     * Place has a few dozen CAMHS referrals a year, so the comparisons allow three standard errors (binomial for
     * acceptance, Poisson for counts); at full scale they are tight.
     */
    private void camhs(AnalysisContext context) {
        AnalysisTable years = table(CamhsAccess.byPlace().compute(context), "by-year");
        String first = context.years().get(0).label();
        String target = "2024/25";
        assertEquals("2019/20", first, "the first year is the pre-COVID year");
        String fastest = null;
        double fastestRatio = 0;
        double mkRise = 0, mkVar = 0;
        long othersNow = 0, othersNowAccepted = 0, othersThen = 0, othersThenAccepted = 0;
        for (List<Object> r : rows(years, "area_type", "Place", "year", target)) {
            String code = (String) get(years, r, "area_code");
            List<Object> base = row(years, "area_code", code, "year", first);
            double ratio = number(years, r, "ratio_to_first_year");
            long n = (Long) get(years, r, "referrals"), a = (Long) get(years, r, "accepted");
            long n0 = (Long) get(years, base, "referrals"), a0 = (Long) get(years, base, "accepted");
            report.add(String.format(
                    "DP 8.2 %s %s: %d CAMHS referrals, %.2f x %s (%d); %.1f%% accepted (%+.1f points)",
                    get(years, r, "area_name"),
                    target,
                    n,
                    ratio,
                    first,
                    n0,
                    number(years, r, "accepted_pct"),
                    number(years, r, "accepted_pct_change_from_first_year")));
            if (ratio > fastestRatio) {
                fastestRatio = ratio;
                fastest = code;
            }
            if (code.equals(AccessSpecData.MK)) {
                mkRise = (double) a / n - (double) a0 / n0;
                mkVar = variance(a, n) + variance(a0, n0);
            } else {
                othersNow += n;
                othersNowAccepted += a;
                othersThen += n0;
                othersThenAccepted += a0;
            }
        }
        assertEquals(AccessSpecData.MK, fastest, "DP 8.2/CfC: CAMHS referrals rising fastest in Milton Keynes");
        double othersRise = (double) othersNowAccepted / othersNow - (double) othersThenAccepted / othersThen;
        double se =
                Math.sqrt(mkVar + variance(othersNowAccepted, othersNow) + variance(othersThenAccepted, othersThen));
        report.add(String.format(
                "DP 8.2 acceptance rise %s to %s: Milton Keynes %+.1f points, other Places together "
                        + "%+.1f points (SE of the difference %.1f)",
                first, target, 100 * mkRise, 100 * othersRise, 100 * se));
        assertTrue(mkRise > 0, "DP 8.2: acceptance has risen in Milton Keynes");
        assertTrue(mkRise - othersRise > -3 * se, "DP 8.2: acceptance risen markedly in MK, modestly elsewhere");
        AnalysisTable cnwl = table(CamhsAccess.oneProvider().orElseThrow().compute(context), "by-year");
        List<Object> now =
                row(cnwl, "area_code", CamhsAccess.oneProvider().orElseThrow().providerCode(), "year", target);
        long n = (Long) get(cnwl, now, "referrals");
        long n0 = (Long) get(
                cnwl,
                row(cnwl, "area_code", CamhsAccess.oneProvider().orElseThrow().providerCode(), "year", first),
                "referrals");
        double ratio = (double) n / n0;
        double ratioSe = ratio * Math.sqrt(1.0 / n + 1.0 / n0);
        report.add(String.format(
                "DP 8.3 CNWL CAMHS referrals %s vs %s: %d vs %d = x %.2f (SE %.2f; DP: approximately " + "doubling)",
                target, first, n, n0, ratio, ratioSe));
        assertEquals(2.0, ratio, Math.max(0.3, 3 * ratioSe), "DP 8.3 approximately doubling");
    }

    private static double variance(long accepted, long n) {
        double p = (double) accepted / n;
        return p * (1 - p) / n;
    }
}
