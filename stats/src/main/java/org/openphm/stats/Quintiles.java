package org.openphm.stats;

import java.util.Arrays;
import java.util.List;

/**
 * Fingertips' quintile method for comparing areas without confidence intervals (source:
 * ukhsa-collaboration/fingertips-open PholioVisualisationWS/Analysis/QuintilesCalculator.cs,
 * ValueCategoriesCalculator.cs, QuintilesComparer.cs).
 *
 * <p>Bounds are the minimum, the 20th/40th/60th/80th percentiles and the maximum of the valid values,
 * percentiles by linear interpolation between order statistics (position (n − 1)·f + 1, as Excel's
 * PERCENTILE.INC). An area's quintile is the first band whose upper bound is at or above its value:
 * 1 holds the lowest values. Fingertips needs at least 5 valid values.
 */
public final class Quintiles {

    public static final int MINIMUM_VALUES = 5;
    private static final int GROUPS = 5;

    private Quintiles() {}

    /** Six bounds (min, four cut points, max), or an empty list when there are fewer than 5 values. */
    public static List<Double> bounds(double[] values) {
        double[] sorted =
                Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (sorted.length < MINIMUM_VALUES) {
            return List.of();
        }
        Double[] bounds = new Double[GROUPS + 1];
        bounds[0] = sorted[0];
        for (int i = 1; i < GROUPS; i++) {
            bounds[i] = Percentile.of(sorted, (double) i / GROUPS);
        }
        bounds[GROUPS] = sorted[sorted.length - 1];
        return List.of(bounds);
    }

    /** The quintile (1 = lowest values … 5) of a value given {@link #bounds}; 0 when it cannot be placed. */
    public static int quintile(double value, List<Double> bounds) {
        if (bounds.isEmpty() || Double.isNaN(value)) {
            return 0;
        }
        for (int q = 1; q <= GROUPS; q++) {
            if (value <= bounds.get(q)) {
                return q;
            }
        }
        throw new IllegalArgumentException(
                "value " + value + " lies above the maximum of the values the bounds came from");
    }

    /** Quintile of every value (0 for missing values, or for all when fewer than 5 are valid). */
    public static int[] assign(double[] values) {
        List<Double> bounds = bounds(values);
        return Arrays.stream(values).mapToInt(v -> quintile(v, bounds)).toArray();
    }
}
