package org.openphm.stats;

/**
 * Proportions with Wilson score confidence intervals (Fingertips; PHEindicatormethods
 * {@code phe_proportion}, {@code wilson_lower}, {@code wilson_upper}).
 */
public final class Proportions {

    public static final String METHOD = "Wilson";

    private Proportions() {}

    /**
     * x/n × multiplier with a Wilson score interval. Missing (NaN) numerator or denominator gives a
     * missing estimate rather than an error, as the reference does.
     *
     * @param multiplier 1 for a proportion, 100 for a percentage
     * @throws IllegalArgumentException x &lt; 0, n ≤ 0 or x &gt; n
     */
    public static Estimate proportion(double x, double n, double multiplier, double confidence) {
        double c = Confidence.normalise(confidence);
        if (Double.isNaN(x) || Double.isNaN(n)) {
            return Estimate.missing(c, METHOD, "numerator or denominator missing");
        }
        if (x < 0) {
            throw new IllegalArgumentException("numerators must be greater than or equal to zero");
        }
        if (n <= 0) {
            throw new IllegalArgumentException("denominators must be greater than zero");
        }
        if (x > n) {
            throw new IllegalArgumentException(
                    "numerators must be less than or equal to denominator for a proportion statistic");
        }
        return new Estimate(
                x / n * multiplier,
                wilsonLower(x, n, c) * multiplier,
                wilsonUpper(x, n, c) * multiplier,
                c,
                METHOD,
                "");
    }

    /** Lower Wilson score limit as a fraction; 0 at 100% confidence. */
    public static double wilsonLower(double x, double n, double confidence) {
        return wilson(x, n, confidence, -1);
    }

    /** Upper Wilson score limit as a fraction; 1 at 100% confidence. */
    public static double wilsonUpper(double x, double n, double confidence) {
        return wilson(x, n, confidence, +1);
    }

    private static double wilson(double x, double n, double confidence, int sign) {
        double c = Confidence.normalise(confidence);
        if (c == 1) {
            // z is infinite: the interval is the whole unit range (the reference short-circuits too)
            return sign < 0 ? 0 : 1;
        }
        double z = Confidence.z(c);
        double z2 = z * z;
        return (2 * x + z2 + sign * z * Math.sqrt(z2 + 4 * x * (1 - x / n))) / 2 / (n + z2);
    }
}
