package org.openphm.stats;

/**
 * The 100 x-axis positions at which funnel control limits are drawn, placed as PHEindicatormethods
 * {@code calculate_funnel_limits} places them (source: ukhsa-collaboration/PHEindicatormethods
 * R/Funnels.R, commit 093fd288): geometrically spaced between a "neat" minimum and maximum, so the
 * curved narrow end of the funnel gets most of the points, and whole numbers throughout because the
 * axis counts people or events.
 */
final class FunnelAxis {

    static final int POINTS = 100;

    private FunnelAxis() {}

    /**
     * Axis positions from the smallest to the largest denominator of the areas.
     *
     * @param extraStep whether each step aims one point further ahead; the package does so for
     *                  ratios only ({@code offset <- j - 1}), which makes the ratio axis grow slower
     */
    static double[] positions(double minimum, double maximum, boolean extraStep) {
        double[] x = new double[POINTS];
        x[0] = Math.max(1, minimum);
        for (int j = 2; j <= POINTS; j++) {
            int offset = extraStep ? j - 1 : j;
            double previous = x[j - 2];
            double next = Math.rint(Math.pow(maximum / previous, 1.0 / (101 - offset)) * previous);
            x[j - 1] = Math.max(next, previous + 1);
        }
        return x;
    }

    /**
     * The axis minimum: zero when the denominators span more than a factor of two (so the funnel's
     * neck is shown), else the smallest denominator less 5%, rounded down to its leading digit.
     */
    static double minimum(double smallest, double largest) {
        return largest > 2 * smallest ? 0 : roundDown(smallest);
    }

    /** The axis maximum: the largest denominator plus 5%, rounded up at its second digit. */
    static double maximum(double largest) {
        return roundUp(largest);
    }

    /** The package's {@code signif.floor}: x·0.95 floored to its leading digit (27,640 → 20,000). */
    static double roundDown(double x) {
        if (x == 0) {
            return 0;
        }
        int n = rCharacters(Math.floor(x * 0.95)) - 1;
        double unit = Math.pow(10, n);
        return Math.floor(x * 0.95 / unit) * unit;
    }

    /** The package's {@code signif.ceiling}: x·1.05 rounded up at its second digit (61,921 → 66,000). */
    static double roundUp(double x) {
        if (x == 0) {
            return 0;
        }
        int n = rCharacters(Math.ceil(x * 1.05)) - 2;
        double unit = Math.pow(10, n);
        return Math.ceil(x * 1.05 / unit) * unit;
    }

    /**
     * R's {@code nchar()} of a non-negative whole number held as a double. The package counts digits
     * this way, and R writes a number in scientific notation when that is shorter ("1e+05" has 5
     * characters, not 6), so round numbers are counted short. Reproduced because it moves the axis
     * (12,000,000 rounds down to 12,000,000, not 10,000,000).
     */
    static int rCharacters(double wholeNumber) {
        String fixed = String.format("%.0f", wholeNumber);
        String digits = fixed.replaceFirst("0+$", "");
        int significant = Math.max(1, digits.length());
        int exponent = fixed.length() - 1;
        int exponentDigits = Math.max(2, Integer.toString(exponent).length());
        int scientific = significant + (significant > 1 ? 1 : 0) + 2 + exponentDigits;
        return fixed.length() <= scientific ? fixed.length() : scientific;
    }
}
