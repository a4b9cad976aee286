package org.openphm.analyses.acute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openphm.analyses.acute.AcuteSpecData.BEDFORD;
import static org.openphm.analyses.acute.AcuteSpecData.ICB;
import static org.openphm.analyses.acute.AcuteSpecData.MK;

import java.nio.file.Path;
import java.util.ArrayList;
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

/**
 * Specification of the acute-flow analyses on the hand-made workspace of {@link AcuteSpecData}, each case on
 * DuckDB and on Spark ({@link SpecEngines}); every expected value is derived by hand from the table in its comment.
 */
class AcuteFlowSpecTest {

    static final FinancialYear Y2023 = new FinancialYear(2023), Y2024 = new FinancialYear(2024);

    static AnalysisContext context(Engine engine) {
        return new AnalysisContext(engine, Geography.load(engine), List.of(Y2023, Y2024), Progress.SILENT);
    }

    final AcscClassification acsc = AcscClassification.ccgOis26();

    @ParameterizedTest
    @ValueSource(strings = {SpecEngines.DUCKDB, SpecEngines.SPARK})
    void acscAdmissionsApplyTheListsRulesAndAttributeByRegistrationOnTheDayOfAdmission(
            String engineName, @TempDir Path dir) throws Exception {
        try (Engine engine = SpecEngines.open(engineName, dir, AcuteSpecData.tables())) {
            List<AnalysisTable> tables = new AcscAdmissions(acsc).compute(context(engine));
            AnalysisTable byArea = table(tables, "by-area");
            // 2024/25 ACSC: s1 (CHF), s4 (J20 with J44 = COPD), s6 (epilepsy), s7 (angina, X3 not excluding),
            // s11 (E11.9 = E11, diabetes) = 5. Not: s2 (K4 excludes hypertension), s5 (J20 without COPD), s8 (hep B
            // with D57), s9 (not registered on the day). Emergency spells attributed: s1, s2, s4-s8, s11 = 8.
            List<Object> icb = row(byArea, "year", "2024/25", "area_code", ICB, "cohort", "All ages");
            assertEquals(5L, get(byArea, icb, "acsc_admissions"));
            assertEquals(8L, get(byArea, icb, "emergency_admissions"));
            assertEquals(62.5, (Double) get(byArea, icb, "acsc_share_pct"), 1e-9);
            // 2023/24: s3 ("I10" read as I10X) alone: 1 -> 5 is +400%
            assertEquals(1L, get(byArea, icb, "previous_year_acsc_admissions"));
            assertEquals(400.0, (Double) get(byArea, icb, "change_pct"), 1e-9);
            // no procedure: s1, s6, s11 of 5 = 60%
            assertEquals(3L, get(byArea, icb, "no_procedure"));
            assertEquals(60.0, (Double) get(byArea, icb, "no_procedure_pct"), 1e-9);
            // Bedford adults: s1, s7 (D was registered in Bedford on 1 May), s11 of emergency s1, s2, s7, s11
            List<Object> bedford = row(byArea, "year", "2024/25", "area_code", BEDFORD, "cohort", "Adults");
            assertEquals(3L, get(byArea, bedford, "acsc_admissions"));
            assertEquals(4L, get(byArea, bedford, "emergency_admissions"));
            assertEquals("Bedford Borough", get(byArea, bedford, "area_name"));
            // MK adults: s4 of s4, s5, s8 (D registered in MK by August); MK children: s6 of s6
            List<Object> mkAdults = row(byArea, "year", "2024/25", "area_code", MK, "cohort", "Adults");
            assertEquals(1L, get(byArea, mkAdults, "acsc_admissions"));
            assertEquals(3L, get(byArea, mkAdults, "emergency_admissions"));
            List<Object> mkChildren = row(byArea, "year", "2024/25", "area_code", MK, "cohort", "Children");
            assertEquals(1L, get(byArea, mkChildren, "acsc_admissions"));
            assertEquals(100.0, (Double) get(byArea, mkChildren, "acsc_share_pct"), 1e-9);

            AnalysisTable byGroup = table(tables, "by-group");
            // ICB 2024/25: cardiovascular 2 (s1, s7) ranks first; respiratory, neurological, nutritional 1 each
            List<Object> cardio = row(
                    byGroup,
                    "year",
                    "2024/25",
                    "area_code",
                    ICB,
                    "cohort",
                    "All ages",
                    "acsc_group",
                    "Cardiovascular diseases");
            assertEquals(2L, get(byGroup, cardio, "admissions"));
            assertEquals(1L, get(byGroup, cardio, "rank"));
            assertEquals(40.0, (Double) get(byGroup, cardio, "share_of_acsc_pct"), 1e-9);
            // cardiovascular: s1 no procedure, s7 with one: 50%; in 2023/24 one (s3): +100%
            assertEquals(50.0, (Double) get(byGroup, cardio, "no_procedure_pct"), 1e-9);
            assertEquals(100.0, (Double) get(byGroup, cardio, "change_pct"), 1e-9);
            List<Object> resp = row(
                    byGroup,
                    "year",
                    "2024/25",
                    "area_code",
                    ICB,
                    "cohort",
                    "All ages",
                    "acsc_group",
                    "Respiratory diseases");
            assertEquals(1L, get(byGroup, resp, "admissions"));
            assertEquals(2L, get(byGroup, resp, "rank"));
            assertNull(get(byGroup, resp, "change_pct"), "no respiratory admissions the year before");

            AnalysisTable byCondition = table(tables, "by-condition");
            assertEquals(
                    1L,
                    get(
                            byCondition,
                            row(
                                    byCondition,
                                    "year",
                                    "2024/25",
                                    "area_code",
                                    ICB,
                                    "cohort",
                                    "All ages",
                                    "condition",
                                    "Chronic obstructive pulmonary disease"),
                            "admissions"));
            assertEquals(
                    1L,
                    get(
                            byCondition,
                            row(
                                    byCondition,
                                    "year",
                                    "2023/24",
                                    "area_code",
                                    ICB,
                                    "cohort",
                                    "All ages",
                                    "condition",
                                    "Hypertension"),
                            "admissions"));
            assertTrue(
                    rows(byCondition, "year", "2024/25", "condition", "Hypertension")
                            .isEmpty(),
                    "s2's hypertension is excluded by its cardiac procedure");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {SpecEngines.DUCKDB, SpecEngines.SPARK})
    void costAndBedDaysByYearWithChange(String engineName, @TempDir Path dir) throws Exception {
        try (Engine engine = SpecEngines.open(engineName, dir, AcuteSpecData.tables())) {
            AnalysisContext context = context(engine);
            AnalysisTable cost = table(new AcscCost(acsc).compute(context), "by-area");
            // 2024/25: s1 1000 + s4 700 + s6 300 + s7 2000 + s11 4000 = 8000; 2023/24: s3 500
            List<Object> icb = row(cost, "year", "2024/25", "area_code", ICB, "cohort", "All ages");
            assertEquals(8000.0, (Double) get(cost, icb, "cost_gbp"), 1e-9);
            assertEquals(7500.0, (Double) get(cost, icb, "change_gbp"), 1e-9);
            assertEquals(1600.0, (Double) get(cost, icb, "cost_per_admission_gbp"), 1e-9);
            // adults only: 8000 - s6 300 = 7700
            assertEquals(
                    7700.0,
                    (Double) get(cost, row(cost, "year", "2024/25", "area_code", ICB, "cohort", "Adults"), "cost_gbp"),
                    1e-9);

            List<AnalysisTable> los = new AcscLengthOfStay(acsc).compute(context);
            AnalysisTable byArea = table(los, "by-area");
            // stays: s1 5, s4 0, s6 1, s7 10, s11 19 = 35 bed days; 2023/24 s3 3: +32
            List<Object> losIcb = row(byArea, "year", "2024/25", "area_code", ICB, "cohort", "All ages");
            assertEquals(35L, get(byArea, losIcb, "bed_days"));
            assertEquals(32L, get(byArea, losIcb, "change_bed_days"));
            assertEquals(7.0, (Double) get(byArea, losIcb, "mean_length_of_stay_days"), 1e-9);
            AnalysisTable byGroup = table(los, "by-group");
            // nutritional/endocrine/metabolic (s11, 19 days) is the longest mean stay; cardiovascular (5 + 10) / 2
            assertEquals(
                    19.0,
                    (Double) get(
                            byGroup,
                            row(
                                    byGroup,
                                    "year",
                                    "2024/25",
                                    "area_code",
                                    ICB,
                                    "cohort",
                                    "All ages",
                                    "acsc_group",
                                    "Nutritional, endocrine and metabolic"),
                            "mean_length_of_stay_days"),
                    1e-9);
            assertEquals(
                    7.5,
                    (Double) get(
                            byGroup,
                            row(
                                    byGroup,
                                    "year",
                                    "2024/25",
                                    "area_code",
                                    ICB,
                                    "cohort",
                                    "All ages",
                                    "acsc_group",
                                    "Cardiovascular diseases"),
                            "mean_length_of_stay_days"),
                    1e-9);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {SpecEngines.DUCKDB, SpecEngines.SPARK})
    void cohortPageCountsOnePlacesAdultsByYearGroupAndMonth(String engineName, @TempDir Path dir) throws Exception {
        try (Engine engine = SpecEngines.open(engineName, dir, AcuteSpecData.tables())) {
            AcscCohortProfile bedfordAdults =
                    (AcscCohortProfile) AcscCohortProfile.dataPackPages(acsc).get(0);
            List<AnalysisTable> tables = bedfordAdults.compute(context(engine));
            AnalysisTable byYear = table(tables, "by-year");
            // Bedford adults: 2023/24 s3 (1 of 1 emergency); 2024/25 s1, s7, s11 of s1, s2, s7, s11
            List<Object> y24 = row(byYear, "year", "2024/25");
            assertEquals(3L, get(byYear, y24, "admissions"));
            assertEquals(75.0, (Double) get(byYear, y24, "acsc_share_pct"), 1e-9);
            assertEquals(200.0, (Double) get(byYear, y24, "change_pct"), 1e-9);
            AnalysisTable byMonth = table(tables, "by-month");
            // May 2024: s1 and s7; November 2024: s11
            List<Object> may = row(byMonth, "month", "2024-05");
            assertEquals(2L, get(byMonth, may, "admissions"));
            assertEquals(2L, get(byMonth, may, "month_of_financial_year"));
            assertEquals("May", get(byMonth, may, "month_name"));
            AnalysisTable byGroup = table(tables, "by-group");
            assertEquals(
                    1L, get(byGroup, row(byGroup, "year", "2024/25", "acsc_group", "Cardiovascular diseases"), "rank"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {SpecEngines.DUCKDB, SpecEngines.SPARK})
    void clinicallyReadyForDischargeDaysBySiteAndTheirCost(String engineName, @TempDir Path dir) throws Exception {
        try (Engine engine = SpecEngines.open(engineName, dir, AcuteSpecData.tables())) {
            AnalysisTable t =
                    table(new ClinicallyReadyForDischarge(UnitCosts.load()).compute(context(engine)), "by-site");
            // adults, every method, by site (registration not needed, so s9 counts): RC979 s1 (6 May - 4 May = 2),
            // s10 (0), s11 (20 Nov - 15 Nov = 5) = 7 days over 3 spells, all with a ready date, 2 delayed
            List<Object> bedford = row(t, "year", "2024/25", "site_code", "RC979");
            assertEquals(7L, get(t, bedford, "delay_days"));
            assertEquals(3L, get(t, bedford, "adult_spells"));
            assertEquals(2L, get(t, bedford, "delayed_spells"));
            assertEquals("RC979: Bedford Hospital", get(t, bedford, "site_name"));
            // £395 a night (King's Fund, unit_costs.csv): 7 x 395 = 2765; range 7 x 350 and 7 x 400
            assertEquals(2765.0, (Double) get(t, bedford, "cost_gbp"), 1e-9);
            assertEquals(2450.0, (Double) get(t, bedford, "cost_low_gbp"), 1e-9);
            assertEquals(2800.0, (Double) get(t, bedford, "cost_high_gbp"), 1e-9);
            // 2023/24 at RC979: s3 has no ready date: 0 days, so the change is +7 days (no percentage from 0)
            assertEquals(7L, get(t, bedford, "change_days"));
            // RC971: s7 (no ready date) and s9 (8 Jun - 3 Jun = 5): 5 days, half the spells with a ready date
            List<Object> luton = row(t, "year", "2024/25", "site_code", "RC971");
            assertEquals(5L, get(t, luton, "delay_days"));
            assertEquals(50.0, (Double) get(t, luton, "ready_date_recorded_pct"), 1e-9);
            // RD816: s4 (ready on the day of discharge: 0); s6 is a child's, not counted
            assertEquals(1L, get(t, row(t, "year", "2024/25", "site_code", "RD816"), "adult_spells"));
            // all sites: 7 + 5 + 0 = 12 days over 9 adult spells (s1, s2, s4, s5, s7, s8, s9, s10, s11)
            List<Object> all = row(t, "year", "2024/25", "site_code", "All sites");
            assertEquals(12L, get(t, all, "delay_days"));
            assertEquals(9L, get(t, all, "adult_spells"));
            assertEquals(3L, get(t, row(t, "year", "2024/25", "site_code", "Not recorded"), "adult_spells"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {SpecEngines.DUCKDB, SpecEngines.SPARK})
    void clinicallyReadyShareOfBedDaysByDischargeMonth(String engineName, @TempDir Path dir) throws Exception {
        try (Engine engine = SpecEngines.open(engineName, dir, AcuteSpecData.tables())) {
            AnalysisTable t = table(new ClinicallyReadyShare().compute(context(engine)), "by-month");
            // November 2024, RC979: s11 19 bed days of which 5 after ready: 26.3%
            List<Object> nov = row(t, "month", "2024-11", "site_code", "RC979");
            assertEquals(19L, get(t, nov, "bed_days"));
            assertEquals(5L, get(t, nov, "delay_days"));
            assertEquals(100.0 * 5 / 19, (Double) get(t, nov, "delay_share_pct"), 1e-9);
            // May 2024, all sites: s1 (5 days, 2 delayed) and s7 (10, none recorded): 2 / 15
            List<Object> may = row(t, "month", "2024-05", "site_code", "All sites");
            assertEquals(15L, get(t, may, "bed_days"));
            assertEquals(100.0 * 2 / 15, (Double) get(t, may, "delay_share_pct"), 1e-9);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {SpecEngines.DUCKDB, SpecEngines.SPARK})
    void lengthOfStayByTreatmentFunctionAndSite(String engineName, @TempDir Path dir) throws Exception {
        try (Engine engine = SpecEngines.open(engineName, dir, AcuteSpecData.tables())) {
            AnalysisTable nel = table(LengthOfStayByFunction.nonElective().compute(context(engine)), "by-function");
            // non-elective general medicine (300) at Bedford (RC979): 2024/25 s1 5 and s11 19 days: 12; 2023/24 s3 3
            List<Object> gim = row(nel, "year", "2024/25", "treatment_function", "300", "site_code", "RC979");
            assertEquals(12.0, (Double) get(nel, gim, "mean_length_of_stay_days"), 1e-9);
            assertEquals(3.0, (Double) get(nel, gim, "previous_year_mean_days"), 1e-9);
            assertEquals(9.0, (Double) get(nel, gim, "change_days"), 1e-9);
            assertEquals("BH", get(nel, gim, "site"));
            assertEquals("300: General Internal Medicine", get(nel, gim, "treatment_function_name"));
            // spells without a site, 2024/25: s2 2, s5 2, s8 4 days, all functions: 8 / 3
            List<Object> none =
                    row(nel, "year", "2024/25", "treatment_function", "All activity", "site_code", "Not recorded");
            assertEquals(8.0 / 3, (Double) get(nel, none, "mean_length_of_stay_days"), 1e-9);
            AnalysisTable el = table(LengthOfStayByFunction.elective().compute(context(engine)), "by-function");
            // elective: s10 only, general surgery at Bedford, 2 days, no earlier year
            List<Object> gs = row(el, "year", "2024/25", "treatment_function", "100", "site_code", "RC979");
            assertEquals(2.0, (Double) get(el, gs, "mean_length_of_stay_days"), 1e-9);
            assertNull(get(el, gs, "change_days"));
            assertEquals(1, el.rows().size() / 2, "one function row and its All activity row");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {SpecEngines.DUCKDB, SpecEngines.SPARK})
    void admissionRateCellsCountSpellsWhereThePersonWasRegisteredThenOverTheYearEndList(
            String engineName, @TempDir Path dir) throws Exception {
        try (Engine engine = SpecEngines.open(engineName, dir, AcuteSpecData.tables())) {
            Map<CellKey, AgeBandCounts> cells = new AcscAdmissionRates(acsc).count(engine, Y2024);
            // registered on 31 Mar 2025: A, E at P1 (Bedford); B, C, D at P2 (MK). ACSC 2024/25 by registration on
            // the day: Bedford s1, s7 (D), s11 = 3; MK s4, s6 = 2; ICB 5 over 5 people.
            AgeBandCounts icb = cells.get(key(ICB, AreaType.ICB, Breakdown.NONE, null));
            assertEquals(5.0, icb.numerator());
            assertEquals(5.0, icb.denominator());
            AgeBandCounts bedford = cells.get(key(BEDFORD, AreaType.PLACE, Breakdown.NONE, null));
            assertEquals(3.0, bedford.numerator());
            assertEquals(2.0, bedford.denominator());
            AgeBandCounts mk = cells.get(key(MK, AreaType.PLACE, Breakdown.NONE, null));
            assertEquals(2.0, mk.numerator());
            assertEquals(3.0, mk.denominator());
            // age at admission: s1 and s11 of A (aged 84, band 80-84), s7 of D (74, band 70-74), in Bedford;
            // the denominator's bands are ages on 31 Mar 2025: A 85 (85-89), E 65 (65-69)
            double[] num = bedford.numerators();
            double[] den = bedford.denominators();
            assertEquals(2.0, num[AgeBandCounts.bandOf("80-84")]);
            assertEquals(1.0, num[AgeBandCounts.bandOf("70-74")]);
            assertEquals(1.0, den[AgeBandCounts.bandOf("85-89")]);
            assertEquals(1.0, den[AgeBandCounts.bandOf("65-69")]);
            // by sex, ICB: women A (s1, s11) and C (s6) = 3 of 2 women registered; men 2 (s4, s7) of 3
            assertEquals(
                    3.0, cells.get(key(ICB, AreaType.ICB, Breakdown.SEX, "F")).numerator());
            assertEquals(
                    2.0, cells.get(key(ICB, AreaType.ICB, Breakdown.SEX, "F")).denominator());
            // by deprivation: L1 (quintile 1) people A and D: s1, s7, s11 = 3 over A, D, E registered
            AgeBandCounts q1 = cells.get(key(ICB, AreaType.ICB, Breakdown.DEPRIVATION_QUINTILE, "1"));
            assertEquals(3.0, q1.numerator());
            assertEquals(3.0, q1.denominator());
            // the age-band breakdown reads the headline by band: 85-89 holds A (registered, aged 85 on 31 Mar 2025)
            // with no admission at that age; 80-84 holds A's two admissions but nobody registered, so it has no rate
            // and no cell, while the admissions still count in every other cell
            AgeBandCounts band = cells.get(key(ICB, AreaType.ICB, Breakdown.AGE_BAND, "85-89"));
            assertEquals(0.0, band.numerator());
            assertEquals(1.0, band.denominator());
            assertNull(cells.get(key(ICB, AreaType.ICB, Breakdown.AGE_BAND, "80-84")));
        }
    }

    static CellKey key(String area, AreaType type, Breakdown breakdown, String category) {
        return new CellKey(AcscAdmissionRates.ID, area, type, Y2024.label(), breakdown, category);
    }

    // ---- table helpers ------------------------------------------------------------------------------------

    static AnalysisTable table(List<AnalysisTable> tables, String name) {
        return tables.stream()
                .filter(t -> t.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no table " + name));
    }

    static List<List<Object>> rows(AnalysisTable t, Object... columnValues) {
        List<List<Object>> out = new ArrayList<>();
        for (List<Object> r : t.rows()) {
            boolean match = true;
            for (int i = 0; i < columnValues.length; i += 2) {
                match &= columnValues[i + 1].equals(r.get(t.columnNames().indexOf((String) columnValues[i])));
            }
            if (match) {
                out.add(r);
            }
        }
        return out;
    }

    static List<Object> row(AnalysisTable t, Object... columnValues) {
        List<List<Object>> found = rows(t, columnValues);
        assertEquals(
                1, found.size(), () -> "rows of " + t.name() + " matching " + List.of(columnValues) + ": " + found);
        return found.get(0);
    }

    static Object get(AnalysisTable t, List<Object> row, String column) {
        int i = t.columnNames().indexOf(column);
        assertTrue(i >= 0, () -> "no column " + column + " in " + t.columnNames());
        return row.get(i);
    }
}
