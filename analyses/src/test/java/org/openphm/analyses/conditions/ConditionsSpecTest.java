package org.openphm.analyses.conditions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.openphm.analyses.conditions.ConditionSpecData.BEDFORD;
import static org.openphm.analyses.conditions.ConditionSpecData.ICB;
import static org.openphm.analyses.conditions.ConditionSpecData.MK;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openphm.analyses.SpecEngines;
import org.openphm.analyses.catalogue.AnalysisContext;
import org.openphm.analyses.catalogue.AnalysisTable;
import org.openphm.analyses.indicator.AgeBandCounts;
import org.openphm.analyses.indicator.Breakdown;
import org.openphm.analyses.indicator.CellKey;
import org.openphm.analyses.indicator.Geography;
import org.openphm.engine.Engine;
import org.openphm.model.AreaType;
import org.openphm.model.FinancialYear;
import org.openphm.model.Progress;
import org.openphm.model.Totals;

/**
 * Specification of the conditions analyses on the hand-made workspace of {@link ConditionSpecData}, each case on
 * DuckDB and on Spark ({@link SpecEngines}); every expected value is derived by hand in the comments from the
 * table there.
 */
class ConditionsSpecTest {

    static final FinancialYear Y2024 = new FinancialYear(2024);

    static AnalysisContext context(Engine engine) {
        return new AnalysisContext(engine, Geography.load(engine), List.of(Y2024), Progress.SILENT);
    }

    // ---- DP 3.7, 3.11, 3.12 --------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {SpecEngines.DUCKDB, SpecEngines.SPARK})
    void multimorbidityMatrixIsTheShareOfRowPeopleWhoAlsoHaveTheColumnCondition(String engineName, @TempDir Path dir)
            throws Exception {
        try (Engine engine = SpecEngines.open(engineName, dir, ConditionSpecData.tables())) {
            AnalysisTable m =
                    ComorbidityMatrix.multimorbidity().compute(context(engine)).get(0);
            // Registered on 31/3/25: A-F (G died, H left). HYP: A, B, C; AF: A; DEP: C, E, F; SMI: C.
            assertEquals(100.0, pct(m, ICB, "All ages", "AF", "HYP"), 1e-9); // A of A
            assertEquals(100.0 / 3, pct(m, ICB, "All ages", "HYP", "AF"), 1e-9); // A of A, B, C
            assertEquals(100.0 / 3, pct(m, ICB, "All ages", "DEP", "SMI"), 1e-9); // C of C, E, F
            assertEquals(100.0, pct(m, ICB, "All ages", "SMI", "DEP"), 1e-9);
            // background (all patients): HYP 3 of 6, DEP 3 of 6
            assertEquals(50.0, pct(m, ICB, "All ages", Totals.ALL_PATIENTS_CODE, "HYP"), 1e-9);
            assertEquals(50.0, pct(m, ICB, "All ages", Totals.ALL_PATIENTS_CODE, "DEP"), 1e-9);
            // P(SMI | DEP) 33.3% against SMI's background 1 of 6: twice the background
            List<Object> depSmi = row(m, ICB, "All ages", "DEP", "SMI");
            assertEquals(2.0, (Double) get(m, depSmi, "ratio_to_background"), 1e-9);
            assertEquals(3L, get(m, depSmi, "row_people"));
            assertEquals(1L, get(m, depSmi, "both_people"));
            // Bedford (A, B, E, F): HYP 2 of 4; age group 85+ is A alone: P(HF | AF) = 1 of 1
            assertEquals(50.0, pct(m, BEDFORD, "All ages", Totals.ALL_PATIENTS_CODE, "HYP"), 1e-9);
            assertEquals(100.0, pct(m, ICB, "85+", "AF", "HF"), 1e-9);
            // nobody in MK has AF: no percentage, not 0%
            assertNull(get(m, row(m, MK, "All ages", "AF", "HYP"), "percent"));
            // neighbourhood N1 is Bedford's only one: the same 2 of 4
            assertEquals(50.0, pct(m, "N1", "All ages", Totals.ALL_PATIENTS_CODE, "HYP"), 1e-9);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {SpecEngines.DUCKDB, SpecEngines.SPARK})
    void olderAdultsMatrixCountsOnlyPeopleAged75To84(String engineName, @TempDir Path dir) throws Exception {
        try (Engine engine = SpecEngines.open(engineName, dir, ConditionSpecData.tables())) {
            AnalysisTable m =
                    ComorbidityMatrix.olderAdults().compute(context(engine)).get(0);
            // B (79) alone: HYP, DM, CHD. A is 85, C 45.
            assertEquals(100.0, pct(m, ICB, "75-84", "HYP", "DM"), 1e-9);
            assertEquals(100.0, pct(m, ICB, "75-84", Totals.ALL_PATIENTS_CODE, "CHD"), 1e-9);
            assertEquals(0.0, pct(m, ICB, "75-84", Totals.ALL_PATIENTS_CODE, "AF"), 1e-9);
            assertEquals(1L, get(m, row(m, ICB, "75-84", Totals.ALL_PATIENTS_CODE, "AF"), "row_people"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {SpecEngines.DUCKDB, SpecEngines.SPARK})
    void mentalHealthComorbidityHasDepressionLdSmiAndTheBackgroundRows(String engineName, @TempDir Path dir)
            throws Exception {
        try (Engine engine = SpecEngines.open(engineName, dir, ConditionSpecData.tables())) {
            AnalysisTable m = ComorbidityMatrix.mentalHealthAndLd()
                    .compute(context(engine))
                    .get(0);
            assertEquals(100.0 / 3, pct(m, ICB, "All ages", "DEP", "LD"), 1e-9); // F of C, E, F
            assertEquals(100.0, pct(m, ICB, "All ages", "LD", "EP"), 1e-9); // F of F
            assertEquals(100.0, pct(m, ICB, "All ages", "SMI", "HYP"), 1e-9); // C of C
            // the background row covers every column condition, not only the three reference rows: HYP 3 of 6
            assertEquals(50.0, pct(m, ICB, "All ages", Totals.ALL_PATIENTS_CODE, "HYP"), 1e-9);
            assertEquals(
                    List.of("ALL", "DEP", "LD", "SMI"),
                    m.rows().stream()
                            .map(r -> (String) r.get(4))
                            .distinct()
                            .sorted()
                            .toList());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {SpecEngines.DUCKDB, SpecEngines.SPARK})
    void peopleAreCountedByNumberOfConditions(String engineName, @TempDir Path dir) throws Exception {
        try (Engine engine = SpecEngines.open(engineName, dir, ConditionSpecData.tables())) {
            AnalysisTable t =
                    new MultimorbidityCounts().compute(context(engine)).get(0);
            // D 0; E 1 (DEP); B, C, F 3; A 4 (HYP, AF, HF, DEM)
            assertEquals(1L, count(t, ICB, "All ages", "All", "0"));
            assertEquals(1L, count(t, ICB, "All ages", "All", "1"));
            assertEquals(0L, count(t, ICB, "All ages", "All", "2"));
            assertEquals(3L, count(t, ICB, "All ages", "All", "3"));
            assertEquals(1L, count(t, ICB, "All ages", "All", "4+"));
            assertEquals(4L, count(t, ICB, "All ages", "All", "2+"));
            assertEquals(
                    200.0 / 3,
                    (Double) get(
                            t,
                            find(
                                    t,
                                    Map.of(
                                            "area_code",
                                            ICB,
                                            "age_group",
                                            "All ages",
                                            "imd_quintile",
                                            "All",
                                            "conditions",
                                            "2+")),
                            "percent"),
                    1e-9);
            // quintile 1 (A, B, E, F): E 1, B and F 3, A 4+
            assertEquals(2L, count(t, ICB, "All ages", "1", "3"));
            // age group 0-17: D and E
            assertEquals(1L, count(t, ICB, "0-17", "All", "0"));
            assertEquals(1L, count(t, ICB, "0-17", "All", "1"));
        }
    }

    // ---- indicators: DP 3.5, 3.9, 4.3, 3.8 --------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {SpecEngines.DUCKDB, SpecEngines.SPARK})
    void personIndicatorsCountIncidenceRegistersAndBloodPressureControl(String engineName, @TempDir Path dir)
            throws Exception {
        try (Engine engine = SpecEngines.open(engineName, dir, ConditionSpecData.tables())) {
            Map<CellKey, AgeBandCounts> cells = new PersonIndicators().count(engine, Y2024);
            // adults A, B, C, F; first depression in 2024/25: C only (F's first is 2020; E is a child)
            assertCell(cells, PersonIndicators.DEPRESSION_INCIDENCE, ICB, AreaType.ICB, 1, 4);
            assertCell(cells, PersonIndicators.DEPRESSION_INCIDENCE, BEDFORD, AreaType.PLACE, 0, 3);
            assertCell(cells, PersonIndicators.DEPRESSION_INCIDENCE, MK, AreaType.PLACE, 1, 1);
            // under 18s D, E: D autistic; D's ADHD resolved
            assertCell(cells, PersonIndicators.AUTISM_UNDER_18, ICB, AreaType.ICB, 1, 2);
            assertCell(cells, PersonIndicators.ADHD_UNDER_18, ICB, AreaType.ICB, 0, 2);
            // hypertensives A, B, C; measured in 12 months A, B (C's reading is from 2023); to target A (80+: 145/85),
            // not B (under 80: 150 > 140; his later lone systolic is not a pair)
            assertCell(cells, PersonIndicators.BP_CONTROL, ICB, AreaType.ICB, 1, 2);
            AgeBandCounts white = cells.get(new CellKey(
                    PersonIndicators.BP_CONTROL, ICB, AreaType.ICB, "2024/25", Breakdown.ETHNIC_GROUP, "White"));
            assertEquals(1.0, white.numerator());
            AgeBandCounts asian = cells.get(new CellKey(
                    PersonIndicators.BP_CONTROL, ICB, AreaType.ICB, "2024/25", Breakdown.ETHNIC_GROUP, "Asian"));
            assertEquals(0.0, asian.numerator());
            assertEquals(1.0, asian.denominator());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {SpecEngines.DUCKDB, SpecEngines.SPARK})
    void eventIndicatorsCountEventsWhereThePersonWasRegisteredOnTheDay(String engineName, @TempDir Path dir)
            throws Exception {
        try (Engine engine = SpecEngines.open(engineName, dir, ConditionSpecData.tables())) {
            Map<CellKey, AgeBandCounts> cells = new EventIndicators().count(engine, Y2024);
            // F-coded admissions of under-18s: s1 (D, emergency) and s3 (E, elective); under-18s D and E
            assertCell(cells, EventIndicators.CYP_MENTAL_HEALTH_ADMISSIONS, ICB, AreaType.ICB, 2, 2);
            assertCell(cells, EventIndicators.CYP_MENTAL_HEALTH_ADMISSIONS, BEDFORD, AreaType.PLACE, 1, 1);
            // emergency admissions of under-18s: s1, s2, both D's (MK, one child)
            assertCell(cells, EventIndicators.EMERGENCY_ADMISSIONS_UNDER_18, MK, AreaType.PLACE, 2, 1);
            assertCell(cells, EventIndicators.EMERGENCY_ADMISSIONS_UNDER_18, BEDFORD, AreaType.PLACE, 0, 1);
            // detentions: C and H (registered in MK on 1 May, gone by 31 March); registered people 6, MK's C and D
            assertCell(cells, EventIndicators.MHA_DETENTIONS, ICB, AreaType.ICB, 2, 6);
            assertCell(cells, EventIndicators.MHA_DETENTIONS, MK, AreaType.PLACE, 2, 2);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {SpecEngines.DUCKDB, SpecEngines.SPARK})
    void inequalitiesAreBrokenDownByEthnicCategory(String engineName, @TempDir Path dir) throws Exception {
        try (Engine engine = SpecEngines.open(engineName, dir, ConditionSpecData.tables())) {
            AnalysisTable t =
                    new EthnicityInequalities().compute(context(engine)).get(0);
            // emergency <18: White Irish (B) D's 2 admissions of 1 child = 200,000 per 100,000; overall 2 of 2
            List<Object> irish = find(
                    t,
                    Map.of(
                            "area_code",
                            ICB,
                            "indicator_id",
                            EventIndicators.EMERGENCY_ADMISSIONS_UNDER_18,
                            "ethnic_category",
                            "B"));
            assertEquals(200_000.0, (Double) get(t, irish, "value"), 1e-6);
            // 2 events: exact Poisson limits 0.242-7.22 x 100,000 contain the overall 100,000
            assertEquals("Similar", get(t, irish, "compared_to_area"));
            assertEquals(
                    100_000.0,
                    (Double) get(
                            t,
                            find(
                                    t,
                                    Map.of(
                                            "area_code",
                                            ICB,
                                            "indicator_id",
                                            EventIndicators.EMERGENCY_ADMISSIONS_UNDER_18,
                                            "ethnic_category",
                                            "All")),
                            "value"),
                    1e-6);
            // detentions: Black Caribbean (M) C 1 of 1; Indian (H) has an event but nobody registered: no row
            assertEquals(
                    100_000.0,
                    (Double) get(
                            t,
                            find(
                                    t,
                                    Map.of(
                                            "area_code",
                                            ICB,
                                            "indicator_id",
                                            EventIndicators.MHA_DETENTIONS,
                                            "ethnic_category",
                                            "M")),
                            "value"),
                    1e-6);
            assertFalse(t.rows().stream()
                    .anyMatch(r -> r.get(4).equals(EventIndicators.MHA_DETENTIONS)
                            && r.get(7).equals("H")));
            assertEquals(
                    100_000.0 / 3,
                    (Double) get(
                            t,
                            find(
                                    t,
                                    Map.of(
                                            "area_code",
                                            ICB,
                                            "indicator_id",
                                            EventIndicators.MHA_DETENTIONS,
                                            "ethnic_category",
                                            "All")),
                            "value"),
                    1e-6);
            // BP: Pakistani (J) B 0 of 1; White British (A) A 1 of 1
            assertEquals(
                    0.0,
                    (Double) get(
                            t,
                            find(
                                    t,
                                    Map.of(
                                            "area_code",
                                            ICB,
                                            "indicator_id",
                                            PersonIndicators.BP_CONTROL,
                                            "ethnic_category",
                                            "J")),
                            "value"),
                    1e-9);
            assertEquals(
                    "Black or Black British - Caribbean",
                    get(
                            t,
                            find(
                                    t,
                                    Map.of(
                                            "area_code",
                                            ICB,
                                            "indicator_id",
                                            EventIndicators.MHA_DETENTIONS,
                                            "ethnic_category",
                                            "M")),
                            "category_name"));
        }
    }

    // ---- DP 3.10 ------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {SpecEngines.DUCKDB, SpecEngines.SPARK})
    void prevalenceGapsCompareTheAgeBaseCrudePrevalenceWithEngland(String engineName, @TempDir Path dir)
            throws Exception {
        try (Engine engine = SpecEngines.open(engineName, dir, ConditionSpecData.tables())) {
            AnalysisTable t = new PrevalenceGaps().compute(context(engine)).get(0);
            // HYP (all ages): A, B, C of 6 = 50% against England 14: +36 points; Wilson 95% lower limit 18.8% > 14
            List<Object> hyp = find(t, Map.of("area_code", ICB, "register", "HYP"));
            assertEquals(50.0, (Double) get(t, hyp, "prevalence_pct"), 1e-9);
            assertEquals(36.0, (Double) get(t, hyp, "gap_points"), 1e-9);
            assertEquals("Higher", get(t, hyp, "compared_to_england"));
            // DEP (18+): C and F of the adults A, B, C, F (E is under the age base) = 50% against a synthetic 60
            List<Object> dep = find(t, Map.of("area_code", ICB, "register", "DEP"));
            assertEquals(2L, get(t, dep, "register_count"));
            assertEquals(4L, get(t, dep, "denominator"));
            assertEquals(-10.0, (Double) get(t, dep, "gap_points"), 1e-9);
            assertEquals("Similar", get(t, dep, "compared_to_england"));
            assertEquals("synthetic England value", get(t, dep, "england_source"));
            assertNull(get(t, find(t, Map.of("area_code", ICB, "register", "AF")), "england_pct"));
        }
    }

    // ---- DP 3.1, 4.7-4.10 ---------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {SpecEngines.DUCKDB, SpecEngines.SPARK})
    void conditionProjectionsApplyTodaysCellPrevalenceToTheProjectedPopulation(String engineName, @TempDir Path dir)
            throws Exception {
        try (Engine engine = SpecEngines.open(engineName, dir, ConditionSpecData.tables())) {
            List<AnalysisTable> tables = new ConditionProjections().compute(context(engine));
            AnalysisTable horizon = tables.get(1);
            // base 31/3/25. HYP: A (F 85-89), B (M 75-79) grow with 65+ (x1.9 by 2043), C (F 45-49) with 0-64 (x1.15):
            // 1.9 + 1.9 + 1.15 = 4.95 from 3, +65%. DEM: A alone, +90%. DEP: C, E, F all under 65: 3.45, +15%.
            List<Object> hyp = find(horizon, Map.of("area_code", ICB, "condition", "HYP"));
            assertEquals(4.95, (Double) get(horizon, hyp, "people"), 1e-9);
            assertEquals(65.0, (Double) get(horizon, hyp, "change_pct"), 1e-9);
            assertEquals(1L, get(horizon, hyp, "rank_absolute"));
            assertEquals(
                    90.0,
                    (Double) get(horizon, find(horizon, Map.of("area_code", ICB, "condition", "DEM")), "change_pct"),
                    1e-9);
            assertEquals(
                    15.0,
                    (Double) get(horizon, find(horizon, Map.of("area_code", ICB, "condition", "DEP")), "change_pct"),
                    1e-9);
            // Bedford's HYP: A and B, 3.8 in 2043
            assertEquals(
                    3.8,
                    (Double) get(horizon, find(horizon, Map.of("area_code", BEDFORD, "condition", "HYP")), "people"),
                    1e-9);
            // the yearly series: HYP in 2034 = 1.5 + 1.5 + 1.1
            AnalysisTable series = tables.get(0);
            assertEquals(
                    4.1,
                    (Double) get(
                            series,
                            find(series, Map.of("area_code", ICB, "condition", "HYP", "year", 2034L)),
                            "people"),
                    1e-9);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {SpecEngines.DUCKDB, SpecEngines.SPARK})
    void communityReferralsOfAdultsAreProjectedFromTheirAgeSexRates(String engineName, @TempDir Path dir)
            throws Exception {
        try (Engine engine = SpecEngines.open(engineName, dir, ConditionSpecData.tables())) {
            AnalysisTable t =
                    ReferralProjections.community().compute(context(engine)).get(0);
            // District nursing: A (F 80-84) and B (M 75-79), 65+: x1.5 by 2034, x2 by 2044
            List<Object> dn = find(t, Map.of("area_code", ICB, "service", "District Nursing Service"));
            assertEquals(2L, get(t, dn, "referrals_2023_24"));
            assertEquals(3.0, (Double) get(t, dn, "projected_2033_34"), 1e-9);
            assertEquals(50.0, (Double) get(t, dn, "change_pct_2033_34"), 1e-9);
            assertEquals(4.0, (Double) get(t, dn, "projected_2043_44"), 1e-9);
            assertEquals(100.0, (Double) get(t, dn, "change_pct_2043_44"), 1e-9);
            // MSK: C (F 40-44, under 65: x1.1, x1.2); D is under 18 and not counted
            List<Object> msk = find(t, Map.of("area_code", ICB, "service", "Musculoskeletal Service"));
            assertEquals(1L, get(t, msk, "referrals_2023_24"));
            assertEquals(20.0, (Double) get(t, msk, "change_pct_2043_44"), 1e-9);
            // the N/A row: F's referral with no service, 1 of the 4 referrals of adults
            List<Object> na = find(t, Map.of("area_code", ICB, "service", "N/A"));
            assertEquals(1L, get(t, na, "referrals_2023_24"));
            assertEquals(25.0, (Double) get(t, na, "share_pct"), 1e-9);
            assertEquals(
                    1L,
                    get(
                            t,
                            find(t, Map.of("area_code", MK, "service", "Musculoskeletal Service")),
                            "referrals_2023_24"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {SpecEngines.DUCKDB, SpecEngines.SPARK})
    void mentalHealthReferralsOfAllAgesAndTheYearlySeriesWithoutNa(String engineName, @TempDir Path dir)
            throws Exception {
        try (Engine engine = SpecEngines.open(engineName, dir, ConditionSpecData.tables())) {
            AnalysisTable t =
                    ReferralProjections.mentalHealth().compute(context(engine)).get(0);
            // D (13, CAMHS) counts: all ages
            assertEquals(1L, get(t, find(t, Map.of("area_code", ICB, "service", "CAMHS")), "referrals_2023_24"));
            AnalysisTable series = ReferralProjections.communityCharts()
                    .compute(context(engine))
                    .get(0);
            assertEquals(
                    4.0,
                    (Double) get(
                            series,
                            find(
                                    series,
                                    Map.of("area_code", ICB, "service", "District Nursing Service", "year", "2043/44")),
                            "referrals"),
                    1e-9);
            assertFalse(series.rows().stream().anyMatch(r -> r.get(3).equals("N/A")));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {SpecEngines.DUCKDB, SpecEngines.SPARK})
    void mentalHealthTrendSeriesGrowsEachServicesReferralsWithTheirCells(String engineName, @TempDir Path dir)
            throws Exception {
        try (Engine engine = SpecEngines.open(engineName, dir, ConditionSpecData.tables())) {
            AnalysisTable series = ReferralProjections.mentalHealthCharts()
                    .compute(context(engine))
                    .get(0);
            // DP 4.10: MHSDS CAMHS D (13, 0-64) and CMHT C (43, 0-64), one referral each in 2023/24, both MK. Their
            // cells grow with 0-64: 100 (2024) -> 110 (2034) -> 120 (2044), so 1 -> 1.1 in 2033/34, 1.2 in 2043/44
            List<Object> camhs = find(series, Map.of("area_code", ICB, "service", "CAMHS", "year", "2043/44"));
            assertEquals(1.0, (Double) get(series, camhs, "referrals_2023_24"), 1e-9);
            assertEquals(1.2, (Double) get(series, camhs, "referrals"), 1e-9);
            assertEquals(20.0, (Double) get(series, camhs, "change_pct"), 1e-9);
            assertEquals(
                    1.1,
                    (Double) get(
                            series,
                            find(
                                    series,
                                    Map.of(
                                            "area_code",
                                            MK,
                                            "service",
                                            "Community Mental Health Team - Functional",
                                            "year",
                                            "2033/34")),
                            "referrals"),
                    1e-9);
            // the base year is the observed count
            assertEquals(
                    1.0,
                    (Double) get(
                            series,
                            find(series, Map.of("area_code", ICB, "service", "CAMHS", "year", "2023/24")),
                            "referrals"),
                    1e-9);
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    static void assertCell(
            Map<CellKey, AgeBandCounts> cells, String id, String area, AreaType type, double num, double den) {
        AgeBandCounts c = cells.get(new CellKey(id, area, type, "2024/25", Breakdown.NONE, null));
        if (c == null) {
            throw new AssertionError("no cell " + id + " " + area + " in "
                    + cells.keySet().stream()
                            .filter(k -> k.breakdown() == Breakdown.NONE)
                            .toList());
        }
        assertEquals(num, c.numerator(), id + " numerator in " + area);
        assertEquals(den, c.denominator(), id + " denominator in " + area);
    }

    static Double pct(AnalysisTable m, String area, String age, String rowCondition, String column) {
        return (Double) get(m, row(m, area, age, rowCondition, column), "percent");
    }

    static List<Object> row(AnalysisTable m, String area, String age, String rowCondition, String column) {
        return find(
                m,
                Map.of("area_code", area, "age_group", age, "row_condition", rowCondition, "column_condition", column));
    }

    static long count(AnalysisTable t, String area, String age, String quintile, String conditions) {
        return (Long) get(
                t,
                find(
                        t,
                        Map.of(
                                "area_code",
                                area,
                                "age_group",
                                age,
                                "imd_quintile",
                                quintile,
                                "conditions",
                                conditions)),
                "people");
    }

    static List<Object> find(AnalysisTable t, Map<String, Object> where) {
        List<List<Object>> found = t.rows().stream()
                .filter(r -> where.entrySet().stream()
                        .allMatch(e -> e.getValue().equals(r.get(t.columnNames().indexOf(e.getKey())))))
                .toList();
        assertEquals(1, found.size(), "rows of " + t.name() + " matching " + where);
        return found.get(0);
    }

    static Object get(AnalysisTable t, List<Object> row, String column) {
        return row.get(t.columnNames().indexOf(column));
    }
}
