package org.openphm.analyses.indicator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openphm.engine.query.GroupKey;
import org.openphm.model.AreaType;

/**
 * Files counts aggregated at two fine grains into every area level and breakdown. The engine groups patients
 * twice in one scan (two grouping sets): neighbourhood × sex × ethnic group × deprivation quintile × age band,
 * for the neighbourhoods, Places and ICB with every breakdown; and practice × age band, for practices and PCNs
 * (headline only: their breakdown cells would nearly all be disclosure-suppressed). Both results are bounded
 * by the cross-product of codes, not by the population, and rolling them up in Java replaces a score of
 * grouping sets, which cost DuckDB one hash table each.
 */
public final class CellRollup {

    /** The group-by columns of a fine-grain count over RegisteredPopulation. */
    public static final List<String> FINE_KEYS =
            List.of("practice_code", "neighbourhood_code", "sex", "ethnic_group", "imd_quintile", "age_band");

    /** What a grouping set leaves out reads this: never a real code. */
    static final String ALL = "*";

    /** Area levels whose cells are broken down by sex, ethnic group, deprivation and age band. */
    public static final List<AreaType> BROKEN_DOWN = List.of(AreaType.ICB, AreaType.PLACE, AreaType.NEIGHBOURHOOD);

    private final Geography geography;
    private final List<Breakdown> breakdowns;
    private final Map<String, List<Geography.Area>> ancestry = new HashMap<>();

    public CellRollup(Geography geography, List<Breakdown> breakdowns) {
        this.geography = geography;
        this.breakdowns = List.copyOf(breakdowns);
    }

    public static List<GroupKey> keys() {
        return FINE_KEYS.stream().map(k -> GroupKey.of(k).totalAs(ALL)).toList();
    }

    /** The two grouping sets: neighbourhood with every breakdown; practice by age band. */
    public static List<List<String>> sets() {
        return List.of(
                List.of("neighbourhood_code", "sex", "ethnic_group", "imd_quintile", "age_band"),
                List.of("practice_code", "age_band"));
    }

    /**
     * Files the rows of a query grouped by {@link #keys()} led by the year index ({@link PersonYears#keysByYear})
     * into the cells of each year: indicator i's numerator and denominator are the columns {@code numerators[i]}
     * and {@code denominators[i]}; a band counts where either is positive. An event rate counts its events and
     * its population in two queries, so either array may be null: that side is filed by the other query.
     *
     * @param years the years of the query, year index 0 first
     */
    public void fileByYear(
            org.openphm.engine.Result result,
            String yearColumn,
            List<org.openphm.model.FinancialYear> years,
            List<String> indicatorIds,
            int[] numerators,
            int[] denominators,
            Map<CellKey, AgeBandCounts> cells) {
        int year = result.columnIndex(yearColumn);
        List<Integer> keyIndex = FINE_KEYS.stream().map(result::columnIndex).toList();
        List<Batch> batches = new ArrayList<>();
        for (org.openphm.model.FinancialYear y : years) {
            batches.add(batch(indicatorIds, y.label()));
        }
        for (List<Object> row : result.rows()) {
            Batch batch = batches.get(((Long) row.get(year)).intValue());
            List<Object> keys = keyIndex.stream().map(row::get).toList();
            for (int i = 0; i < indicatorIds.size(); i++) {
                long n = numerators == null ? 0 : (Long) row.get(numerators[i]);
                long d = denominators == null ? 0 : (Long) row.get(denominators[i]);
                if (n > 0 || d > 0) {
                    batch.add(keys, i, n, d);
                }
            }
        }
        batches.forEach(b -> b.fileInto(cells));
    }

    /**
     * Adds one fine-grain row's counts to every cell it belongs to.
     *
     * @param values the row's FINE_KEYS values, in order
     */
    public void file(
            Map<CellKey, AgeBandCounts> cells,
            String indicatorId,
            String period,
            List<Object> values,
            double numerator,
            double denominator) {
        Batch batch = batch(List.of(indicatorId), period);
        batch.add(values, 0, numerator, denominator);
        batch.fileInto(cells);
    }

    /**
     * Collects many rows' counts for several indicators of one period, to file them at the end: a row's cells
     * are worked out once for all its indicators, and each cell gets one sum instead of one addition per row
     * (a year of QOF registers is ~40 registers × ~40,000 fine rows × ~15 cells each).
     */
    public Batch batch(List<String> indicatorIds, String period) {
        return new Batch(indicatorIds, period);
    }

    public final class Batch {
        private final List<String> indicatorIds;
        private final String period;
        private final Map<Target, Sums> sums = new LinkedHashMap<>();
        private List<Object> lastValues;
        private Sums[] lastTargets;

        private Batch(List<String> indicatorIds, String period) {
            this.indicatorIds = List.copyOf(indicatorIds);
            this.period = period;
        }

        /**
         * Adds one row's counts for the indicator at {@code indicator} (its index in the batch's ids) to every
         * cell the row belongs to; a cell exists for the indicator once any row has been added for it.
         *
         * @param values the row's FINE_KEYS values, in order (pass the same list for each indicator of a row)
         */
        public void add(List<Object> values, int indicator, double numerator, double denominator) {
            if (values != lastValues) {
                lastTargets = targets(values);
                lastValues = values;
            }
            for (Sums s : lastTargets) {
                s.add(indicator, numerator, denominator);
            }
        }

        /** Adds the collected sums to the cells, creating those that do not exist yet. */
        public void fileInto(Map<CellKey, AgeBandCounts> cells) {
            sums.forEach((t, s) -> {
                for (int i = 0; i < indicatorIds.size(); i++) {
                    if (s.filed[i]) {
                        CellRollup.add(
                                cells,
                                new CellKey(
                                        indicatorIds.get(i),
                                        t.area().code(),
                                        t.area().type(),
                                        period,
                                        t.breakdown(),
                                        t.category()),
                                t.band(),
                                s.numerator[i],
                                s.denominator[i]);
                    }
                }
            });
        }

        /** The cells (less the indicator) one fine-grain row belongs to. */
        private Sums[] targets(List<Object> values) {
            String practice = (String) values.get(0);
            String neighbourhood = (String) values.get(1);
            String ageBand = (String) values.get(5);
            if (ageBand == null || ALL.equals(ageBand)) {
                return new Sums[0];
            }
            int band = AgeBandCounts.bandOf(ageBand);
            boolean practiceSet = !ALL.equals(practice);
            List<Sums> out = new ArrayList<>();
            for (Geography.Area area : areasOf(practiceSet ? practice : neighbourhood)) {
                boolean brokenDown = BROKEN_DOWN.contains(area.type());
                if (practiceSet == brokenDown) {
                    continue; // each level is filed from exactly one of the two grouping sets
                }
                out.add(sums(new Target(area, Breakdown.NONE, null, band)));
                if (!brokenDown) {
                    continue;
                }
                for (Breakdown b : breakdowns) {
                    String category = switch (b) {
                        case NONE -> null;
                        case SEX -> (String) values.get(2);
                        case ETHNIC_GROUP -> (String) values.get(3);
                        case DEPRIVATION_QUINTILE -> (String) values.get(4);
                        case AGE_BAND -> ageBand;
                    };
                    if (b != Breakdown.NONE) {
                        out.add(sums(new Target(area, b, category == null ? "Unknown" : category, band)));
                    }
                }
            }
            return out.toArray(Sums[]::new);
        }

        private Sums sums(Target t) {
            return sums.computeIfAbsent(t, k -> new Sums(indicatorIds.size()));
        }
    }

    /** A cell of every indicator of a batch, by age band. */
    private record Target(Geography.Area area, Breakdown breakdown, String category, int band) {}

    /** The running sums of one target, per indicator of the batch. */
    private static final class Sums {
        final double[] numerator;
        final double[] denominator;
        final boolean[] filed;

        Sums(int indicators) {
            numerator = new double[indicators];
            denominator = new double[indicators];
            filed = new boolean[indicators];
        }

        void add(int indicator, double num, double den) {
            numerator[indicator] += num;
            denominator[indicator] += den;
            filed[indicator] = true;
        }
    }

    /** The area and every area above it, up to the ICB. */
    private List<Geography.Area> areasOf(String code) {
        return ancestry.computeIfAbsent(code, p -> {
            List<Geography.Area> chain = new ArrayList<>();
            for (Geography.Area a = geography.area(p);
                    a != null && a.type() != AreaType.ENGLAND;
                    a = a.parentCode() == null ? null : geography.area(a.parentCode())) {
                chain.add(a);
            }
            return chain;
        });
    }

    private static void add(Map<CellKey, AgeBandCounts> cells, CellKey key, int band, double num, double den) {
        cells.computeIfAbsent(key, k -> new AgeBandCounts()).add(band, num, den);
    }
}
