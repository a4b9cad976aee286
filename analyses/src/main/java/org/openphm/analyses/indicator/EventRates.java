package org.openphm.analyses.indicator;

import static org.openphm.engine.query.Expr.*;
import static org.openphm.engine.query.Measure.countIf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.openphm.engine.Engine;
import org.openphm.engine.Result;
import org.openphm.engine.query.Expr;
import org.openphm.engine.query.GroupKey;
import org.openphm.engine.query.Measure;
import org.openphm.engine.query.Query;
import org.openphm.model.AreaType;
import org.openphm.model.FinancialYear;

/**
 * Cells of event-rate indicators (admissions, detentions per 100,000): events of the year attributed by
 * {@link EventAttribution} (area and age at the event) over the registered population at the year's end (the
 * list size a rate per registered patient uses). Two grouped scans per run of consecutive years, one over the
 * events and one over the population ({@link PersonYears}), each giving every year × area level × breakdown ×
 * ESP age band through grouping sets.
 */
public final class EventRates {
    private EventRates() {}

    /**
     * One indicator's numerator: the attributed events for which {@code condition} holds, of people aged
     * {@code minAge} or over at the event; its denominator is the registered population of that age.
     */
    public record Numerator(String indicatorId, Expr condition, int minAge) {}

    /**
     * @param events     attributed events ({@link EventAttribution#at}) of the years or more, with their date in
     *                   {@code dateColumn} and the columns the numerators' conditions use
     */
    public static Map<CellKey, AgeBandCounts> count(
            Engine engine,
            List<FinancialYear> years,
            Query events,
            String dateColumn,
            List<Numerator> numerators,
            List<AreaType> levels,
            List<Breakdown> breakdowns) {
        List<Measure> eventMeasures = new ArrayList<>();
        for (int i = 0; i < numerators.size(); i++) {
            Numerator n = numerators.get(i);
            eventMeasures.add(countIf("n" + i, and(n.condition(), col("age").ge(lit((long) n.minAge())))));
        }
        TreeSet<Integer> minAges = new TreeSet<>();
        numerators.forEach(n -> minAges.add(n.minAge()));
        List<Measure> populationMeasures = new ArrayList<>();
        minAges.forEach(a -> populationMeasures.add(countIf("d" + a, col("age").ge(lit((long) a)))));
        List<GroupKey> keys = PersonYears.keysByYear(BreakdownGrouping.keys(levels, breakdowns));
        List<List<String>> sets = PersonYears.setsByYear(BreakdownGrouping.sets(levels, breakdowns));

        Map<CellKey, AgeBandCounts> cells = new LinkedHashMap<>();
        for (List<FinancialYear> run : PersonYears.consecutiveRuns(years)) {
            Result counted = engine.execute(EventAttribution.byYear(events, dateColumn, run)
                    .aggregate(keys, sets, eventMeasures.toArray(Measure[]::new)));
            Result population = engine.execute(
                    PersonYears.of(run, List.of()).aggregate(keys, sets, populationMeasures.toArray(Measure[]::new)));

            Map<YearPosition, Integer> eventRow = new LinkedHashMap<>();
            for (int i = 0; i < counted.size(); i++) {
                eventRow.put(YearPosition.of(counted, i, levels, breakdowns), i);
            }
            for (int i = 0; i < population.size(); i++) {
                YearPosition p = YearPosition.of(population, i, levels, breakdowns);
                Integer e = eventRow.remove(p);
                for (int k = 0; k < numerators.size(); k++) {
                    Numerator n = numerators.get(k);
                    double den = population.getLong(i, "d" + n.minAge());
                    double num = e == null ? 0 : counted.getLong(e, "n" + k);
                    file(cells, n, run.get(p.year()), p.position(), num, den, breakdowns);
                }
            }
            // Events in an age band with nobody of that band registered at the year's end (emptied by deaths)
            // still count in their cell's crude rate; only the DSR of that cell becomes incomputable.
            eventRow.forEach((p, e) -> {
                for (int k = 0; k < numerators.size(); k++) {
                    double num = counted.getLong(e, "n" + k);
                    if (num > 0) {
                        file(cells, numerators.get(k), run.get(p.year()), p.position(), num, 0, breakdowns);
                    }
                }
            });
        }
        // A cell with no registered population at all (a practice that closed in the year, an age band's own
        // cell emptied by deaths) has no rate: it is left out rather than given an infinite one.
        cells.values().removeIf(c -> c.denominator() <= 0);
        return cells;
    }

    /** Where a row of a grouped result belongs: its year index and its place in the year's grouping. */
    private record YearPosition(int year, BreakdownGrouping.Position position) {
        static YearPosition of(Result r, int row, List<AreaType> levels, List<Breakdown> breakdowns) {
            return new YearPosition(
                    r.getLong(row, PersonYears.YEAR).intValue(),
                    BreakdownGrouping.position(c -> r.get(row, c), levels, breakdowns));
        }
    }

    private static void file(
            Map<CellKey, AgeBandCounts> cells,
            Numerator n,
            FinancialYear year,
            BreakdownGrouping.Position p,
            double num,
            double den,
            List<Breakdown> breakdowns) {
        if (p.ageBand() == null || p.level() == null || (num == 0 && den == 0)) {
            return;
        }
        int band = AgeBandCounts.bandOf(p.ageBand());
        cells.computeIfAbsent(
                        new CellKey(
                                n.indicatorId(), p.areaCode(), p.level(), year.label(), p.breakdown(), p.category()),
                        k -> new AgeBandCounts())
                .add(band, num, den);
        // The age-band breakdown is the headline set read band by band.
        if (p.breakdown() == Breakdown.NONE && breakdowns.contains(Breakdown.AGE_BAND)) {
            cells.computeIfAbsent(
                            new CellKey(
                                    n.indicatorId(),
                                    p.areaCode(),
                                    p.level(),
                                    year.label(),
                                    Breakdown.AGE_BAND,
                                    p.ageBand()),
                            k -> new AgeBandCounts())
                    .add(band, num, den);
        }
    }
}
