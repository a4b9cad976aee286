package org.openphm.analyses.output;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How numbers appear in published files: plain decimals (never 1.0E-4), at most six decimal places. */
final class NumberFormat {
    private NumberFormat() {}

    static String plain(Double v) {
        if (v == null || v.isNaN() || v.isInfinite()) {
            return null;
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString(v.longValue());
        }
        return BigDecimal.valueOf(v).setScale(6, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
