package org.openphm.analyses.projection;

import static org.openphm.engine.query.Measure.countRows;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.openphm.analyses.indicator.RegisteredPopulation;
import org.openphm.engine.Engine;
import org.openphm.engine.Result;
import org.openphm.model.FinancialYear;

/**
 * The registered population projected forward (DP 1.3, 2.2, 2.3), and anything proportional to it: condition
 * prevalence (DP 3.1), referrals (DP 4.7, 4.9), deaths (DP 4.5). The method is the data pack's: the registered
 * population of each Place × sex × age band at the base date, grown by its local authority's projected growth
 * for that sex and band; an activity is projected as its observed rate in each cell times the cell's projected
 * population, and only then summed. Everything here is arithmetic on small maps: the one engine query is the
 * base-date count.
 *
 * <p>Years are projection (mid-year) years. A financial year maps to the year it ends in
 * ({@link #yearOf}): the base population at 31 March 2025 is 2024/25's and the projection's 2025, so 2033/34 is
 * 2034 and 2042/43 is 2043.
 */
public final class DemographicProjection {

    private final Map<ProjectionCell, Double> base;
    private final PopulationGrowth growth;
    private final Set<ProjectionCell> heldConstant =
            new TreeSet<>(java.util.Comparator.comparing(ProjectionCell::placeCode)
                    .thenComparing(ProjectionCell::sex)
                    .thenComparing(ProjectionCell::lowerAge));

    private DemographicProjection(Map<ProjectionCell, Double> base, PopulationGrowth growth) {
        this.base = Map.copyOf(base);
        this.growth = growth;
    }

    /** A projection of the given base-year counts (people by cell). */
    public static DemographicProjection of(Map<ProjectionCell, Double> basePopulation, PopulationGrowth growth) {
        return new DemographicProjection(basePopulation, growth);
    }

    /**
     * The registered population on {@code baseDate} (one grouped query over RegisteredPopulation), grown by the
     * workspace's population_projection from the year {@code baseDate} falls in.
     */
    public static DemographicProjection registered(Engine engine, LocalDate baseDate) {
        return of(registeredCells(engine, baseDate), PopulationGrowth.load(engine, baseDate.getYear()));
    }

    /** People registered on the date by Place, sex and ESP2013 age band. */
    public static Map<ProjectionCell, Double> registeredCells(Engine engine, LocalDate date) {
        Result r = engine.execute(
                RegisteredPopulation.at(date).aggregate(List.of("place_code", "sex", "age_band"), countRows("people")));
        Map<ProjectionCell, Double> cells = new HashMap<>();
        for (int i = 0; i < r.size(); i++) {
            cells.put(
                    new ProjectionCell(r.getString(i, "place_code"), r.getString(i, "sex"), r.getString(i, "age_band")),
                    r.getLong(i, "people").doubleValue());
        }
        return cells;
    }

    /** The projection year of a financial year: the calendar year it ends in (its 31 March population). */
    public static int yearOf(FinancialYear year) {
        return year.startYear() + 1;
    }

    public PopulationGrowth growth() {
        return growth;
    }

    /** The base-year population by cell. */
    public Map<ProjectionCell, Double> basePopulation() {
        return base;
    }

    /** Projected population by cell. */
    public Map<ProjectionCell, Double> population(int year) {
        Map<ProjectionCell, Double> out = new HashMap<>();
        base.forEach((cell, people) -> out.put(cell, people * factor(cell, year)));
        return out;
    }

    /**
     * Expected events by cell in {@code year}: each cell's rate per person times its projected population. Cells
     * without a rate expect none.
     */
    public Map<ProjectionCell, Double> expected(Map<ProjectionCell, Double> ratePerPerson, int year) {
        Map<ProjectionCell, Double> out = new HashMap<>();
        Map<ProjectionCell, Double> people = population(year);
        ratePerPerson.forEach((cell, rate) -> out.put(cell, rate * people.getOrDefault(cell, 0.0)));
        return out;
    }

    /**
     * Rates per person by cell. Events in a cell with no population have no rate and would be lost by a rate
     * projection: {@link #unratedEvents} counts them so a caller can report them.
     */
    public static Map<ProjectionCell, Double> rates(
            Map<ProjectionCell, Double> events, Map<ProjectionCell, Double> population) {
        Map<ProjectionCell, Double> out = new HashMap<>();
        events.forEach((cell, n) -> {
            double p = population.getOrDefault(cell, 0.0);
            if (p > 0) {
                out.put(cell, n / p);
            }
        });
        return out;
    }

    /** Events that {@link #rates} could not turn into a rate (their cell had no population). */
    public static double unratedEvents(Map<ProjectionCell, Double> events, Map<ProjectionCell, Double> population) {
        return events.entrySet().stream()
                .filter(e -> !(population.getOrDefault(e.getKey(), 0.0) > 0))
                .mapToDouble(Map.Entry::getValue)
                .sum();
    }

    /** Sums cells into groups (Place, age group, sex, ...), ordered by group label. */
    public static Map<String, Double> total(Map<ProjectionCell, Double> cells, Function<ProjectionCell, String> by) {
        Map<String, Double> out = new TreeMap<>();
        cells.forEach((cell, v) -> {
            String g = by.apply(cell);
            if (g != null) {
                out.merge(g, v, Double::sum);
            }
        });
        return out;
    }

    /** The sum of every cell. */
    public static double total(Map<ProjectionCell, Double> cells) {
        return cells.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** Projected population summed by group for each year: year → group → people. */
    public Map<Integer, Map<String, Double>> populationBy(List<Integer> years, Function<ProjectionCell, String> by) {
        Map<Integer, Map<String, Double>> out = new LinkedHashMap<>();
        for (int y : years) {
            out.put(y, total(population(y), by));
        }
        return out;
    }

    /** Cells whose LA group had nobody in the base year, so could not be grown and were held at their base. */
    public Set<ProjectionCell> heldConstant() {
        return Set.copyOf(heldConstant);
    }

    private double factor(ProjectionCell cell, int year) {
        double f = growth.factor(cell, year);
        if (Double.isNaN(f)) {
            heldConstant.add(cell);
            return 1;
        }
        return f;
    }
}
