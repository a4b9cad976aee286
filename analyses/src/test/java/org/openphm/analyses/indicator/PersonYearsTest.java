package org.openphm.analyses.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openphm.engine.query.Expr.*;
import static org.openphm.engine.query.Measure.countIf;
import static org.openphm.engine.query.Measure.countRows;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openphm.analyses.acute.AcscAdmissionRates;
import org.openphm.analyses.acute.AcscClassification;
import org.openphm.analyses.conditions.EventIndicators;
import org.openphm.analyses.conditions.PersonIndicators;
import org.openphm.analyses.fidelity.SyntheticBlmk;
import org.openphm.analyses.qof.QofPrevalenceSource;
import org.openphm.engine.Engine;
import org.openphm.engine.Result;
import org.openphm.engine.query.Measure;
import org.openphm.model.FinancialYear;

/**
 * Counting several years in one query ({@link PersonYears}) gives, year for year, what counting each year's
 * 31 March on its own gives, on the synthetic ICB (tens of thousands of people who register, move, die, enter
 * and leave registers and are measured over the years). The per-date definition is {@link RegisteredPopulation#at}
 * — the population every other indicator and analysis reads — not the year-index arithmetic under test.
 */
class PersonYearsTest {

    static final List<FinancialYear> YEARS =
            List.of(new FinancialYear(2021), new FinancialYear(2022), new FinancialYear(2023), new FinancialYear(2024));

    static Engine engine;

    @BeforeAll
    static void open() throws Exception {
        engine = SyntheticBlmk.engine();
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void thePersonYearsOfEachYearAreThatYearsRegisteredPopulation() {
        // by year, practice, sex, ethnic group, deprivation quintile, age band and three age bases
        List<Measure> counts = List.of(
                countRows("people"),
                countIf("aged_17_plus", col("age").ge(lit(17L))),
                countIf("aged_65_plus", col("age").ge(lit(65L))));
        List<String> keys = List.of(
                "practice_code",
                "pcn_code",
                "neighbourhood_code",
                "place_code",
                "icb_code",
                "sex",
                "ethnic_group",
                "imd_quintile",
                "age_band");
        List<String> byYear = new ArrayList<>(List.of(PersonYears.YEAR));
        byYear.addAll(keys);
        Map<List<Object>, List<Object>> together = rows(
                engine.execute(PersonYears.of(YEARS, List.of()).aggregate(byYear, counts.toArray(Measure[]::new))),
                byYear);
        Map<List<Object>, List<Object>> alone = new HashMap<>();
        for (int y = 0; y < YEARS.size(); y++) {
            Result r = engine.execute(RegisteredPopulation.at(YEARS.get(y).end())
                    .derive(PersonYears.YEAR, lit((long) y))
                    .aggregate(byYear, counts.toArray(Measure[]::new)));
            alone.putAll(rows(r, byYear));
        }
        assertTrue(together.size() > 1000, "cells of every year: " + together.size());
        assertEquals(alone, together);
    }

    @Test
    void countingSpansBeforeSpreadingThemGivesThePersonYearsCounts() {
        List<String> keys =
                List.of("practice_code", "neighbourhood_code", "place_code", "icb_code", "sex", "ethnic_group");
        List<String> byYear = new ArrayList<>(List.of(PersonYears.YEAR));
        byYear.addAll(keys);
        Map<List<Object>, Long> spread = CountedCells.of(
                engine.execute(PersonYears.of(YEARS, List.of()).aggregate(byYear, countRows("people"))),
                byYear,
                "people");
        Map<List<Object>, Long> counted =
                CountedCells.of(engine.execute(PersonYears.counted(YEARS, keys)), byYear, "people");
        assertTrue(spread.size() > 1000, "cells of every year: " + spread.size());
        assertEquals(spread, counted);
    }

    @Test
    void qofPrevalenceOfSeveralYearsIsEachYearCountedAlone() {
        assertSameCells(new QofPrevalenceSource());
    }

    @Test
    void personIndicatorsOfSeveralYearsAreEachYearCountedAlone() {
        assertSameCells(new PersonIndicators());
    }

    @Test
    void acscAdmissionRatesOfSeveralYearsAreEachYearCountedAlone() {
        assertSameCells(new AcscAdmissionRates(AcscClassification.ccgOis26()));
    }

    @Test
    void conditionEventRatesOfSeveralYearsAreEachYearCountedAlone() {
        assertSameCells(new EventIndicators());
    }

    private static void assertSameCells(IndicatorSource source) {
        Map<CellKey, AgeBandCounts> together = source.count(engine, YEARS);
        Map<CellKey, AgeBandCounts> alone = new HashMap<>();
        for (FinancialYear y : YEARS) {
            alone.putAll(source.count(engine, List.of(y)));
        }
        assertEquals(alone.keySet(), together.keySet());
        List<String> differ = new ArrayList<>();
        alone.forEach((k, a) -> {
            AgeBandCounts t = together.get(k);
            if (!java.util.Arrays.equals(a.numerators(), t.numerators())
                    || !java.util.Arrays.equals(a.denominators(), t.denominators())) {
                differ.add(k.toString());
            }
        });
        assertEquals(List.of(), differ.stream().limit(5).toList());
        assertTrue(together.values().stream().anyMatch(c -> c.numerator() > 0), "something is counted");
    }

    private static Map<List<Object>, List<Object>> rows(Result r, List<String> keys) {
        Map<List<Object>, List<Object>> out = new HashMap<>();
        for (List<Object> row : r.rows()) {
            List<Object> key = keys.stream().map(k -> row.get(r.columnIndex(k))).toList();
            List<Object> values = new ArrayList<>(row);
            out.put(key, values);
        }
        return out;
    }
}
