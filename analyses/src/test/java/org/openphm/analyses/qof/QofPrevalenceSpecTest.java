package org.openphm.analyses.qof;

import static org.junit.jupiter.api.Assertions.*;
import static org.openphm.model.ColumnType.*;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openphm.analyses.SpecEngines;
import org.openphm.analyses.SpecGeography;
import org.openphm.analyses.indicator.AgeBandCounts;
import org.openphm.analyses.indicator.Breakdown;
import org.openphm.analyses.indicator.CellKey;
import org.openphm.analyses.indicator.DisclosureStep;
import org.openphm.analyses.indicator.EnglandComparator;
import org.openphm.analyses.indicator.Geography;
import org.openphm.analyses.indicator.IndicatorCalculator;
import org.openphm.analyses.indicator.IndicatorRow;
import org.openphm.analyses.indicator.IndicatorSpec;
import org.openphm.engine.Engine;
import org.openphm.engine.spec.SpecTable;
import org.openphm.model.AreaType;
import org.openphm.model.FinancialYear;
import org.openphm.stats.sdc.DisclosureRule;

/**
 * DP 5.9 diabetes prevalence (17+) on a hand-made population, on both engines. The answers are worked by
 * hand below; the tables are as small as the rules they exercise.
 */
class QofPrevalenceSpecTest {

    static final String LUTON = "E06000032";
    static final String MK = "E06000042";

    /*
     * People on 31 March 2025 (end of 2024/25):
     *  1 F born 1950-01, P1 Luton, DM since 2010                      -> 75, in 17+, on register
     *  2 M born 1980-06, P1 Luton                                    -> 44, in 17+, not on register
     *  3 F born 2010-05, P1 Luton                                    -> 14, outside the 17+ age base
     *  4 M born 1960-01, P2 MK, DM diagnosed 2024-06-01              -> 65, on register
     *  5 F born 1990-01, P2 MK, DM 2015 resolved 2020-01-01          -> 35, in 17+, NOT on register (resolved)
     *  6 M born 1970-01, P2 MK, DM, died 2024-12-01                  -> not counted (dead on the date)
     *  7 F born 1985-01, P2 MK, DM, registration ended 2024-01-01    -> not counted (not registered)
     *  8 M born 2008-01, P2 MK, DM diagnosed 2024-02-01              -> 17 (birthday in January), on register
     *  9 F born 1995-03, P1 Luton, DM diagnosed 2025-04-02           -> 30, in 17+, not yet on register
     * Luton: 1 on register / 3 in 17+ (1, 2, 9) = 33.33%; MK: 2 / 3 (4, 5, 8) = 66.67%; ICB 3 / 6 = 50%.
     * Wilson 95% for 3/6 (z = 1.959964, z² = 3.841459): (6 + 3.841459 ∓ 1.959964·√(3.841459 + 12·0.5)) /
     * (2·(6 + 3.841459)) = (9.841459 ∓ 6.146436) / 19.682918 -> 18.76% to 81.24%.
     */
    static List<SpecTable> tables() {
        SpecTable practice = SpecGeography.practices(
                new SpecGeography.Place(LUTON, "Luton"), new SpecGeography.Place(MK, "Milton Keynes"));
        SpecTable lsoa = SpecGeography.lsoas(LUTON, MK);
        SpecTable.Builder patient = SpecTable.adHoc("patient")
                .col("person_id", STRING)
                .col("sex", STRING)
                .col("birth_month", MONTH)
                .col("ethnicity", STRING)
                .col("lsoa", STRING)
                .col("death_date", DATE)
                .col("death_cause_icd10", STRING);
        patient.row("1", "F", "1950-01", "A", "E01000001", null, null)
                .row("2", "M", "1980-06", "J", "E01000001", null, null)
                .row("3", "F", "2010-05", "J", "E01000001", null, null)
                .row("4", "M", "1960-01", "A", "E01000002", null, null)
                .row("5", "F", "1990-01", "N", "E01000002", null, null)
                .row("6", "M", "1970-01", "A", "E01000002", d("2024-12-01"), "I219")
                .row("7", "F", "1985-01", "A", "E01000002", null, null)
                .row("8", "M", "2008-01", "H", "E01000002", null, null)
                .row("9", "F", "1995-03", "J", "E01000001", null, null)
                .row("10", "M", "1970-01", "A", "E01000001", null, null)
                .row("11", "F", "1970-01", "A", "E01000001", d("2024-03-31"), "I219")
                .row("12", "M", "1990-01", "A", "E01000002", null, null);
        SpecTable.Builder registration = SpecTable.adHoc("registration")
                .col("person_id", STRING)
                .col("practice_code", STRING)
                .col("start_date", DATE)
                .col("end_date", DATE);
        for (String p : List.of("1", "2", "3", "9")) {
            registration.row(p, "P00001", d("2015-01-01"), null);
        }
        for (String p : List.of("4", "5", "6", "8")) {
            registration.row(p, "P00002", d("2015-01-01"), null);
        }
        registration.row("7", "P00002", d("2015-01-01"), d("2024-01-01"));
        // three people of earlier years only (the multi-year case): each boundary falls on a 31 March
        registration.row("10", "P00001", d("2015-01-01"), d("2024-03-31"));
        registration.row("11", "P00001", d("2015-01-01"), null);
        // 12 moved practice: the later start wins on 31 March 2024, when both registrations are open
        registration.row("12", "P00001", d("2019-01-01"), d("2024-06-30"));
        registration.row("12", "P00002", d("2024-03-31"), d("2024-06-30"));
        SpecTable.Builder condition = SpecTable.adHoc("condition")
                .col("person_id", STRING)
                .col("condition", STRING)
                .col("diagnosis_date", DATE)
                .col("resolved_date", DATE);
        condition
                .row("1", "DM", d("2010-03-01"), null)
                .row("4", "DM", d("2024-06-01"), null)
                .row("5", "DM", d("2015-01-01"), d("2020-01-01"))
                .row("6", "DM", d("2012-01-01"), null)
                .row("7", "DM", d("2012-01-01"), null)
                .row("8", "DM", d("2024-02-01"), null)
                .row("9", "DM", d("2025-04-02"), null)
                .row("2", "HYP", d("2020-01-01"), null)
                .row("10", "DM", d("2010-01-01"), null)
                .row("11", "DM", d("2015-01-01"), d("2023-03-31"))
                .row("12", "DM", d("2020-01-01"), null);
        return List.of(practice, lsoa, patient.build(), registration.build(), condition.build());
    }

    static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    static final QofRegister DM = QofRegisters.ALL.stream()
            .filter(r -> r.id().equals("DM"))
            .findFirst()
            .orElseThrow();

    @ParameterizedTest
    @ValueSource(strings = {SpecEngines.DUCKDB, SpecEngines.SPARK})
    void diabetesPrevalenceByPlaceAndIcb(String engineName, @TempDir Path dir) throws Exception {
        try (Engine engine = SpecEngines.open(engineName, dir, tables())) {
            Geography geography = Geography.load(engine);
            Map<CellKey, AgeBandCounts> cells = RegisterPrevalence.count(
                    engine,
                    List.of(new FinancialYear(2024)),
                    List.of(DM),
                    new org.openphm.analyses.indicator.CellRollup(geography, QofIndicators.BREAKDOWNS));
            assertCounts(cells, "QHG", AreaType.ICB, 3, 6);
            assertCounts(cells, LUTON, AreaType.PLACE, 1, 3);
            assertCounts(cells, MK, AreaType.PLACE, 2, 3);
            assertCounts(cells, "P00002", AreaType.PRACTICE, 2, 3);
            // Breakdowns at ICB level: women 1 (person 1) of 3 (1, 5, 9); men 2 (4, 8) of 3 (2, 4, 8).
            AgeBandCounts women =
                    cells.get(new CellKey(DM.indicatorId(), "QHG", AreaType.ICB, "2024/25", Breakdown.SEX, "F"));
            assertEquals(1, women.numerator());
            assertEquals(3, women.denominator());
            // Deprivation: quintile 1 (Luton LSOA) 1 / 3, quintile 5 (MK LSOA) 2 / 3.
            AgeBandCounts q5 = cells.get(
                    new CellKey(DM.indicatorId(), "QHG", AreaType.ICB, "2024/25", Breakdown.DEPRIVATION_QUINTILE, "5"));
            assertEquals(2, q5.numerator());
            // Age band 15-19 holds person 8 alone (17, on the register).
            AgeBandCounts band = cells.get(
                    new CellKey(DM.indicatorId(), "QHG", AreaType.ICB, "2024/25", Breakdown.AGE_BAND, "15-19"));
            assertEquals(1, band.numerator());
            assertEquals(1, band.denominator());

            EnglandComparator england = EnglandComparator.empty();
            england.put(
                    DM.indicatorId(), "2024/25", new EnglandComparator.Value(7.5, false, "test: a published value"));
            IndicatorSpec crude = QofIndicators.all().stream()
                    .filter(s -> s.id().equals(DM.indicatorId()))
                    .findFirst()
                    .orElseThrow();
            List<IndicatorRow> rows = new IndicatorCalculator(geography, england).rows(crude, cells);
            IndicatorRow icb = headline(rows, "QHG");
            assertEquals(50.0, icb.value(), 1e-9);
            assertEquals(18.76, icb.lowerCi95(), 0.005);
            assertEquals(81.24, icb.upperCi95(), 0.005);
            // England's 7.5% lies below the ICB's interval: significantly higher (no polarity for prevalence).
            assertEquals("Higher", icb.comparedToEngland());
            assertEquals("17+ yrs", icb.age());
            // Luton's 33% against the ICB's 50%: inside Luton's wide interval, so similar.
            assertEquals("Similar", headline(rows, LUTON).comparedToParent());
            assertEquals("QHG", headline(rows, LUTON).parentCode());

            // Published: every denominator here is 1-7, so no value is published; counts of 1-7 are hidden and
            // only zero counts (not disclosive under the NHS rule) remain.
            List<IndicatorRow> published = new DisclosureStep(geography, DisclosureRule.nhsDefault())
                    .publish(List.of(crude), new IndicatorCalculator(geography, england), cells)
                    .published();
            assertEquals(rows.size(), published.size());
            assertTrue(
                    published.stream().allMatch(r -> r.value() == null && r.lowerCi95() == null),
                    "no value from a denominator of 1-7");
            assertTrue(
                    published.stream().allMatch(r -> r.count() == null || r.count() == 0),
                    "counts of 1-7 are never published");
            assertTrue(published.stream()
                    .filter(r -> r.count() == null)
                    .allMatch(r -> r.note().startsWith("Suppressed")));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {SpecEngines.DUCKDB, SpecEngines.SPARK})
    void theSourceCountsEveryRegisterAtOnceWithItsOwnAgeBase(String engineName, @TempDir Path dir) throws Exception {
        try (Engine engine = SpecEngines.open(engineName, dir, tables())) {
            Map<CellKey, AgeBandCounts> cells = new QofPrevalenceSource().count(engine, new FinancialYear(2024));
            // diabetes, 17+, exactly as counted alone above
            assertCounts(cells, "QHG", AreaType.ICB, 3, 6);
            assertCounts(cells, LUTON, AreaType.PLACE, 1, 3);
            // hypertension is a share of the whole list: person 2 (since 2020) of the 7 registered and alive on
            // 31 March 2025 (1, 2, 3, 4, 5, 8, 9); in Luton of 4 (1, 2, 3, 9)
            AgeBandCounts hyp =
                    cells.get(new CellKey("qof-prevalence-hyp", "QHG", AreaType.ICB, "2024/25", Breakdown.NONE, null));
            assertNotNull(hyp, "a cell for every register, hypertension too");
            assertEquals(1, hyp.numerator());
            assertEquals(7, hyp.denominator());
            AgeBandCounts hypLuton = cells.get(
                    new CellKey("qof-prevalence-hyp", LUTON, AreaType.PLACE, "2024/25", Breakdown.NONE, null));
            assertEquals(1, hypLuton.numerator());
            assertEquals(4, hypLuton.denominator());
        }
    }

    /*
     * Three years at once, diabetes 17+ at the ICB, each 31 March (2023, 2024, 2025) worked by hand:
     *  1 on the register every year (73, 74, 75)
     *  2 in the base every year (42, 43, 44), never on it; 3 is 12-14, outside it; 9 is 28-30, diagnosed after
     *  4 in the base every year, on it only in 2025 (diagnosed June 2024); 5 in the base, resolved in 2020
     *  6 on it in 2023 and 2024; dead on 31 March 2025
     *  7 on it in 2023; deregistered 1 January 2024
     *  8 is 15 and 16, then 17 and on it in 2025
     * 10 on it in 2023 and 2024: registered up to and including 31 March 2024, not in 2025
     * 11 in the base in 2023 only (dead on 31 March 2024, which a count of that day excludes), and off the
     *    register then: resolved on 31 March 2023, so not still on it that day
     * 12 on it since 2020: at P00001 (Luton) in 2023; in 2024 at P00002 (Milton Keynes), the later start of two
     *    open registrations, and counted there only; gone by 2025
     * 2022/23: 1, 6, 7, 10, 12 of 1, 2, 4, 5, 6, 7, 9, 10, 11, 12 = 5 / 10
     * 2023/24: 1, 6, 10, 12 of 1, 2, 4, 5, 6, 9, 10, 12 = 4 / 8; Milton Keynes 6, 12 of 4, 5, 6, 12 = 2 / 4;
     *          Luton 1, 10 of 1, 2, 9, 10 = 2 / 4 (12 is not counted twice)
     * 2024/25: 3 / 6, as counted alone above
     */
    @ParameterizedTest
    @ValueSource(strings = {SpecEngines.DUCKDB, SpecEngines.SPARK})
    void severalYearsAtOnceEachAtItsOwn31March(String engineName, @TempDir Path dir) throws Exception {
        try (Engine engine = SpecEngines.open(engineName, dir, tables())) {
            Map<CellKey, AgeBandCounts> cells = new QofPrevalenceSource()
                    .count(engine, List.of(new FinancialYear(2022), new FinancialYear(2023), new FinancialYear(2024)));
            assertCounts(cells, "2022/23", "QHG", AreaType.ICB, 5, 10);
            assertCounts(cells, "2023/24", "QHG", AreaType.ICB, 4, 8);
            assertCounts(cells, "2023/24", MK, AreaType.PLACE, 2, 4);
            assertCounts(cells, "2023/24", LUTON, AreaType.PLACE, 2, 4);
            assertCounts(cells, "2023/24", "P00002", AreaType.PRACTICE, 2, 4);
            assertCounts(cells, "2024/25", "QHG", AreaType.ICB, 3, 6);
            // age moves with the year: person 8 is in band 15-19 every year but in the 17+ base only in 2025
            for (String year : List.of("2022/23", "2023/24")) {
                assertNull(
                        cells.get(
                                new CellKey(DM.indicatorId(), "QHG", AreaType.ICB, year, Breakdown.AGE_BAND, "15-19")),
                        "nobody of 15-19 in the 17+ base in " + year);
            }
            // a gap in the years is counted as two runs, with the same answers
            Map<CellKey, AgeBandCounts> gap =
                    new QofPrevalenceSource().count(engine, List.of(new FinancialYear(2022), new FinancialYear(2024)));
            assertCounts(gap, "2022/23", "QHG", AreaType.ICB, 5, 10);
            assertCounts(gap, "2024/25", "QHG", AreaType.ICB, 3, 6);
            assertNull(gap.get(new CellKey(DM.indicatorId(), "QHG", AreaType.ICB, "2023/24", Breakdown.NONE, null)));
        }
    }

    private static void assertCounts(
            Map<CellKey, AgeBandCounts> cells, String year, String area, AreaType type, double num, double den) {
        AgeBandCounts c = cells.get(new CellKey(DM.indicatorId(), area, type, year, Breakdown.NONE, null));
        assertNotNull(c, "no cell for " + area + " in " + year);
        assertEquals(num, c.numerator(), area + " numerator " + year);
        assertEquals(den, c.denominator(), area + " denominator " + year);
    }

    private static void assertCounts(
            Map<CellKey, AgeBandCounts> cells, String area, AreaType type, double num, double den) {
        AgeBandCounts c = cells.get(new CellKey(DM.indicatorId(), area, type, "2024/25", Breakdown.NONE, null));
        assertNotNull(
                c,
                "no cell for " + area + " in "
                        + cells.keySet().stream().map(CellKey::areaCode).collect(Collectors.toSet()));
        assertEquals(num, c.numerator(), area + " numerator");
        assertEquals(den, c.denominator(), area + " denominator");
    }

    private static IndicatorRow headline(List<IndicatorRow> rows, String area) {
        return rows.stream()
                .filter(r -> r.areaCode().equals(area)
                        && r.isHeadline()
                        && r.period().equals("2024/25"))
                .findFirst()
                .orElseThrow();
    }
}
