package org.openphm.analyses.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NumberFormatTest {

    /** Rates held as fractions are printed as percentages: the product must not carry binary noise into text. */
    @Test
    void aPercentageMadeFromAFractionHasNoFloatingPointNoise() {
        assertEquals("1.0999999999999999", Double.toString(0.011 * 100), "the value the pack used to print");
        assertEquals("1.1", NumberFormat.plain(0.011 * 100));
        assertEquals("3.5", NumberFormat.plain(0.035 * 100));
        assertEquals("1.234568", NumberFormat.plain(1.2345678));
        assertEquals("7", NumberFormat.plain(7.0));
    }
}
