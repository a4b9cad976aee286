package org.openphm.analyses.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openphm.analyses.catalogue.AnalysisContext;
import org.openphm.analyses.catalogue.AnalysisTable;
import org.openphm.analyses.conditions.ReferralProjections;
import org.openphm.analyses.fidelity.SyntheticBlmk;
import org.openphm.analyses.indicator.Geography;
import org.openphm.analyses.projection.DemographicProjection;
import org.openphm.analyses.projection.ProjectionCell;
import org.openphm.analyses.resources.WorkforceDemandProjection;
import org.openphm.engine.Engine;
import org.openphm.model.FinancialYear;
import org.openphm.model.Progress;

/**
 * Issue 12: a scenario with every mitigator at zero (and no growth beyond demography, no health-status change,
 * the principal projection alone) reproduces the data pack's own projections, computed by their own code:
 * the registered population (DP 2.2), community referrals 18+ (DP 4.7), mental health referrals (DP 4.9) and the
 * workforce needed at today's ratios (DP 12.1), for the ICB and, where the pack has them, each Place.
 */
class ZeroMitigationTest {

    static final FinancialYear BASE = new FinancialYear(2023);
    static final FinancialYear HORIZON = new FinancialYear(2043);
    static ImpactResult result;
    static Map<Integer, Map<String, Double>> population;
    static SortedMap<Integer, Double> community;
    static SortedMap<Integer, Double> mentalHealth;
    static List<AnalysisTable> workforce;

    @BeforeAll
    static void run() throws Exception {
        try (Engine engine = SyntheticBlmk.engine()) {
            Geography geography = Geography.load(engine);
            AnalysisContext context = new AnalysisContext(
                    engine, geography, List.of(new FinancialYear(2023), new FinancialYear(2024)), Progress.SILENT);
            ImpactBaseline baseline = ImpactBaseline.of(engine, geography, context.years(), BASE, HORIZON, s -> {});
            Scenario zero = Scenario.parse(
                    new ObjectMapper()
                            .readTree("{\"schema\": \"openphm-scenario/1\", "
                                    + "\"name\": \"zero\", \"baseline_year\": \"2023/24\", \"horizon_year\": \"2043/44\", "
                                    + "\"runs\": 8}"),
                    "zero");
            result = ImpactModel.run(baseline, zero);
            DemographicProjection dp = DemographicProjection.registered(engine, BASE.end());
            population = dp.populationBy(dp.growth().years(), ProjectionCell::placeCode);
            community = ReferralProjections.icbTotals(engine, geography, "CSDS", 18);
            mentalHealth = ReferralProjections.icbTotals(engine, geography, "MHSDS", 0);
            workforce = new WorkforceDemandProjection().compute(context);
        }
    }

    @Test
    void populationIsDp22sProjectionEveryYearForTheIcbAndEachPlace() {
        int checked = 0;
        for (var year : population.entrySet()) {
            int t = year.getKey() - DemographicProjection.yearOf(BASE);
            if (t >= result.years().size()) {
                continue;
            }
            double icb = year.getValue().values().stream()
                    .mapToDouble(Double::doubleValue)
                    .sum();
            assertSame(icb, result.runs(result.icb(), Outcome.POPULATION, t, true), "ICB population " + year.getKey());
            for (var place : year.getValue().entrySet()) {
                assertSame(
                        place.getValue(),
                        result.runs(result.group(ImpactModel.PLACE, place.getKey()), Outcome.POPULATION, t, true),
                        place.getKey() + " population " + year.getKey());
                checked++;
            }
        }
        assertTrue(checked >= 4 * 20, "every Place in every year 2024-2044: " + checked);
    }

    @Test
    void referralsAreDp47AndDp49sProjections() {
        for (var e : community.entrySet()) {
            int t = e.getKey() - DemographicProjection.yearOf(BASE);
            assertSame(
                    e.getValue(),
                    result.runs(result.icb(), Outcome.COMMUNITY_REFERRALS, t, true),
                    "DP 4.7 " + e.getKey());
            assertSame(
                    mentalHealth.get(e.getKey()),
                    result.runs(result.icb(), Outcome.MENTAL_HEALTH_REFERRALS, t, true),
                    "DP 4.9 " + e.getKey());
        }
        assertTrue(community.get(2044) > community.get(2024) * 1.1, "referrals grow with the population");
    }

    @Test
    void staffNeededIsDp121sAtBothHorizons() {
        AnalysisTable byArea = workforce.stream()
                .filter(t -> t.name().equals("by-service-area"))
                .findFirst()
                .get();
        for (String horizon : List.of("2033_34", "2043_44")) {
            int col = byArea.columnIndex("wte_needed_" + horizon);
            double dp121 = byArea.rows().stream()
                    .mapToDouble(r -> ((Number) r.get(col)).doubleValue())
                    .sum();
            int t = FinancialYear.parse(horizon.replace('_', '/')).startYear() - BASE.startYear();
            double[] ours = result.runs(result.icb(), Outcome.WTE, t, false);
            // DP 12.1 rounds each service area to 0.01 WTE
            for (double v : ours) {
                assertEquals(dp121, v, 0.005 * byArea.rows().size() + 1e-9, "DP 12.1 WTE " + horizon);
            }
        }
    }

    @Test
    void staffByServiceAreaAndGroupIsDp121sByStaffGroup() {
        AnalysisTable dp = workforce.stream()
                .filter(t -> t.name().equals("by-staff-group"))
                .findFirst()
                .get();
        int area = dp.columnIndex("service_area");
        int group = dp.columnIndex("staff_group");
        int needed = dp.columnIndex("wte_needed_2043_44");
        Map<String, Double> expected = new java.util.HashMap<>();
        Map<String, Integer> rows = new java.util.HashMap<>();
        for (List<Object> row : dp.rows()) {
            String key = row.get(area) + "|" + row.get(group);
            expected.merge(key, ((Number) row.get(needed)).doubleValue(), Double::sum);
            rows.merge(key, 1, Integer::sum);
        }
        AnalysisTable ours = ImpactTables.workforce(result);
        int checked = 0;
        for (List<Object> row : ours.rows()) {
            if (!row.get(ours.columnIndex("year")).equals("2043/44")) {
                continue;
            }
            String key = row.get(ours.columnIndex("service_area")) + "|" + row.get(ours.columnIndex("staff_group"));
            // DP 12.1 rounds each provider's row to 0.01 WTE, we round the sum
            assertEquals(
                    expected.get(key),
                    ((Number) row.get(ours.columnIndex("wte_p50"))).doubleValue(),
                    0.005 * (rows.get(key) + 1) + 1e-9,
                    key);
            checked++;
        }
        assertEquals(2 * expected.size(), checked, "every service area and staff group, as is and scenario");
    }

    @Test
    void withNoMitigatorsTheScenarioIsTheAsIs() {
        int t = result.years().size() - 1;
        for (Outcome o : Outcome.values()) {
            double[] asIs = result.runs(result.icb(), o, t, false);
            double[] scenario = result.runs(result.icb(), o, t, true);
            for (int r = 0; r < asIs.length; r++) {
                if (Double.isNaN(asIs[r])) { // the funding gap, when the scenario gives no funding
                    assertTrue(Double.isNaN(scenario[r]), o + " run " + r);
                    continue;
                }
                assertEquals(asIs[r], scenario[r], 1e-9 * Math.max(1, Math.abs(asIs[r])), o + " run " + r);
            }
        }
    }

    private static void assertSame(double expected, double[] runs, String what) {
        for (double v : runs) {
            assertEquals(expected, v, 1e-9 * Math.max(1, expected), what);
        }
    }
}
