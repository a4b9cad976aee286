package org.openphm.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Assertions that treat NaN as the reference's NA and compare numbers with a relative tolerance. */
final class Close {

    static final double RELATIVE = 1e-9;

    private Close() {}

    static void relative(double expected, double actual, double tolerance, String what) {
        if (Double.isNaN(expected)) {
            assertTrue(Double.isNaN(actual), what + ": expected NA but was " + actual);
            return;
        }
        double scale = Math.max(Math.abs(expected), 1e-300);
        assertEquals(expected, actual, tolerance * scale, what);
    }

    static void relative(double expected, double actual, String what) {
        relative(expected, actual, RELATIVE, what);
    }

    static void absolute(double expected, double actual, double tolerance, String what) {
        if (Double.isNaN(expected)) {
            assertTrue(Double.isNaN(actual), what + ": expected NA but was " + actual);
            return;
        }
        assertEquals(expected, actual, tolerance, what);
    }
}
