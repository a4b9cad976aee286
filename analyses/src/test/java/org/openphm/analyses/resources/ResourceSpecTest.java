package org.openphm.analyses.resources;

import static java.time.LocalDate.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openphm.analyses.SpecEngines;
import org.openphm.analyses.SpecGeography;
import org.openphm.analyses.catalogue.Analysis;
import org.openphm.analyses.catalogue.AnalysisContext;
import org.openphm.analyses.catalogue.AnalysisTable;
import org.openphm.engine.Engine;
import org.openphm.engine.spec.SpecTable;
import org.openphm.model.CanonicalSchema;
import org.openphm.model.FinancialYear;
import org.openphm.model.Progress;

/**
 * Finance and workforce (DP 11.x, 12.x) on hand-made tables, each case on DuckDB and on Spark
 * ({@link SpecEngines}); answers derived by hand below.
 *
 * <pre>
 * workforce (census = end of 2024/25 = 2025-03-31)
 * staff org unit group       band  age    sex eth    fte start      leave       in post at census?
 * s1    RWK U1   Nursing     6     55-59  F   White  1.0 2020-01-01 -           yes
 * s2    RWK U1   Nursing     5     25-29  F   Asian  0.5 2024-06-15 -           yes
 * s3    RV3 U2   Admin       4     40-44  M   Black  1.0 2019-05-01 2024-06-14  no (left)
 * s4    RV3 U2   Admin       4     60-64  F   -      0.8 2024-06-14 -           yes (took s3's post that day)
 * s5    RV3 U2   Medical     -     30-34  M   White  1.0 2018-01-01 2025-03-31  no (left on the census day)
 * s6    RWK U1   Nursing     6     16-24  F   White  1.0 2025-04-10 -           no (not yet started)
 * s7    RWK U1   AHP         7     45-49  F   Mixed  1.0 2015-01-01 2025-06-20  yes
 * </pre>
 */
class ResourceSpecTest {

    static final String NURSING = "Nursing and Midwifery Registered", ADMIN = "Administrative and Clerical";

    static AnalysisContext context(Engine engine) {
        return new AnalysisContext(
                engine,
                org.openphm.analyses.indicator.Geography.load(engine),
                List.of(FinancialYear.parse("2024/25")),
                Progress.SILENT);
    }

    static List<SpecTable> tables() {
        SpecTable workforce = SpecTable.canonical(
                        CanonicalSchema.WORKFORCE,
                        "staff_id",
                        "organisation",
                        "org_unit",
                        "service_area",
                        "staff_group",
                        "afc_band",
                        "age_band",
                        "sex",
                        "ethnic_group",
                        "fte",
                        "start_date",
                        "leave_date")
                .row(
                        "s1",
                        "RWK",
                        "U1",
                        "community",
                        NURSING,
                        "Band 6",
                        "55-59",
                        "F",
                        "White",
                        1.0,
                        parse("2020-01-01"),
                        null)
                .row(
                        "s2",
                        "RWK",
                        "U1",
                        "community",
                        NURSING,
                        "Band 5",
                        "25-29",
                        "F",
                        "Asian",
                        0.5,
                        parse("2024-06-15"),
                        null)
                .row(
                        "s3",
                        "RV3",
                        "U2",
                        "mental health",
                        ADMIN,
                        "Band 4",
                        "40-44",
                        "M",
                        "Black",
                        1.0,
                        parse("2019-05-01"),
                        parse("2024-06-14"))
                .row(
                        "s4",
                        "RV3",
                        "U2",
                        "mental health",
                        ADMIN,
                        "Band 4",
                        "60-64",
                        "F",
                        null,
                        0.8,
                        parse("2024-06-14"),
                        null)
                .row(
                        "s5",
                        "RV3",
                        "U2",
                        "mental health",
                        "Medical and Dental",
                        null,
                        "30-34",
                        "M",
                        "White",
                        1.0,
                        parse("2018-01-01"),
                        parse("2025-03-31"))
                .row(
                        "s6",
                        "RWK",
                        "U1",
                        "community",
                        NURSING,
                        "Band 6",
                        "16-24",
                        "F",
                        "White",
                        1.0,
                        parse("2025-04-10"),
                        null)
                .row(
                        "s7",
                        "RWK",
                        "U1",
                        "community",
                        "Allied Health Professionals",
                        "Band 7",
                        "45-49",
                        "F",
                        "Mixed",
                        1.0,
                        parse("2015-01-01"),
                        parse("2025-06-20"))
                .build();
        SpecTable vacancy = SpecTable.canonical(
                        CanonicalSchema.VACANCY,
                        "organisation",
                        "staff_group",
                        "month",
                        "establishment_wte",
                        "vacant_wte")
                .row("RWK", NURSING, "2024-04", 10.0, 1.0)
                .row("RWK", NURSING, "2025-03", 10.0, 2.0)
                .row("RV3", ADMIN, "2024-04", 5.0, 0.5)
                .row("RV3", ADMIN, "2025-04", 5.0, 1.0)
                .build();
        SpecTable metric = SpecTable.canonical(
                        CanonicalSchema.PERFORMANCE_METRIC,
                        "metric_id",
                        "name",
                        "unit",
                        "polarity",
                        "org_code",
                        "month",
                        "value",
                        "national_value",
                        "national_rank")
                .row("mh_vacancy_perinatal", "Perinatal", "%", "low", "QHG", "2024-03", 9.0, 12.0, null)
                .row(
                        "community_spend_per_head_needs_weighted",
                        "Needs-weighted",
                        "GBP",
                        "none",
                        "QHG",
                        "2024-03",
                        222.0,
                        207.0,
                        11L)
                .row("other_metric", "Other", "%", "low", "QHG", "2024-03", 1.0, null, null)
                .build();
        SpecTable spend = SpecTable.canonical(
                        CanonicalSchema.FINANCE_SPEND, "year", "provider", "category", "spend_gbp")
                .row("2022/23", "P1", "community", 100.0)
                .row("2022/23", "P2", "community", 50.0)
                .row("2023/24", "P1", "community", 120.0)
                .row("2023/24", "P2", "community", 48.0)
                .row("2023/24", "P1", "mental health", 80.0)
                .build();
        SpecTable allocation = SpecTable.canonical(
                        CanonicalSchema.ALLOCATION,
                        "year",
                        "commissioner",
                        "allocation_gbp",
                        "target_gbp",
                        "surplus_deficit_gbp",
                        "registered_population",
                        "needs_index_gna",
                        "needs_index_community",
                        "needs_index_mh")
                .row("2021/22", "CCG A", 300.0, 400.0, -5.0, null, null, null, null)
                .row("2021/22", "Combined", 700.0, 800.0, 20.0, null, null, null, null)
                .row("2022/23", "ICB", 1000.0, 1100.0, 10.0, 10L, null, null, null)
                .row("2023/24", "ICB", 1200.0, 1000.0, -30.0, 12L, 95.0, 80.0, 90.0)
                .build();
        // Registered population at 2025-03-31: four people at one Bedford practice: White, White, Asian, not stated.
        SpecTable practice = SpecGeography.practices(new SpecGeography.Place("E06000055", "Bedford Borough"));
        SpecTable lsoa = SpecGeography.lsoas("E06000055");
        SpecTable patient = SpecTable.canonical(
                        CanonicalSchema.PATIENT, "person_id", "sex", "birth_month", "ethnicity", "lsoa")
                .row("A", "F", "1960-01", "A", "E01000001")
                .row("B", "M", "1970-01", "B", "E01000001")
                .row("C", "F", "1980-01", "H", "E01000001")
                .row("D", "M", "1990-01", "Z", "E01000001")
                .build();
        SpecTable registration = SpecTable.canonical(
                        CanonicalSchema.REGISTRATION, "person_id", "practice_code", "start_date", "end_date")
                .row("A", "P00001", parse("2010-01-01"), null)
                .row("B", "P00001", parse("2010-01-01"), null)
                .row("C", "P00001", parse("2010-01-01"), null)
                .row("D", "P00001", parse("2010-01-01"), null)
                .build();
        return List.of(workforce, vacancy, metric, spend, allocation, practice, lsoa, patient, registration);
    }

    /*
     * DP 12.1 through the engine. In post on 2025-03-31 (see the table above): s1 and s2, RWK community nursing,
     * headcount 2, WTE 1.0 + 0.5 = 1.5; s7, RWK community AHP, 1 and 1.0; s4, RV3 mental health admin, 1 and 0.8
     * (s3 and s5 had left, s6 not started). No referrals, so community and mental health have no demand series (the
     * flat population projection is only there for the children's series, and no staff here are children's): no
     * index, and the WTE needed at both horizons is today's (extra 0). By service area:
     * community 1.5 + 1.0 = 2.5, mental health 0.8.
     */
    @ParameterizedTest
    @ValueSource(strings = {SpecEngines.DUCKDB, SpecEngines.SPARK})
    void workforceDemandProjectionWithoutDemandSeriesKeepsTodaysWte(String engineName, @TempDir Path dir)
            throws Exception {
        List<SpecTable> tables = new java.util.ArrayList<>(tables());
        tables.add(SpecTable.canonical(CanonicalSchema.REFERRAL).build());
        SpecTable.Builder projection = SpecTable.canonical(
                CanonicalSchema.POPULATION_PROJECTION, "area_code", "year", "sex", "age_band", "population");
        for (int year : new int[] {2024, 2034, 2044}) { // flat: no growth anywhere
            for (String sex : new String[] {"F", "M"}) {
                projection.row("E06000055", year, sex, "0-64", 100.0).row("E06000055", year, sex, "65+", 100.0);
            }
        }
        tables.add(projection.build());
        try (Engine engine = SpecEngines.open(engineName, dir, tables)) {
            List<AnalysisTable> t = new WorkforceDemandProjection().compute(context(engine));
            AnalysisTable areas = t.get(0);
            assertEquals("by-service-area", areas.name());
            assertEquals(
                    List.of(
                            java.util.Arrays.asList("community", 2.5, null, 2.5, 0.0, null, 2.5, 0.0),
                            java.util.Arrays.asList("mental health", 0.8, null, 0.8, 0.0, null, 0.8, 0.0)),
                    areas.rows());
            AnalysisTable detail = t.get(1);
            assertEquals(
                    java.util.Set.of(
                            java.util.Arrays.asList(
                                    "RWK", "community", NURSING, 2L, 1.5, null, 1.5, 0.0, null, 1.5, 0.0),
                            java.util.Arrays.asList(
                                    "RWK",
                                    "community",
                                    "Allied Health Professionals",
                                    1L,
                                    1.0,
                                    null,
                                    1.0,
                                    0.0,
                                    null,
                                    1.0,
                                    0.0),
                            java.util.Arrays.asList(
                                    "RV3", "mental health", ADMIN, 1L, 0.8, null, 0.8, 0.0, null, 0.8, 0.0)),
                    new java.util.HashSet<>(detail.rows()));
        }
    }

    /** The one row of a table whose named columns have the given values. */
    static Map<String, Object> row(AnalysisContext context, Analysis analysis, String table, Object... keyValues) {
        AnalysisTable t = analysis.compute(context).stream()
                .filter(x -> x.name().equals(table))
                .findFirst()
                .orElseThrow();
        List<Map<String, Object>> hits = t.rows().stream()
                .map(r -> {
                    Map<String, Object> m = new java.util.LinkedHashMap<>();
                    for (int i = 0; i < r.size(); i++) {
                        m.put(t.columnNames().get(i), r.get(i));
                    }
                    return m;
                })
                .filter(m -> {
                    for (int i = 0; i < keyValues.length; i += 2) {
                        if (!Objects.equals(m.get((String) keyValues[i]), keyValues[i + 1])) {
                            return false;
                        }
                    }
                    return true;
                })
                .toList();
        assertEquals(1, hits.size(), () -> table + " rows matching " + List.of(keyValues) + ": " + hits);
        return hits.get(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {SpecEngines.DUCKDB, SpecEngines.SPARK})
    void workforceProfileCountsStaffInPostAtTheCensus(String engineName, @TempDir Path dir) throws Exception {
        try (Engine engine = SpecEngines.open(engineName, dir, tables())) {
            AnalysisContext context = context(engine);
            // In post: s1, s2, s4, s7 (4). Nursing s1+s2 = 2 of 4 = 50%, FTE 1.5; RWK s1, s2, s7: nursing 2 of 3.
            var all = row(
                    context,
                    new WorkforceProfile(),
                    "by-characteristic",
                    "organisation",
                    "All",
                    "characteristic",
                    "staff_group",
                    "value",
                    NURSING);
            assertEquals(2L, all.get("headcount"));
            assertEquals(1.5, all.get("fte"));
            assertEquals(50.0, all.get("share_pct"));
            assertEquals(
                    200.0 / 3,
                    row(
                                    context,
                                    new WorkforceProfile(),
                                    "by-characteristic",
                                    "organisation",
                                    "RWK",
                                    "characteristic",
                                    "staff_group",
                                    "value",
                                    NURSING)
                            .get("share_pct"));
            // s4 has no ethnic group recorded; s5 (no band) left, so every in-post band is recorded.
            assertEquals(
                    1L,
                    row(
                                    context,
                                    new WorkforceProfile(),
                                    "by-characteristic",
                                    "organisation",
                                    "All",
                                    "characteristic",
                                    "ethnic_group",
                                    "value",
                                    WorkforceProfile.NOT_RECORDED)
                            .get("headcount"));
            // Every one in post is female (s3 and s5, the men, have left): 100%.
            assertEquals(
                    100.0,
                    row(
                                    context,
                                    new WorkforceProfile(),
                                    "by-characteristic",
                                    "organisation",
                                    "All",
                                    "characteristic",
                                    "sex",
                                    "value",
                                    "F")
                            .get("share_pct"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {SpecEngines.DUCKDB, SpecEngines.SPARK})
    void ageProfileGivesBothReadingsOfDp125(String engineName, @TempDir Path dir) throws Exception {
        try (Engine engine = SpecEngines.open(engineName, dir, tables())) {
            AnalysisContext context = context(engine);
            // 55+: s1 (nursing), s4 (admin) = 2 of 4 = 50%; nursing: 1 of its 2 = 50%, and 1 of all 2 aged 55+ = 50%.
            // Under 30: s2 (nursing) only: nursing 50% of the group, 100% of all under-30s.
            var all = row(context, new WorkforceAge(), "by-staff-group", "staff_group", "All");
            assertEquals(2L, all.get("aged_55_plus"));
            assertEquals(50.0, all.get("aged_55_plus_pct"));
            assertEquals(25.0, all.get("under_30_pct"));
            var nursing = row(context, new WorkforceAge(), "by-staff-group", "staff_group", NURSING);
            assertEquals(50.0, nursing.get("aged_55_plus_pct"));
            assertEquals(50.0, nursing.get("share_of_all_55_plus_pct"));
            assertEquals(100.0, nursing.get("share_of_all_under_30_pct"));
            assertEquals(WorkforceAge.AgeGroup.UNCLASSIFIED, WorkforceAge.classify("25-34"));
            assertEquals(WorkforceAge.AgeGroup.AGED_55_PLUS, WorkforceAge.classify("65+"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {SpecEngines.DUCKDB, SpecEngines.SPARK})
    void turnoverIsLeaversOverMeanHeadcount(String engineName, @TempDir Path dir) throws Exception {
        try (Engine engine = SpecEngines.open(engineName, dir, tables())) {
            AnalysisContext context = context(engine);
            // 12 months to 2025-06: in post end of 2024-06 = s1, s2, s4, s5, s7 (5); end of 2025-06 = s1, s2, s4, s6
            // (4);
            // leavers Jul-24..Jun-25 = s5 (2025-03), s7 (2025-06) = 2; 2 / 4.5 = 44.44%.
            var all = row(context, new Turnover(), "rolling", "organisation", "All", "month", "2025-06");
            assertEquals(5L, all.get("headcount_start"));
            assertEquals(4L, all.get("headcount_end"));
            assertEquals(2L, all.get("leavers"));
            assertEquals(100.0 * 2 / 4.5, all.get("turnover_pct")); // a share is not rounded (output.Percentages)
            // RV3: end of 2024-06 s4, s5 (2); end of 2025-06 s4 (1); leaver s5; 1 / 1.5 = 66.67%.
            assertEquals(
                    100.0 / 1.5,
                    row(context, new Turnover(), "rolling", "organisation", "RV3", "month", "2025-06")
                            .get("turnover_pct"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {SpecEngines.DUCKDB, SpecEngines.SPARK})
    void vacancyRateIsTheRatioOfSums(String engineName, @TempDir Path dir) throws Exception {
        try (Engine engine = SpecEngines.open(engineName, dir, tables())) {
            AnalysisContext context = context(engine);
            // 2024/25: establishment 10 + 10 + 5 = 25, vacant 1 + 2 + 0.5 = 3.5: 14%. 2024-04: 1.5 / 15 = 10%.
            assertEquals(
                    14.0,
                    row(
                                    context,
                                    new Vacancies(),
                                    "by-year",
                                    "year",
                                    "2024/25",
                                    "organisation",
                                    "All",
                                    "staff_group",
                                    "All")
                            .get("vacancy_rate_pct"));
            // RWK nursing: (1 + 2) / (10 + 10) = 15%.
            assertEquals(
                    15.0,
                    row(
                                    context,
                                    new Vacancies(),
                                    "by-year",
                                    "year",
                                    "2024/25",
                                    "organisation",
                                    "RWK",
                                    "staff_group",
                                    NURSING)
                            .get("vacancy_rate_pct"));
            assertEquals(
                    10.0,
                    row(context, new Vacancies(), "by-month", "month", "2024-04", "organisation", "All")
                            .get("vacancy_rate_pct"));
            assertEquals(
                    -3.0,
                    row(context, new Vacancies(), "mh-sectors", "sector", "Perinatal")
                            .get("difference_pp"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {SpecEngines.DUCKDB, SpecEngines.SPARK})
    void spendGrowthPerHeadAndNeedsWeighting(String engineName, @TempDir Path dir) throws Exception {
        try (Engine engine = SpecEngines.open(engineName, dir, tables())) {
            AnalysisContext context = context(engine);
            // Community 2023/24: 168 vs 150 = +12%; allocation 1200 vs 1000 = +20%; per head 168 / 12 = 14;
            // needs-weighted 14 / 0.80 = 17.5; 168 / 1200 = 14% of allocation.
            var c = row(context, new Spend(), "by-category", "year", "2023/24", "category", "community");
            assertEquals(168.0, c.get("spend_gbp"));
            assertEquals(12.0, c.get("change_pct"));
            assertEquals(20.0, c.get("allocation_growth_since_first_pct"));
            assertEquals(14.0, c.get("spend_per_head_gbp"));
            assertEquals(17.5, c.get("needs_weighted_per_head_gbp"));
            assertEquals(14.0, c.get("share_of_allocation_pct"));
            // MH 2023/24: 80 / 12 = 6.67 per head; / 0.90 = 7.41.
            assertEquals(
                    7.41,
                    row(context, new Spend(), "by-category", "year", "2023/24", "category", "mental health")
                            .get("needs_weighted_per_head_gbp"));
            assertEquals(
                    200.0 / 3,
                    row(context, new Spend(), "by-provider", "year", "2022/23", "provider", "P1")
                            .get("share_of_category_pct"));
            assertEquals(
                    222.0,
                    row(
                                    context,
                                    new Spend(),
                                    "published-benchmarks",
                                    "metric_id",
                                    "community_spend_per_head_needs_weighted")
                            .get("value"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {SpecEngines.DUCKDB, SpecEngines.SPARK})
    void allocationHistoryTakesTheWholeAreaRowForTheCumulativeSurplus(String engineName, @TempDir Path dir)
            throws Exception {
        try (Engine engine = SpecEngines.open(engineName, dir, tables())) {
            AnalysisContext context = context(engine);
            // Whole-area rows: 2021/22 Combined (700 > 300) +20, 2022/23 +10, 2023/24 -30: cumulative 20, 30, 0.
            var combined =
                    row(context, new AllocationHistory(), "history", "year", "2021/22", "commissioner", "Combined");
            assertEquals("true", combined.get("whole_area"));
            assertEquals(20.0, combined.get("cumulative_surplus_gbp"));
            assertNull(row(context, new AllocationHistory(), "history", "year", "2021/22", "commissioner", "CCG A")
                    .get("cumulative_surplus_gbp"));
            var icb = row(context, new AllocationHistory(), "history", "year", "2023/24", "commissioner", "ICB");
            assertEquals(0.0, icb.get("cumulative_surplus_gbp"));
            assertEquals(200.0, icb.get("dft_gbp"));
            assertEquals(20.0, icb.get("dft_pct"));
            assertEquals(100.0, icb.get("allocation_per_head_gbp"));
            // 2022/23: (1000 - 1100) / 1100 = -9.09%.
            assertEquals(
                    -9.09,
                    row(context, new AllocationHistory(), "history", "year", "2022/23", "commissioner", "ICB")
                            .get("dft_pct"));
            assertEquals(
                    80.0,
                    row(context, new AllocationHistory(), "needs-index", "year", "2023/24")
                            .get("community"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {SpecEngines.DUCKDB, SpecEngines.SPARK})
    void workforceEthnicityAgainstTheRegisteredPopulation(String engineName, @TempDir Path dir) throws Exception {
        try (Engine engine = SpecEngines.open(engineName, dir, tables())) {
            AnalysisContext context = context(engine);
            // Workforce in post: White s1, Asian s2, Mixed s7, not stated s4: BME 2 of 4 = 50%. Wilson 95% for 2/4:
            // z = 1.959964, centre (0.5 + z²/8) / (1 + z²/4) = 0.5, half-width z·sqrt(0.25/4 + z²/64) / (1 + z²/4)
            // = 1.959964 × 0.350033 / 1.960365 = 0.349961, so 15.0039% to 84.9961% (unrounded, as every share:
            // output.Percentages; to more places, z = 1.959963985: 15.003899% and 84.996101%).
            var staff = row(context, new WorkforceEthnicity(), "comparison", "population", "Workforce", "group", "BME");
            assertEquals(2L, staff.get("people"));
            assertEquals(50.0, staff.get("share_pct"));
            assertEquals(15.003899, (Double) staff.get("lower_95"), 1e-6);
            assertEquals(84.996101, (Double) staff.get("upper_95"), 1e-6);
            // Registered: A (White), B (White), H (Asian), Z (not stated): BME 1 of 4 = 25%, at ICB and for Bedford.
            assertEquals(
                    25.0,
                    row(
                                    context,
                                    new WorkforceEthnicity(),
                                    "comparison",
                                    "population",
                                    "Registered population",
                                    "area_code",
                                    "All",
                                    "group",
                                    "BME")
                            .get("share_pct"));
            assertEquals(
                    50.0,
                    row(
                                    context,
                                    new WorkforceEthnicity(),
                                    "comparison",
                                    "population",
                                    "Registered population",
                                    "area_code",
                                    "E06000055",
                                    "group",
                                    "White")
                            .get("share_pct"));
            // DP 12.6's chart: each Place a bar under its own name; the workforce and the ICB's population are the
            // wholes (area type ICB) that the chart draws as reference lines, not as one "Registered population" bar
            var place = row(context, new WorkforceEthnicity(), "comparison", "area_code", "E06000055", "group", "BME");
            assertEquals("Place", place.get("area_type"));
            assertEquals(place.get("area_name"), place.get("label"));
            assertNotEquals("E06000055", place.get("label"));
            assertEquals("ICB", staff.get("area_type"));
            assertEquals(
                    "Registered population, ICB",
                    row(
                                    context,
                                    new WorkforceEthnicity(),
                                    "comparison",
                                    "population",
                                    "Registered population",
                                    "area_code",
                                    "All",
                                    "group",
                                    "BME")
                            .get("label"));
        }
    }
}
