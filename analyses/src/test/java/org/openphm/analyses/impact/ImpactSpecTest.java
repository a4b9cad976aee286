package org.openphm.analyses.impact;

import static java.time.LocalDate.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openphm.analyses.SpecEngines;
import org.openphm.analyses.SpecGeography;
import org.openphm.analyses.catalogue.AnalysisContext;
import org.openphm.analyses.catalogue.AnalysisTable;
import org.openphm.analyses.indicator.Geography;
import org.openphm.analyses.indicator.RegisteredPopulation;
import org.openphm.engine.Engine;
import org.openphm.engine.spec.SpecTable;
import org.openphm.model.CanonicalSchema;
import org.openphm.model.FinancialYear;
import org.openphm.model.Progress;

/**
 * Specification of the impact model's reading of a workspace (IMP 14: {@link ImpactBaseline}) and of
 * {@link ImpactAnalysis} run on it, each case on DuckDB and on Spark ({@link SpecEngines}). Baseline 2024/25
 * (1 April 2024 to 31 March 2025), horizon 2026/27; every expected value below is worked out by hand from these
 * rows.
 *
 * <pre>
 * person sex born    LSOA (IMD)  ethnicity    registered          died        on 31 Mar 2025
 * A      F   1940-01 L1 (Q1)     A (White)    P1 Bedford 2010     -           Bedford F 85-89 Q1 White
 * B      M   1990-06 L2 (Q5)     H (Asian)    P2 MK 2015          -           MK M 30-34 Q5 Asian
 * C      F   2015-03 L2 (Q5)     A (White)    P2 MK 2015-04       -           MK F 10-14 Q5 White (0-19)
 * D      M   1950-01 L1 (Q1)     A (White)    P1 Bedford 2010     2024-12-20  dead: not counted
 * E      M   1960-01 L1 (Q1)     A (White)    P1 Bedford 2010     -           Bedford M 65-69 Q1 White
 *
 * spell who method    admitted   discharged ready      diagnosis cost  part: why (age at admission)
 * s1    D   emergency 2024-12-01 2024-12-10 2024-12-05 I500      1000  EOL: died 19 days after admission, though
 *                                                                       CHF is also ACSC (74): 9 bed days, 5 delay
 * s2    A   emergency 2024-05-01 2024-05-06 2024-05-04 I500       500  ACSC: CHF (84): 5 bed days, 2 delay, 65+
 * s3    E   emergency 2024-06-01 2024-06-03 -          S720       100  FREQUENT: E's 3 emergency admissions (64)
 * s4    E   emergency 2024-08-01 2024-08-02 -          S720       100  FREQUENT (64)
 * s5    E   emergency 2024-10-01 2024-10-01 -          S720       100  FREQUENT (64): 0 bed days
 * s6    B   emergency 2024-07-01 2024-07-04 -          S720       300  OTHER: B has 2 (34): 3 bed days
 * s7    B   emergency 2025-03-30 -          -          S720        50  OTHER: still in: no bed days, no delay
 * s8    C   elective  2024-09-01 2024-09-02 2024-09-01 K409      2000  ELECTIVE (9): 1 bed day, 1 delay
 * s9    A   emergency 2024-03-31 2024-04-02 -          I500       700  none: admitted in 2023/24
 *
 * referral who dataset date        kind (age)
 * r1       C   CSDS    2024-05-01  community under 18 (9)
 * r2       A   CSDS    2024-06-01  community 18+ (84)
 * r3       B   MHSDS   2024-07-01  mental health (34)
 * r4       B   CSDS    2024-03-31  none: 2023/24
 *
 * workforce: w1 community 1.0 WTE in post; w2 mental health 0.6 WTE in post; w3 community 1.0 left 2025-01-31.
 * finance_spend 2024/25: community 1,000,000 (two providers, 600,000 + 400,000); mental health 500,000.
 * population_projection (residents, each sex and every ESP band alike): Bedford 100 (2025), 120 (2026), 150 (2027);
 * MK under 65 100, 150, 150; MK 65+ 100 throughout. Growth from 2025 (2024/25's projection year): Bedford x1.2
 * then x1.5; MK's under-65s x1.5 both years.
 * </pre>
 */
class ImpactSpecTest {

    static final String BEDFORD = "E06000055", MK = "E06000042";
    static final FinancialYear BASE = new FinancialYear(2024), HORIZON = new FinancialYear(2026);

    static List<SpecTable> tables() {
        SpecTable practice = SpecGeography.practices(
                new SpecGeography.Place(BEDFORD, "Bedford Borough"), new SpecGeography.Place(MK, "Milton Keynes"));
        SpecTable lsoa = SpecGeography.lsoas(BEDFORD, MK);
        SpecTable patient = SpecTable.canonical(
                        CanonicalSchema.PATIENT, "person_id", "sex", "birth_month", "ethnicity", "lsoa", "death_date")
                .row("A", "F", "1940-01", "A", "E01000001", null)
                .row("B", "M", "1990-06", "H", "E01000002", null)
                .row("C", "F", "2015-03", "A", "E01000002", null)
                .row("D", "M", "1950-01", "A", "E01000001", parse("2024-12-20"))
                .row("E", "M", "1960-01", "A", "E01000001", null)
                .build();
        SpecTable registration = SpecTable.canonical(
                        CanonicalSchema.REGISTRATION, "person_id", "practice_code", "start_date", "end_date")
                .row("A", "P00001", parse("2010-01-01"), null)
                .row("B", "P00002", parse("2015-01-01"), null)
                .row("C", "P00002", parse("2015-04-01"), null)
                .row("D", "P00001", parse("2010-01-01"), parse("2024-12-20"))
                .row("E", "P00001", parse("2010-01-01"), null)
                .build();
        SpecTable spell = SpecTable.canonical(
                        CanonicalSchema.SPELL,
                        "spell_id",
                        "person_id",
                        "admission_method",
                        "admission_date",
                        "discharge_date",
                        "discharge_ready_date",
                        "primary_diagnosis",
                        "cost_gbp")
                .row(
                        "s1",
                        "D",
                        "emergency",
                        parse("2024-12-01"),
                        parse("2024-12-10"),
                        parse("2024-12-05"),
                        "I500",
                        1000.0)
                .row(
                        "s2",
                        "A",
                        "emergency",
                        parse("2024-05-01"),
                        parse("2024-05-06"),
                        parse("2024-05-04"),
                        "I500",
                        500.0)
                .row("s3", "E", "emergency", parse("2024-06-01"), parse("2024-06-03"), null, "S720", 100.0)
                .row("s4", "E", "emergency", parse("2024-08-01"), parse("2024-08-02"), null, "S720", 100.0)
                .row("s5", "E", "emergency", parse("2024-10-01"), parse("2024-10-01"), null, "S720", 100.0)
                .row("s6", "B", "emergency", parse("2024-07-01"), parse("2024-07-04"), null, "S720", 300.0)
                .row("s7", "B", "emergency", parse("2025-03-30"), null, null, "S720", 50.0)
                .row(
                        "s8",
                        "C",
                        "elective",
                        parse("2024-09-01"),
                        parse("2024-09-02"),
                        parse("2024-09-01"),
                        "K409",
                        2000.0)
                .row("s9", "A", "emergency", parse("2024-03-31"), parse("2024-04-02"), null, "I500", 700.0)
                .build();
        SpecTable referral = SpecTable.canonical(
                        CanonicalSchema.REFERRAL, "referral_id", "person_id", "dataset", "referral_date")
                .row("r1", "C", "CSDS", parse("2024-05-01"))
                .row("r2", "A", "CSDS", parse("2024-06-01"))
                .row("r3", "B", "MHSDS", parse("2024-07-01"))
                .row("r4", "B", "CSDS", parse("2024-03-31"))
                .build();
        SpecTable workforce = SpecTable.canonical(
                        CanonicalSchema.WORKFORCE,
                        "staff_id",
                        "service_area",
                        "staff_group",
                        "fte",
                        "start_date",
                        "leave_date")
                .row("w1", "community", "Nursing", 1.0, parse("2020-01-01"), null)
                .row("w2", "mental health", "Nursing", 0.6, parse("2020-01-01"), null)
                .row("w3", "community", "Nursing", 1.0, parse("2020-01-01"), parse("2025-01-31"))
                .build();
        SpecTable spend = SpecTable.canonical(
                        CanonicalSchema.FINANCE_SPEND, "year", "provider", "category", "spend_gbp")
                .row("2024/25", "RX1", "community", 600_000.0)
                .row("2024/25", "RX2", "community", 400_000.0)
                .row("2024/25", "RX3", "mental health", 500_000.0)
                .row("2023/24", "RX3", "mental health", 9_999.0)
                .build();
        SpecTable.Builder projection = SpecTable.canonical(
                CanonicalSchema.POPULATION_PROJECTION, "area_code", "year", "sex", "age_band", "population");
        for (int start : RegisteredPopulation.ESP_BAND_STARTS) {
            String band = start == 90 ? "90+" : start + "-" + (start + 4);
            for (String sex : List.of("F", "M")) {
                double[] bedford = {100, 120, 150};
                double[] mk = start < 65 ? new double[] {100, 150, 150} : new double[] {100, 100, 100};
                for (int y = 0; y < 3; y++) {
                    projection.row(BEDFORD, 2025 + y, sex, band, bedford[y]);
                    projection.row(MK, 2025 + y, sex, band, mk[y]);
                }
            }
        }
        return List.of(practice, lsoa, patient, registration, spell, referral, workforce, spend, projection.build());
    }

    static ImpactBaseline baseline(Engine engine) {
        return ImpactBaseline.of(engine, Geography.load(engine), List.of(BASE), BASE, HORIZON, step -> {});
    }

    @ParameterizedTest
    @ValueSource(strings = {SpecEngines.DUCKDB, SpecEngines.SPARK})
    void theBaselineCountsEachCellsPeopleAndSplitsEmergencyAdmissionsIntoTheirParts(
            String engineName, @TempDir Path dir) throws Exception {
        try (Engine engine = SpecEngines.open(engineName, dir, tables())) {
            ImpactBaseline b = baseline(engine);
            // registered and alive on 31 March 2025: A, B, C, E; C alone is under 20
            assertEquals(4, b.total(Quantity.POPULATION), 0);
            assertEquals(1, b.total(Quantity.POPULATION_0_19), 0);
            double[] a = cell(b, BEDFORD, "F", "85-89", "1", "White");
            assertEquals(1, a[Quantity.POPULATION.ordinal()], 0);
            assertEquals(1, cell(b, MK, "M", "30-34", "5", "Asian")[Quantity.POPULATION.ordinal()], 0);

            // s1 is end of life although CHF is an ACSC: the parts are taken in order
            double[] d = cell(b, BEDFORD, "M", "70-74", "1", "White");
            assertEquals(1, d[Quantity.EOL_SPELLS.ordinal()], 0);
            assertEquals(9, d[Quantity.EOL_BED_DAYS.ordinal()], 0);
            assertEquals(5, d[Quantity.EOL_DELAY_DAYS.ordinal()], 0);
            assertEquals(1000, d[Quantity.EOL_COST.ordinal()], 0);
            assertEquals(9, d[Quantity.EOL_BED_DAYS_65.ordinal()], 0);
            assertEquals(0, d[Quantity.ACSC_SPELLS.ordinal()], 0);
            assertEquals(0, d[Quantity.POPULATION.ordinal()], 0, "D died before the census");

            // s2 in A's cell at admission (84), not at the census (85); s9 of 2023/24 is not counted
            double[] aAdmitted = cell(b, BEDFORD, "F", "80-84", "1", "White");
            assertEquals(1, aAdmitted[Quantity.ACSC_SPELLS.ordinal()], 0);
            assertEquals(5, aAdmitted[Quantity.ACSC_BED_DAYS.ordinal()], 0);
            assertEquals(2, aAdmitted[Quantity.ACSC_DELAY_DAYS.ordinal()], 0);
            assertEquals(5, aAdmitted[Quantity.ACSC_BED_DAYS_65.ordinal()], 0);
            assertEquals(500, aAdmitted[Quantity.ACSC_COST.ordinal()], 0);
            assertEquals(1, b.total(Quantity.ACSC_SPELLS), 0);

            // E's three: frequent attender, 2 + 1 + 0 bed days, under 65 when admitted
            double[] e = cell(b, BEDFORD, "M", "60-64", "1", "White");
            assertEquals(3, e[Quantity.FREQUENT_SPELLS.ordinal()], 0);
            assertEquals(3, e[Quantity.FREQUENT_BED_DAYS.ordinal()], 0);
            assertEquals(0, e[Quantity.FREQUENT_BED_DAYS_65.ordinal()], 0);
            assertEquals(300, e[Quantity.FREQUENT_COST.ordinal()], 0);

            // B's two: other; s7 is still in hospital so adds a spell and its cost but no bed or delay days
            double[] bCell = cell(b, MK, "M", "30-34", "5", "Asian");
            assertEquals(2, bCell[Quantity.OTHER_SPELLS.ordinal()], 0);
            assertEquals(3, bCell[Quantity.OTHER_BED_DAYS.ordinal()], 0);
            assertEquals(0, bCell[Quantity.OTHER_DELAY_DAYS.ordinal()], 0);
            assertEquals(350, bCell[Quantity.OTHER_COST.ordinal()], 0);

            // C's elective at 9
            double[] cAdmitted = cell(b, MK, "F", "5-9", "5", "White");
            assertEquals(1, cAdmitted[Quantity.ELECTIVE_SPELLS.ordinal()], 0);
            assertEquals(1, cAdmitted[Quantity.ELECTIVE_BED_DAYS.ordinal()], 0);
            assertEquals(1, cAdmitted[Quantity.ELECTIVE_DELAY_DAYS.ordinal()], 0);
            assertEquals(1, cAdmitted[Quantity.COMMUNITY_REFERRALS_UNDER_18.ordinal()], 0);

            assertEquals(1, b.total(Quantity.COMMUNITY_REFERRALS_UNDER_18), 0);
            assertEquals(1, b.total(Quantity.COMMUNITY_REFERRALS_18_PLUS), 0);
            assertEquals(1, aAdmitted[Quantity.COMMUNITY_REFERRALS_18_PLUS.ordinal()], 0);
            assertEquals(1, b.total(Quantity.MENTAL_HEALTH_REFERRALS), 0);

            // staff in post on 31 March 2025: w1 and w2, not w3 who left in January; 2024/25's spend only
            assertEquals(
                    List.of(
                            new ImpactBaseline.Staff("community", "Nursing", 1.0),
                            new ImpactBaseline.Staff("mental health", "Nursing", 0.6)),
                    b.staff());
            assertEquals(1_000_000.0, b.communitySpendGbp(), 1e-6);
            assertEquals(500_000.0, b.mentalHealthSpendGbp(), 1e-6);

            // growth from 2025: Bedford x1.2, x1.5; MK's under-65s x1.5, x1.5; its over-65s held
            assertEquals(1.2, b.growth(a(b, BEDFORD, "F", "85-89"), 2026), 1e-12);
            assertEquals(1.5, b.growth(a(b, BEDFORD, "F", "85-89"), 2027), 1e-12);
            assertEquals(1.5, b.growth(a(b, MK, "M", "30-34"), 2027), 1e-12);
            assertEquals("QHG", b.icbCode());
            assertEquals(Map.of(BEDFORD, "Bedford Borough", MK, "Milton Keynes"), b.placeNames());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {SpecEngines.DUCKDB, SpecEngines.SPARK})
    void withNoMitigationTheImpactAnalysisGrowsEachCellsActivityByItsPlacesProjection(
            String engineName, @TempDir Path dir) throws Exception {
        Scenario demographyOnly = Scenario.parse(
                new ObjectMapper()
                        .readTree("{\"schema\": \"openphm-scenario/1\", \"name\": \"demography only\", "
                                + "\"baseline_year\": \"2024/25\", \"horizon_year\": \"2026/27\", \"runs\": 4}"),
                "spec");
        ImpactAnalysis analysis = new ImpactAnalysis(
                demographyOnly,
                "imp-spec",
                "IMP 14.9",
                c -> ImpactBaseline.of(c.engine(), c.geography(), c.years(), BASE, HORIZON, step -> {}));
        try (Engine engine = SpecEngines.open(engineName, dir, tables())) {
            AnalysisContext context =
                    new AnalysisContext(engine, Geography.load(engine), List.of(BASE), Progress.SILENT);
            AnalysisTable activity = analysis.compute(context).stream()
                    .filter(t -> t.name().equals("activity"))
                    .findFirst()
                    .orElseThrow();
            // 2024/25 is the baseline itself: 7 emergency admissions (s1-s7), 4 people, 1 elective
            assertEquals(7L, p50(activity, "QHG", "emergency_admissions", "2024/25"));
            assertEquals(4L, p50(activity, "QHG", "population", "2024/25"));
            assertEquals(1L, p50(activity, "QHG", "elective_admissions", "2024/25"));
            // 2026/27 (projection year 2027): Bedford's 5 emergency admissions x1.5 = 7.5, MK's 2 (B, 34) x1.5 = 3:
            // 10.5, rounded half up to 11. People: Bedford A, E x1.5 = 3; MK B, C x1.5 = 3: 6. C's elective: 1.5 -> 2
            assertEquals(11L, p50(activity, "QHG", "emergency_admissions", "2026/27"));
            assertEquals(6L, p50(activity, "QHG", "population", "2026/27"));
            assertEquals(2L, p50(activity, "QHG", "elective_admissions", "2026/27"));
            // by Place in 2025/26 (2026): Bedford 5 x1.2 = 6; MK 2 x1.5 = 3
            assertEquals(6L, p50(activity, BEDFORD, "emergency_admissions", "2025/26"));
            assertEquals(3L, p50(activity, MK, "emergency_admissions", "2025/26"));
            // with nothing drawn but the principal projection, every run is the same: p10 = p50 = p90
            List<Object> row = row(activity, "QHG", "emergency_admissions", "2026/27");
            assertEquals(row.get(activity.columnIndex("p10")), row.get(activity.columnIndex("p90")));
        }
    }

    private static double[] cell(ImpactBaseline b, String place, String sex, String band, String imd, String ethnic) {
        List<String> seen = new ArrayList<>();
        for (ImpactBaseline.Cell c : b.cells()) {
            if (c.place().equals(place)
                    && c.sex().equals(sex)
                    && c.ageBand().equals(band)
                    && c.imdQuintile().equals(imd)
                    && c.ethnicGroup().equals(ethnic)) {
                return c.q();
            }
            seen.add(String.join(" ", c.place(), c.sex(), c.ageBand(), c.imdQuintile(), c.ethnicGroup()));
        }
        throw new AssertionError(
                "no cell " + place + " " + sex + " " + band + " " + imd + " " + ethnic + " in " + seen);
    }

    private static ImpactBaseline.Cell a(ImpactBaseline b, String place, String sex, String band) {
        return b.cells().stream()
                .filter(c -> c.place().equals(place)
                        && c.sex().equals(sex)
                        && c.ageBand().equals(band))
                .findFirst()
                .orElseThrow();
    }

    private static List<Object> row(AnalysisTable t, String area, String outcome, String year) {
        for (List<Object> r : t.rows()) {
            if (r.get(t.columnIndex("area_code")).equals(area)
                    && r.get(t.columnIndex("outcome_id")).equals(outcome)
                    && r.get(t.columnIndex("year")).equals(year)
                    && r.get(t.columnIndex("model")).equals(ImpactTables.AS_IS)) {
                return r;
            }
        }
        throw new AssertionError("no row " + area + " " + outcome + " " + year);
    }

    private static Object p50(AnalysisTable t, String area, String outcome, String year) {
        Object v = row(t, area, outcome, year).get(t.columnIndex("p50"));
        assertNotNull(v);
        assertTrue(v instanceof Long, "a modelled count is published whole: " + v);
        return v;
    }
}
