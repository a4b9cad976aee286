package org.openphm.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * Rank-based quantiles of areas (deciles of LSOAs, quintiles of practices), within groups, as
 * PHEindicatormethods {@code phe_quantile} assigns them (source: ukhsa-collaboration/
 * PHEindicatormethods R/Quantiles.R, commit 093fd288; method: OHID technical guide "Assigning
 * deprivation categories").
 *
 * <p>Areas are ranked by value (ties share the lowest rank) and quantile q of N areas takes ranks
 * so that each quantile holds about N/q of them: quantile = q + 1 − ⌈(N + 1 − rank) / (N / q)⌉.
 * Unlike {@link Quintiles} (Fingertips' value-based bounds) equal values always share a quantile
 * and every quantile is about the same size. Areas with no value are not ranked. A group with
 * fewer areas with values than quantiles asked for gets no quantiles at all: the package's
 * "insufficient areas" rule.
 */
public final class RankQuantiles {

    /** Deciles: the package's default. */
    public static final int DECILES = 10;

    private RankQuantiles() {}

    /**
     * One area's quantile.
     *
     * @param quantile 1..n, or 0 when none could be assigned (then {@link #note()} says why)
     */
    public record Assignment<T>(T area, int quantile, String note) {

        public Assignment {
            note = note == null ? "" : note;
        }

        public boolean hasQuantile() {
            return quantile > 0;
        }
    }

    /**
     * Quantiles of one set of values, in the order given; 0 for a missing (NaN) value, and for every
     * value when fewer than {@code quantiles} values are present.
     *
     * @param invert true to give the highest values quantile 1 (the package's default, e.g. the
     *               most deprived decile first when higher scores are more deprived); false to give
     *               the lowest values quantile 1
     */
    public static int[] assign(double[] values, int quantiles, boolean invert) {
        requireQuantiles(quantiles);
        double[] keys = Arrays.stream(values).map(v -> invert ? -v : v).toArray();
        double[] sorted =
                Arrays.stream(keys).filter(v -> !Double.isNaN(v)).sorted().toArray();
        int n = sorted.length;
        int[] result = new int[values.length];
        if (n < quantiles) {
            return result;
        }
        double perQuantile = (double) n / quantiles;
        for (int i = 0; i < keys.length; i++) {
            if (Double.isNaN(keys[i])) {
                continue;
            }
            int rank = lowestRank(sorted, keys[i]);
            double q = Math.floor((quantiles + 1) - Math.ceil(((n + 1) - rank) / perQuantile));
            // rounding in N/q can push the top rank one past the last quantile boundary
            result[i] = q == 0 ? 1 : (int) q;
        }
        return result;
    }

    /**
     * Quantiles within each group of areas (e.g. LSOAs within each Place), in the order given.
     *
     * @param group  the grouping set an area belongs to; quantiles are assigned within each
     * @param value  the value to rank by; NaN for an area with no value
     * @param invert per area, whether its group ranks the highest value first; it must be the same
     *               for every area of a group (e.g. from the indicator's polarity)
     * @throws IllegalArgumentException invert differs within a group, or quantiles &lt; 1
     */
    public static <T, K> List<Assignment<T>> withinGroups(
            List<T> areas,
            Function<? super T, K> group,
            ToDoubleFunction<? super T> value,
            int quantiles,
            Predicate<? super T> invert) {
        requireQuantiles(quantiles);
        Map<K, List<Integer>> members = new LinkedHashMap<>();
        for (int i = 0; i < areas.size(); i++) {
            members.computeIfAbsent(group.apply(areas.get(i)), k -> new ArrayList<>())
                    .add(i);
        }
        Assignment<?>[] result = new Assignment<?>[areas.size()];
        for (Map.Entry<K, List<Integer>> g : members.entrySet()) {
            List<Integer> rows = g.getValue();
            boolean inverted = invert.test(areas.get(rows.get(0)));
            double[] values = new double[rows.size()];
            for (int j = 0; j < rows.size(); j++) {
                T area = areas.get(rows.get(j));
                if (invert.test(area) != inverted) {
                    throw new IllegalArgumentException(
                            "invert field values must take the same logical value for each data grouping set");
                }
                values[j] = value.applyAsDouble(area);
            }
            int[] q = assign(values, quantiles, inverted);
            long present = Arrays.stream(values).filter(v -> !Double.isNaN(v)).count();
            for (int j = 0; j < rows.size(); j++) {
                String note = Double.isNaN(values[j])
                        ? "no value"
                        : q[j] == 0
                                ? "group " + g.getKey() + " has " + present + " areas with values, fewer than "
                                        + quantiles + " quantiles"
                                : "";
                result[rows.get(j)] = new Assignment<>(areas.get(rows.get(j)), q[j], note);
            }
        }
        @SuppressWarnings("unchecked")
        List<Assignment<T>> list =
                Arrays.stream(result).map(a -> (Assignment<T>) a).toList();
        return list;
    }

    /** Rank with ties given the lowest rank (R's {@code ties.method = "min"}): 1 + values below. */
    private static int lowestRank(double[] sorted, double key) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo + 1;
    }

    private static void requireQuantiles(int quantiles) {
        if (quantiles < 1) {
            throw new IllegalArgumentException("the number of quantiles must be at least 1: " + quantiles);
        }
    }
}
