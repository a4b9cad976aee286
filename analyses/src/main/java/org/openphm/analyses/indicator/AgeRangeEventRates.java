package org.openphm.analyses.indicator;

import static org.openphm.engine.query.Expr.*;
import static org.openphm.engine.query.Measure.countIf;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.openphm.engine.Engine;
import org.openphm.engine.Result;
import org.openphm.engine.query.Expr;
import org.openphm.engine.query.GroupKey;
import org.openphm.engine.query.Measure;
import org.openphm.engine.query.Query;
import org.openphm.model.FinancialYear;

/**
 * Cells of event-rate indicators whose numerator and denominator are restricted to an age range, e.g. admissions
 * of under-18s per 100,000 registered under-18s (DP 3.8, 4.3), which {@link EventRates} (a minimum age only)
 * cannot express. Events are attributed by {@link EventAttribution} (area and age on the day of the event); the
 * denominator is the registered population of the same ages at the year's end. Two grouped scans at the fine
 * grain of {@link CellRollup} per run of consecutive years (events, {@link PersonYears}), each grouped by year as
 * well, rolled up to every area level and breakdown in Java.
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
     * @param events attributed events ({@link EventAttribution#at}) of the years or more, with their date in
     *               {@code dateColumn} and the columns the numerators' conditions read
     */
    public static Map<CellKey, AgeBandCounts> count(
            Engine engine,
            List<FinancialYear> years,
            Query events,
            String dateColumn,
            List<Numerator> numerators,
            CellRollup rollup) {
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
        List<GroupKey> keys = PersonYears.keysByYear(CellRollup.keys());
        List<List<String>> sets = PersonYears.setsByYear(CellRollup.sets());
        List<String> ids = numerators.stream().map(Numerator::indicatorId).toList();

        Map<CellKey, AgeBandCounts> cells = new HashMap<>();
        for (List<FinancialYear> run : PersonYears.consecutiveRuns(years)) {
            Result counted = engine.execute(EventAttribution.byYear(events, dateColumn, run)
                    .aggregate(keys, sets, eventMeasures.toArray(Measure[]::new)));
            int[] num = IntStream.range(0, numerators.size())
                    .map(i -> counted.columnIndex("n" + i))
                    .toArray();
            rollup.fileByYear(counted, PersonYears.YEAR, run, ids, num, null, cells);
            Result population = engine.execute(
                    PersonYears.of(run, List.of()).aggregate(keys, sets, populationMeasures.toArray(Measure[]::new)));
            int[] den = numerators.stream()
                    .mapToInt(n -> population.columnIndex("d" + n.ageKey()))
                    .toArray();
            rollup.fileByYear(population, PersonYears.YEAR, run, ids, null, den, cells);
        }
        return cells;
    }
}
