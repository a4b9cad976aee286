package org.openphm.analyses.population;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openphm.engine.query.Expr.*;
import static org.openphm.engine.query.Measure.countRows;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openphm.analyses.fidelity.SyntheticBlmk;
import org.openphm.analyses.indicator.CountedCells;
import org.openphm.analyses.indicator.PersonYears;
import org.openphm.analyses.indicator.RegisteredPopulation;
import org.openphm.engine.Engine;
import org.openphm.engine.query.Named;
import org.openphm.engine.query.Query;
import org.openphm.model.CanonicalSchema;
import org.openphm.model.FinancialYear;

/**
 * The mid-year populations of DP 2.4, 4.1, 4.2 and 4.5, counted for every year in one query, are cell for cell what
 * the plain definition gives for each 30 September on its own, on the synthetic ICB (tens of thousands of people who
 * register, move, die and enter and leave the SMI register over the years). The plain definition below is written
 * from the rule, not from the year-index arithmetic under test: the registered population on the day, its
 * deprivation decile as the deaths are given theirs, and the SMI register on that day.
 */
class MortalityPopulationTest {

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
    void everyYearAtOnceIsEachMidYearCountedAlone() {
        List<String> keys = new ArrayList<>(List.of(PersonYears.YEAR));
        keys.addAll(MortalityCells.GRAIN);
        Map<List<Object>, Long> together =
                CountedCells.of(engine.execute(MortalityCells.population(YEARS)), keys, "people");
        Map<List<Object>, Long> alone = new HashMap<>();
        for (int y = 0; y < YEARS.size(); y++) {
            LocalDate day = MortalityCells.midYear(YEARS.get(y));
            alone.putAll(CountedCells.of(
                    engine.execute(populationOn(day)
                            .derive(PersonYears.YEAR, lit((long) y))
                            .aggregate(keys, countRows("people"))),
                    keys,
                    "people"));
        }
        assertTrue(together.size() > 1000, "cells of every year: " + together.size());
        assertTrue(together.keySet().stream().anyMatch(k -> Boolean.TRUE.equals(k.get(k.size() - 1))), "SMI cells");
        assertEquals(alone, together);
    }

    @Test
    void yearsThatDoNotFollowOneAnotherAreRefused() {
        var gap = List.of(new FinancialYear(2021), new FinancialYear(2023));
        org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> MortalityCells.population(gap));
    }

    /** Registered on the day, with deprivation decile, age band and whether on the SMI register that day. */
    private static Query populationOn(LocalDate day) {
        Query smi = Query.from(CanonicalSchema.CONDITION)
                .where(and(
                        col("condition").eq("SMI"),
                        col("diagnosis_date").le(lit(day)),
                        or(isNull(col("resolved_date")), col("resolved_date").gt(lit(day)))))
                .aggregate(List.of("person_id"), countRows("smi_flag"));
        return MortalityCells.withDecile(RegisteredPopulation.once(day))
                .leftJoin(smi, "person_id")
                .derive(
                        Named.as("band", ageBand(col("age"), MortalityCells.BAND_STARTS.toArray(Integer[]::new))),
                        Named.as("smi", isNotNull(col("smi_flag"))));
    }
}
