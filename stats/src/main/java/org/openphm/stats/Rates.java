package org.openphm.stats;

/**
 * Crude rates with Poisson confidence intervals: exact for fewer than 10 events, Byar's from 10
 * (Fingertips; PHEindicatormethods {@code phe_rate}).
 */
public final class Rates {

    /** Fingertips' usual rate multiplier: per 100,000. */
    public static final double PER_100000 = 100_000;

    private Rates() {}

    /**
     * x/n × multiplier. A zero count gives a zero value, lower limit 0 and the exact upper limit.
     * A count above the denominator is allowed (events can recur).
     *
     * @throws IllegalArgumentException x &lt; 0 or n ≤ 0 ("denominators must be greater than zero")
     */
    public static Estimate crude(double x, double n, double multiplier, double confidence) {
        double c = Confidence.normalise(confidence);
        if (Double.isNaN(x) || Double.isNaN(n)) {
            return Estimate.missing(c, Double.isNaN(x) ? "" : PoissonLimits.method(x), "count or denominator missing");
        }
        if (x < 0) {
            throw new IllegalArgumentException("numerators must be greater than or equal to zero");
        }
        if (n <= 0) {
            throw new IllegalArgumentException("denominators must be greater than zero");
        }
        double scale = multiplier / n;
        return new Estimate(
                x * scale,
                PoissonLimits.lower(x, c) * scale,
                PoissonLimits.upper(x, c) * scale,
                c,
                PoissonLimits.method(x),
                "");
    }
}
