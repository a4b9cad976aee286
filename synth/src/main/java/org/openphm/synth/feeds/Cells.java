package org.openphm.synth.feeds;

import java.math.BigDecimal;

/** Renders numbers for the CSV feeds: whole numbers without a decimal point, others without float noise. */
final class Cells {
    private Cells() {}

    static String number(Double v, int decimals) {
        if (v == null) {
            return null;
        }
        return BigDecimal.valueOf(Noise.round(v, decimals)).stripTrailingZeros().toPlainString();
    }
}
