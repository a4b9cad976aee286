package org.openphm.analyses.output;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How numbers appear in published files, their cells and the text beside them (methods, notes): plain decimals
 * (never 1.0E-4), at most six decimal places, so 0.011 × 100 is written 1.1, not 1.0999999999999999.
 */
public final class NumberFormat {
    private NumberFormat() {}

    public static String plain(Double v) {
        if (v == null || v.isNaN() || v.isInfinite()) {
            return null;
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString(v.longValue());
        }
        return BigDecimal.valueOf(v)
                .setScale(6, RoundingMode.HALF_UP)
                .stripTrailingZeros()
                .toPlainString();
    }
}
