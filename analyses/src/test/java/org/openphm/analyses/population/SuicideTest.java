package org.openphm.analyses.population;

import static org.junit.jupiter.api.Assertions.*;
import static org.openphm.model.ColumnType.*;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openphm.analyses.SpecEngines;
import org.openphm.analyses.SpecGeography;
import org.openphm.analyses.catalogue.AnalysisTable;
import org.openphm.engine.Engine;
import org.openphm.engine.spec.SpecTable;
import org.openphm.model.FinancialYear;

/** DP 3.2: which deaths are suicides (ONS's rule), and the directly standardised rate over pooled years. */
class SuicideTest {

    static final FinancialYear Y2425 = FinancialYear.parse("2024/25");

    /*
     * Eight deaths in 2024/25, all registered in Luton. Suicide under ONS's rule: X60-X84 from age 10, Y10-Y34
     * from 15. Person a (X700 at 44), c (Y200 at 16), f (X849 at 34) and h (Y349 at 54) are suicides; b (Y200 at
     * 12: undetermined intent under 15), d (X600 at 8: under 10), e (X420: accidental poisoning) and g (X859:
     * assault) are not. So 4 suicides of 8 deaths, in the bands 40-44, 15-17, 30-34 and 50-54.
     */
    static List<SpecTable> tables() {
        SpecTable patient = SpecTable.adHoc("patient")
                .col("person_id", STRING)
                .col("sex", STRING)
                .col("birth_month", MONTH)
                .col("ethnicity", STRING)
                .col("lsoa", STRING)
                .col("death_date", DATE)
                .col("death_cause_icd10", STRING)
                .row("a", "M", "1980-01", "A", "E01000001", LocalDate.parse("2024-06-10"), "X700")
                .row("b", "F", "2012-01", "A", "E01000001", LocalDate.parse("2024-07-01"), "Y200")
                .row("c", "F", "2008-01", "A", "E01000001", LocalDate.parse("2024-08-01"), "Y200")
                .row("d", "M", "2016-01", "A", "E01000001", LocalDate.parse("2024-09-01"), "X600")
                .row("e", "M", "1950-01", "A", "E01000001", LocalDate.parse("2024-10-01"), "X420")
                .row("f", "F", "1990-01", "A", "E01000001", LocalDate.parse("2024-11-01"), "X849")
                .row("g", "M", "1985-01", "A", "E01000001", LocalDate.parse("2024-12-01"), "X859")
                .row("h", "M", "1970-01", "A", "E01000001", LocalDate.parse("2024-12-15"), "Y349")
                .row("i", "M", "1960-01", "A", "E01000001", null, null)
                .build();
        SpecTable.Builder registration = SpecTable.adHoc("registration")
                .col("person_id", STRING)
                .col("practice_code", STRING)
                .col("start_date", DATE)
                .col("end_date", DATE);
        for (String p : List.of("a", "b", "c", "d", "e", "f", "g", "h", "i")) {
            registration.row(p, "P00001", LocalDate.parse("2000-01-01"), null);
        }
        SpecTable condition = SpecTable.adHoc("condition")
                .col("person_id", STRING)
                .col("condition", STRING)
                .col("diagnosis_date", DATE)
                .col("resolved_date", DATE)
                .build();
        return List.of(
                SpecGeography.practices(new SpecGeography.Place("E06000032", "Luton")),
                SpecGeography.lsoas("E06000032"),
                patient,
                registration.build(),
                condition);
    }

    @ParameterizedTest
    @ValueSource(strings = {SpecEngines.DUCKDB, SpecEngines.SPARK})
    void suicidesFollowOnsDefinition(String engineName, @TempDir Path dir) throws Exception {
        try (Engine engine = SpecEngines.open(engineName, dir, tables())) {
            MortalityCells.Bands all =
                    MortalityCells.count(engine, List.of(Y2425)).bands(c -> true);
            assertEquals(8, all.totalDeaths());
            assertEquals(4, java.util.Arrays.stream(all.suicides()).sum());
            for (int start : List.of(15, 30, 40, 50)) {
                assertEquals(1, all.suicides()[MortalityCells.BAND_STARTS.indexOf(start)], "band " + start);
            }
        }
    }

    /*
     * Three years, 1,000 men in every band each year, 4 suicides a year at 40-44 and none elsewhere: pooled,
     * 12 suicides over 3,000 person-years at 40-44. ESP2013 weights from 10-14 up sum to 100,000 - 5,000 - 5,500
     * = 89,500; 40-44 weighs 7,000. DSR = 12/3000 x 7000 / 89500 x 100,000 = 31.2849162 per 100,000 (persons
     * and men alike: there are no women, whose rate is therefore not calculated).
     */
    @Test
    void directlyStandardisedOverPooledYears() {
        List<FinancialYear> years = List.of(FinancialYear.parse("2022/23"), FinancialYear.parse("2023/24"), Y2425);
        List<MortalityCells.Cell> cells = new ArrayList<>();
        for (FinancialYear y : years) {
            for (int start : MortalityCells.BAND_STARTS) {
                cells.add(new MortalityCells.Cell(y, "N", "P", "QHG", "M", start, "1", false, 0, 1000, 0));
            }
            cells.add(new MortalityCells.Cell(y, "N", "P", "QHG", "M", 40, "1", false, 4, 0, 4));
        }
        AnalysisTable t = Suicide.rates(MortalityCells.of(cells), MortalityMeasuresTest.GEOGRAPHY, years);
        assertEquals(9, t.rows().size(), "ICB, Place, neighbourhood x persons, men, women, one period");
        int value = t.columnNames().indexOf("value");
        for (List<Object> row : t.rows()) {
            if (row.get(t.columnNames().indexOf("sex")).equals("Female")) {
                assertNull(row.get(value), row.toString());
            } else {
                assertEquals(31.2849162, (Double) row.get(value), 1e-6, row.toString());
                assertEquals(12L, row.get(t.columnNames().indexOf("deaths")));
                assertEquals("2022/23 - 2024/25", row.get(t.columnNames().indexOf("period")));
            }
        }
    }
}
