package org.openphm.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A percentile of sorted values by linear interpolation between order statistics, at position (n − 1)·f + 1:
 * Excel's PERCENTILE.INC, R's type 7, and what Fingertips uses for quintile bounds. Also the p10/p50/p90 of the
 * impact model's Monte Carlo runs.
 */
public final class Percentile {
    private Percentile() {}

    /** @param sorted ascending, at least one value; @param fraction in [0, 1] */
    public static double of(double[] sorted, double fraction) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no values to take a percentile of");
        }
        double position = (sorted.length - 1) * fraction + 1;
        if (position <= 1) {
            return sorted[0];
        }
        if (position >= sorted.length) {
            return sorted[sorted.length - 1];
        }
        int k = (int) position;
        double d = position - k;
        double p = sorted[k - 1] + d * (sorted[k] - sorted[k - 1]);
        // Fingertips rounds to 10 dp to remove floating-point artefacts (30.8000000000000006 → 30.8)
        return new BigDecimal(p).setScale(10, RoundingMode.HALF_UP).doubleValue();
    }
}
