package org.openphm.analyses.indicator;

import static org.openphm.engine.query.Expr.*;
import static org.openphm.engine.query.Measure.countIf;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openphm.engine.Engine;
import org.openphm.engine.Result;
import org.openphm.engine.query.Expr;
import org.openphm.engine.query.Measure;
import org.openphm.engine.query.Query;
import org.openphm.model.FinancialYear;

/**
 * Cells of event-rate indicators whose numerator and denominator are restricted to an age range, e.g. admissions
 * of under-18s per 100,000 registered under-18s (DP 3.8, 4.3), which {@link EventRates} (a minimum age only)
 * cannot express. Events are attributed by {@link EventAttribution} (area and age on the day of the event); the
 * denominator is the registered population of the same ages at the year's end. Two grouped scans at the fine
 * grain of {@link CellRollup} per year (events, population), rolled up to every area level and breakdown in Java.
 */
public final class AgeRangeEventRates {
    private AgeRangeEventRates() {}

    /** Sentinel for "no upper age limit". */
    public static final int NO_MAXIMUM = Integer.MAX_VALUE;

    /**
     * One indicator's numerator: the attributed events for which {@code condition} holds, of people aged
     * {@code minAge} to {@code maxAge} inclusive at the event; its denominator: registered people of those ages.
     */
    public record Numerator(String indicatorId, Expr condition, int minAge, int maxAge) {

        /** The age restriction as an expression over an {@code age} column. */
        public Expr ages() {
            Expr lower = col("age").ge(lit((long) minAge));
            return maxAge == NO_MAXIMUM ? lower : and(lower, col("age").le(lit((long) maxAge)));
        }

        String ageKey() {
            return minAge + "_" + (maxAge == NO_MAXIMUM ? "max" : Integer.toString(maxAge));
        }
    }

    /**
     * @param events the year's events only, attributed ({@link EventAttribution#at}), with the columns the
     *               numerators' conditions read
     */
    public static Map<CellKey, AgeBandCounts> count(
            Engine engine, FinancialYear year, Query events, List<Numerator> numerators, CellRollup rollup) {
        List<Measure> eventMeasures = new ArrayList<>();
        for (int i = 0; i < numerators.size(); i++) {
            eventMeasures.add(countIf(
                    "n" + i,
                    and(numerators.get(i).condition(), numerators.get(i).ages())));
        }
        Map<String, Numerator> ageRanges = new LinkedHashMap<>();
        numerators.forEach(n -> ageRanges.putIfAbsent(n.ageKey(), n));
        List<Measure> populationMeasures = new ArrayList<>();
        ageRanges.forEach((key, n) -> populationMeasures.add(countIf("d" + key, n.ages())));

        Map<CellKey, AgeBandCounts> cells = new HashMap<>();
        Result counted = engine.execute(
                events.aggregate(CellRollup.keys(), CellRollup.sets(), eventMeasures.toArray(Measure[]::new)));
        List<String> ids = numerators.stream().map(Numerator::indicatorId).toList();
        CellRollup.Batch eventCounts = rollup.batch(ids, year.label());
        for (List<Object> row : counted.rows()) {
            List<Object> keys = keys(counted, row);
            for (int i = 0; i < numerators.size(); i++) {
                long n = (Long) row.get(counted.columnIndex("n" + i));
                if (n > 0) {
                    eventCounts.add(keys, i, n, 0);
                }
            }
        }
        eventCounts.fileInto(cells);
        Result population = engine.execute(RegisteredPopulation.at(year.end())
                .aggregate(CellRollup.keys(), CellRollup.sets(), populationMeasures.toArray(Measure[]::new)));
        CellRollup.Batch registered = rollup.batch(ids, year.label());
        for (List<Object> row : population.rows()) {
            List<Object> keys = keys(population, row);
            for (int i = 0; i < numerators.size(); i++) {
                long d = (Long)
                        row.get(population.columnIndex("d" + numerators.get(i).ageKey()));
                if (d > 0) {
                    registered.add(keys, i, 0, d);
                }
            }
        }
        registered.fileInto(cells);
        return cells;
    }

    private static List<Object> keys(Result r, List<Object> row) {
        return CellRollup.FINE_KEYS.stream().map(k -> row.get(r.columnIndex(k))).toList();
    }
}
