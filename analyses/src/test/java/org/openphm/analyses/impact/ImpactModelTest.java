package org.openphm.analyses.impact;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openphm.model.FinancialYear;

/**
 * The impact model against cases small enough to compute by hand (the arithmetic is in the comments), the
 * waterfall's sums, and Monte Carlo convergence.
 */
class ImpactModelTest {

    static final FinancialYear BASE = new FinancialYear(2024);

    /** One Place, one cell of women aged 70-74 growing 10%, 20%, 30% over three years. */
    static ImpactBaseline oneCell() {
        double[] q = new double[Quantity.values().length];
        set(q, Quantity.POPULATION, 1000);
        set(q, Quantity.ACSC_SPELLS, 100);
        set(q, Quantity.ACSC_BED_DAYS, 500);
        set(q, Quantity.ACSC_DELAY_DAYS, 100);
        set(q, Quantity.ACSC_COST, 200_000);
        set(q, Quantity.ACSC_BED_DAYS_65, 500);
        set(q, Quantity.OTHER_SPELLS, 50);
        set(q, Quantity.OTHER_BED_DAYS, 200);
        set(q, Quantity.OTHER_COST, 100_000);
        set(q, Quantity.OTHER_BED_DAYS_65, 200);
        set(q, Quantity.ELECTIVE_SPELLS, 40);
        set(q, Quantity.ELECTIVE_BED_DAYS, 80);
        set(q, Quantity.ELECTIVE_COST, 120_000);
        set(q, Quantity.COMMUNITY_REFERRALS_18_PLUS, 300);
        set(q, Quantity.MENTAL_HEALTH_REFERRALS, 100);
        return new ImpactBaseline(
                BASE,
                2028,
                "ICB1",
                "Test ICB",
                Map.of("P1", "Place one"),
                List.of(new ImpactBaseline.Cell("P1", "F", "70-74", "1", "White", q)),
                Map.of("P1|F|70-74", new double[] {1.0, 1.1, 1.2, 1.3}),
                List.of(new ImpactBaseline.Staff("community", "Nursing", 10)),
                300_000.0,
                200_000.0);
    }

    static void set(double[] q, Quantity k, double v) {
        q[k.ordinal()] = v;
    }

    static Scenario scenario(String extra) throws Exception {
        return Scenario.parse(
                new ObjectMapper()
                        .readTree("{\"schema\": \"openphm-scenario/1\", \"name\": \"t\", "
                                + "\"baseline_year\": \"2024/25\", \"horizon_year\": \"2027/28\", \"report_years\": [\"2027/28\"], "
                                + "\"runs\": 3, \"costs\": {\"inflation_pct_per_year\": 2, \"bed_day_gbp\": 400, "
                                + "\"community_contact_gbp\": 80, \"virtual_ward_day_gbp\": 100}, "
                                + "\"beds\": {\"occupancy_target_pct\": 80}" + extra + "}"),
                "test");
    }

    static final String MITIGATED = ", \"mitigators\": {\"start_year\": \"2025/26\", \"full_by\": \"2026/27\", "
            + "\"acsc_admission_avoidance_pct\": 20, \"length_of_stay_reduction_pct\": 10, "
            + "\"discharge_delay_reduction_pct\": 50, \"hospital_to_community_shift_pct\": 10, "
            + "\"community_contacts_per_shifted_spell\": 5}, "
            + "\"efficiencies\": {\"cost_efficiency_pct_per_year\": 1}";

    @Test
    void aDeterministicScenarioMatchesTheHandComputedFigures() throws Exception {
        ImpactResult r = ImpactModel.run(oneCell(), scenario(MITIGATED));
        int icb = r.icb();
        // 2027/28 (t = 3), growth 1.3, mitigators in full.
        // ACSC: 100 x 1.3 x (1 - 0.20) = 104 spells; other: 50 x 1.3 x (1 - 0.10 shifted) = 58.5
        assertAll(r, icb, Outcome.EMERGENCY_ADMISSIONS, 3, true, 162.5);
        // ACSC bed days 500 x 1.04 = 520, of which delay 104: 104 x 0.5 + 416 x 0.9 = 426.4;
        // other 200 x 1.17 = 234 x 0.9 = 210.6; elective 80 x 1.3 = 104 x 0.9 = 93.6; total 730.6
        assertAll(r, icb, Outcome.BED_DAYS, 3, true, 730.6);
        // beds at 80% occupancy: 730.6 / 365 / 0.8
        assertAll(r, icb, Outcome.BEDS, 3, true, 2.502054794520548);
        // shifted admissions 50 x 1.3 x 0.1 = 6.5, at 5 contacts each
        assertAll(r, icb, Outcome.SHIFTED_COMMUNITY_CONTACTS, 3, true, 32.5);
        // acute: ACSC 208,000 - 93.6 days x £400 = 170,560; other 117,000 - 23.4 x 400 = 107,640; contacts
        // 32.5 x £80 = 2,600; elective 156,000 - 10.4 x 400 = 151,840; community 390 referrals x (£300,000 / 300)
        // = 390,000; mental health 130 x (£200,000 / 100) = 260,000; sum 1,082,640 x 0.99^3 efficiency
        assertAll(r, icb, Outcome.COST, 3, true, 1_050_484.50936);
        assertAll(r, icb, Outcome.COST_CASH, 3, true, 1_114_782.565208907);
        // community and mental health: 650,000 x 0.99^3 x 1.02^3
        assertAll(r, icb, Outcome.COMMUNITY_MENTAL_HEALTH_COST_CASH, 3, true, 669_297.8897748);
        // DP 12.1: 10 WTE x 390 / 300 referrals
        assertAll(r, icb, Outcome.WTE, 3, true, 13);
        assertAll(r, icb, Outcome.WTE_COMMUNITY, 3, true, 13);
        assertAll(r, icb, Outcome.WTE_MENTAL_HEALTH, 3, true, 0);

        // as is: no mitigators, no efficiencies: 130 + 65 emergency admissions; cost (260,000 + 130,000 + 156,000
        // + 650,000) x 1.02^3 in cash
        assertAll(r, icb, Outcome.EMERGENCY_ADMISSIONS, 3, false, 195);
        assertAll(r, icb, Outcome.BED_DAYS, 3, false, 650 + 260 + 104);
        assertAll(r, icb, Outcome.COST_CASH, 3, false, 1_269_204.768);

        // 2025/26 (t = 1), half-way in: ACSC 100 x 1.1 x (1 - 0.2 x 0.5) = 99; other 50 x 1.1 x (1 - 0.05) = 52.25
        assertAll(r, icb, Outcome.EMERGENCY_ADMISSIONS, 1, true, 151.25);
        // the baseline year is the data
        assertAll(r, icb, Outcome.EMERGENCY_ADMISSIONS, 0, true, 150);
        assertAll(r, icb, Outcome.POPULATION, 3, true, 1300);
    }

    @Test
    void theWaterfallSplitsTheChangeIntoItsFactorsAndAddsUp() throws Exception {
        ImpactResult r = ImpactModel.run(oneCell(), scenario(MITIGATED));
        List<ImpactResult.Step> steps = r.waterfall(r.icb(), 0, Outcome.EMERGENCY_ADMISSIONS);
        Map<String, Double> byLabel = new java.util.LinkedHashMap<>();
        steps.forEach(s -> byLabel.put(s.label(), s.value()));
        assertEquals(150, byLabel.get("2024/25 baseline"), 1e-9);
        assertEquals(45, byLabel.get("Demographic growth (principal projection)"), 1e-9); // 150 x 0.3
        assertEquals(-26, byLabel.get("ACSC admission avoidance"), 1e-9); // 130 x 0.2
        assertEquals(-6.5, byLabel.get("Hospital to community shift"), 1e-9); // 65 x 0.1
        assertEquals(0, byLabel.get("Length of stay"), 1e-9); // stays do not change admissions
        assertEquals(162.5, byLabel.get("2027/28 scenario"), 1e-9);
        assertEquals(ImpactModel.STEPS.size() + 2, steps.size(), "baseline, every factor in order, total");
        // cost: the efficiency step is the 1% a year on the mitigated cost; inflation turns it into cash
        List<ImpactResult.Step> cash = r.waterfall(r.icb(), 0, Outcome.COST_CASH);
        double sum = cash.subList(0, cash.size() - 1).stream()
                .mapToDouble(ImpactResult.Step::value)
                .sum();
        assertEquals(cash.get(cash.size() - 1).value(), sum, 1e-6);
        assertEquals(1_114_782.565208907, sum, 1e-6);
        assertTrue(r.largestWaterfallGap() < 1e-9, "every run's steps add up: " + r.largestWaterfallGap());
    }

    @Test
    void healthStatusMovesOlderBandsTowardsTheRateOfTheBandBelow() throws Exception {
        double[] young = new double[Quantity.values().length];
        set(young, Quantity.POPULATION, 1000);
        set(young, Quantity.OTHER_SPELLS, 100);
        double[] old = new double[Quantity.values().length];
        set(old, Quantity.POPULATION, 1000);
        set(old, Quantity.OTHER_SPELLS, 200);
        ImpactBaseline b = new ImpactBaseline(
                BASE,
                2028,
                "ICB1",
                "Test ICB",
                Map.of("P1", "Place one"),
                List.of(
                        new ImpactBaseline.Cell("P1", "M", "65-69", "1", "White", young),
                        new ImpactBaseline.Cell("P1", "M", "70-74", "1", "White", old)),
                Map.of("P1|M|65-69", new double[] {1, 1, 1, 1}, "P1|M|70-74", new double[] {1, 1, 1, 1}),
                List.of(),
                null,
                null);
        ImpactResult r = ImpactModel.run(
                b, scenario(", \"health_status\": {\"healthy_years_gained_per_year\": 1, " + "\"from_age\": 55}"));
        // after 2 years, 70-74 has gained 2 healthy years: its rate 0.2 moves 2/5 of the way to 65-69's 0.1,
        // so 200 x (1 - 0.4 x 0.5) = 160; 65-69 has no younger band in the data and stays at 100
        assertAll(r, r.icb(), Outcome.EMERGENCY_ADMISSIONS, 2, false, 260);
        List<ImpactResult.Step> steps = r.waterfall(r.icb(), 0, Outcome.EMERGENCY_ADMISSIONS);
        // by 2027/28 (3 years): 200 x (1 - 0.6 x 0.5) = 140, a step of -60
        assertEquals(
                -60,
                steps.stream()
                        .filter(s -> s.label().equals("Health status"))
                        .findFirst()
                        .get()
                        .value(),
                1e-9);
    }

    @Test
    void monteCarloPercentilesConvergeWithinTheirStandardError() throws Exception {
        Scenario s = scenario(", \"population\": {\"variants\": [{\"name\": \"principal\", \"probability\": 0.5, "
                + "\"growth_multiplier\": 1}, {\"name\": \"high\", \"probability\": 0.5, \"growth_multiplier\": "
                + "{\"low\": 1, \"high\": 2}}]}, \"mitigators\": {\"acsc_admission_avoidance_pct\": {\"low\": 0, "
                + "\"high\": 40}}, \"non_demographic_growth_pct\": {\"emergency\": {\"low\": -1, \"high\": 3, "
                + "\"distribution\": \"normal\"}}");
        ImpactResult small = ImpactModel.run(oneCell(), s.withRuns(256));
        ImpactResult large = ImpactModel.run(oneCell(), s.withRuns(4096));
        double[] runs = large.runs(large.icb(), Outcome.EMERGENCY_ADMISSIONS, 3, true);
        double mean = java.util.Arrays.stream(runs).average().orElseThrow();
        double sd = Math.sqrt(
                java.util.Arrays.stream(runs).map(v -> (v - mean) * (v - mean)).sum() / (runs.length - 1));
        assertTrue(sd > 1, "the scenario is uncertain: sd " + sd);
        ImpactResult.Spread a = small.spread(small.icb(), Outcome.EMERGENCY_ADMISSIONS, 3, true);
        ImpactResult.Spread b = large.spread(large.icb(), Outcome.EMERGENCY_ADMISSIONS, 3, true);
        // standard error of a mean sd/sqrt(n); of a median about 1.2533 sd/sqrt(n); the outer deciles about
        // sqrt(0.1 x 0.9)/f(q) sd/sqrt(n), bounded here by 2 sd/sqrt(n); allow 3 standard errors
        double se = sd / Math.sqrt(256);
        assertEquals(b.mean(), a.mean(), 3 * se, "mean");
        assertEquals(b.p50(), a.p50(), 3 * 1.2533 * se, "median");
        assertEquals(b.p10(), a.p10(), 3 * 2 * se, "p10");
        assertEquals(b.p90(), a.p90(), 3 * 2 * se, "p90");
        assertTrue(large.largestWaterfallGap() < 1e-9, "the waterfall adds up on every one of 4,096 runs");
    }

    @Test
    void theSameSeedGivesTheSameRunsAndAnotherSeedOthers() throws Exception {
        String uncertain = ", \"mitigators\": {\"acsc_admission_avoidance_pct\": {\"low\": 0, \"high\": 40}}";
        ImpactResult a = ImpactModel.run(oneCell(), scenario(uncertain + ", \"seed\": 7"));
        ImpactResult b = ImpactModel.run(oneCell(), scenario(uncertain + ", \"seed\": 7"));
        ImpactResult c = ImpactModel.run(oneCell(), scenario(uncertain + ", \"seed\": 8"));
        assertArrayEquals(
                a.runs(0, Outcome.EMERGENCY_ADMISSIONS, 3, true), b.runs(0, Outcome.EMERGENCY_ADMISSIONS, 3, true));
        assertNotEquals(
                a.runs(0, Outcome.EMERGENCY_ADMISSIONS, 3, true)[0],
                c.runs(0, Outcome.EMERGENCY_ADMISSIONS, 3, true)[0]);
        // the as-is does not depend on the mitigators' draws: with the same seed it is one number on every run
        double[] asIs = a.runs(0, Outcome.EMERGENCY_ADMISSIONS, 3, false);
        assertTrue(java.util.Arrays.stream(asIs).allMatch(v -> Math.abs(v - 195) < 1e-9));
    }

    @Test
    void leversChangeOnlyWhatFollowsTheStageSums() throws Exception {
        Scenario s = scenario(MITIGATED);
        ImpactModel.Prepared p = ImpactModel.prepare(oneCell(), s, true);
        Map<ScenarioParameter, Interval> none = new EnumMap<>(ScenarioParameter.class);
        ScenarioParameter.MITIGATORS.forEach(m -> none.put(m, Interval.fixed(0)));
        ImpactResult off = p.evaluate(s.with(none));
        assertAll(off, off.icb(), Outcome.EMERGENCY_ADMISSIONS, 3, true, 195);
        ImpactResult on = p.evaluate(s.with(Map.of(ScenarioParameter.ACSC_AVOIDANCE, Interval.fixed(50))));
        // 130 x 0.5 + 65 x 0.9
        assertAll(on, on.icb(), Outcome.EMERGENCY_ADMISSIONS, 3, true, 65 + 58.5);
    }

    @Test
    void intervalsDrawByTheInverseOfTheirDistribution() {
        assertEquals(15, Interval.uniform(10, 30).at(0.25), 1e-12);
        // triangular(0, mode 0, 1): F(x) = 1 - (1 - x)^2, so F^-1(0.75) = 0.5
        assertEquals(0.5, new Interval(0, 1, Interval.Shape.TRIANGULAR, 0.0).at(0.75), 1e-12);
        // normal: low and high are the 10th and 90th centiles
        Interval n = new Interval(2, 4, Interval.Shape.NORMAL, null);
        assertEquals(2, n.at(0.1), 1e-9);
        assertEquals(4, n.at(0.9), 1e-9);
        assertEquals(3, n.at(0.5), 1e-12);
        assertEquals(7, Interval.fixed(7).at(0.3), 0);
    }

    private static void assertAll(ImpactResult r, int group, Outcome o, int t, boolean scenario, double expected) {
        for (double v : r.runs(group, o, t, scenario)) {
            assertEquals(
                    expected,
                    v,
                    1e-6 * Math.max(1, Math.abs(expected)),
                    o + " t=" + t + (scenario ? " scenario" : " as is"));
        }
    }
}
