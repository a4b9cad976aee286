package org.openphm.synth.feeds;

import java.math.BigDecimal;

/**
 * Renders numbers for the CSV feeds, cells and notes alike: whole numbers without a decimal point, others without
 * float noise (0.035 × 100 is 3.5, not 3.5000000000000004).
 */
public final class Cells {
    private Cells() {}

    public static String number(Double v, int decimals) {
        if (v == null) {
            return null;
        }
        return BigDecimal.valueOf(Noise.round(v, decimals)).stripTrailingZeros().toPlainString();
    }
}
