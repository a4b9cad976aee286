package org.openphm.analyses.projection;

import static org.openphm.engine.query.Expr.col;
import static org.openphm.engine.query.Measure.sum;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.openphm.engine.Engine;
import org.openphm.engine.Result;
import org.openphm.engine.query.Query;
import org.openphm.model.CanonicalSchema;

/**
 * Growth of the projected population relative to a base year, by local authority, sex and age band, read from
 * the population_projection feed (DP 1.3): "the growth rates in each of the four LAs have been applied to the
 * existing registration data in each Place". The feed counts <em>residents</em>; only its ratios are used, because
 * registered lists are larger than resident counts (list inflation) and it is the registered population that
 * uses the services.
 *
 * <p>A registered cell finds its growth in the projection band that contains its youngest age (so ESP2013 bands
 * work against projections that stop at 85+ or 90+). Sex U takes the growth of both sexes together. A Place
 * the feed does not cover takes the growth of all the feed's areas together, and is listed by
 * {@link #uncoveredPlaces}, so the substitution is visible rather than silent.
 */
public final class PopulationGrowth {

    /** One row of the feed, summed over any duplicates. */
    public record Row(String areaCode, int year, String sex, String ageBand, double population) {}

    private record Key(String area, String sex, String band, int year) {}

    private static final String ALL = "*";

    private final int baseYear;
    private final List<Row> rows;
    private final Set<String> areas = new TreeSet<>();
    private final Set<Integer> years = new TreeSet<>();
    private final List<String> bands = new ArrayList<>();
    private final Map<Key, Double> sums = new HashMap<>();
    private final Set<String> uncovered = new TreeSet<>();

    private PopulationGrowth(List<Row> rows, int baseYear) {
        this.rows = List.copyOf(rows);
        this.baseYear = baseYear;
        for (Row r : rows) {
            areas.add(r.areaCode());
            years.add(r.year());
            if (!bands.contains(r.ageBand())) {
                bands.add(r.ageBand());
            }
            // Sums at every level of "all": the fallbacks for sex U and for Places the feed does not cover.
            for (String a : List.of(r.areaCode(), ALL)) {
                for (String s : List.of(r.sex(), ALL)) {
                    sums.merge(new Key(a, s, r.ageBand(), r.year()), r.population(), Double::sum);
                }
            }
        }
        if (!years.contains(baseYear)) {
            throw new IllegalArgumentException(
                    "the population projection has no year " + baseYear + " to grow from; it covers " + years);
        }
    }

    /** Growth from the feed's rows; for tests and for projections that do not come from a workspace. */
    public static PopulationGrowth of(List<Row> rows, int baseYear) {
        return new PopulationGrowth(rows, baseYear);
    }

    /** The population_projection table of the workspace, one aggregate query. */
    public static PopulationGrowth load(Engine engine, int baseYear) {
        Result r = engine.execute(Query.from(CanonicalSchema.POPULATION_PROJECTION)
                .aggregate(List.of("area_code", "year", "sex", "age_band"), sum("population", col("population"))));
        List<Row> rows = new ArrayList<>(r.size());
        for (int i = 0; i < r.size(); i++) {
            rows.add(new Row(
                    r.getString(i, "area_code"),
                    ((Number) r.get(i, "year")).intValue(),
                    r.getString(i, "sex"),
                    r.getString(i, "age_band"),
                    ((Number) r.get(i, "population")).doubleValue()));
        }
        return new PopulationGrowth(rows, baseYear);
    }

    public int baseYear() {
        return baseYear;
    }

    /** Years the feed covers from the base year on. */
    public List<Integer> years() {
        return years.stream().filter(y -> y >= baseYear).toList();
    }

    /**
     * Projected population of the cell's LA, sex and band in {@code year} over that in the base year. NaN when
     * the base year has nobody in that group (nothing to grow).
     */
    public double factor(ProjectionCell cell, int year) {
        if (!years.contains(year)) {
            throw new IllegalArgumentException(
                    "the population projection has no year " + year + "; it covers " + years);
        }
        String area = areas.contains(cell.placeCode()) ? cell.placeCode() : ALL;
        if (area.equals(ALL)) {
            uncovered.add(cell.placeCode());
        }
        String sex = "F".equals(cell.sex()) || "M".equals(cell.sex()) ? cell.sex() : ALL;
        String band = bandContaining(cell.lowerAge());
        double base = sums.getOrDefault(new Key(area, sex, band, baseYear), 0.0);
        double then = sums.getOrDefault(new Key(area, sex, band, year), 0.0);
        return base > 0 ? then / base : Double.NaN;
    }

    /** Places asked about that the feed does not cover (projected with the growth of all its areas). */
    public Set<String> uncoveredPlaces() {
        return Set.copyOf(uncovered);
    }

    /** Number of rows read, for the record. */
    public int rowCount() {
        return rows.size();
    }

    private String bandContaining(int age) {
        for (String b : bands) {
            if (AgeRange.parse(b).contains(age)) {
                return b;
            }
        }
        throw new IllegalArgumentException("no band of the population projection contains age " + age + ": " + bands);
    }
}
