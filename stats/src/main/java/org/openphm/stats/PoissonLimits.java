package org.openphm.stats;

import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * Confidence limits for an observed Poisson count, shared by crude rates, indirectly standardised
 * ratios and rates, DSRs (Dobson) and funnel plots.
 *
 * <p>Fingertips (and PHEindicatormethods {@code phe_rate}, {@code calculate_ISRatio}) use the exact
 * chi-squared limits for counts below 10 and Byar's approximation from 10 upwards. DSRs use Byar's
 * at every count, so both families are exposed separately.
 */
public final class PoissonLimits {

    /** Counts below this use exact limits where the switch applies (Fingertips convention). */
    public static final double EXACT_BELOW = 10;

    private PoissonLimits() {}

    /** Byar's lower limit for a count; NaN where the approximation goes negative (as the reference returns NA). */
    public static double byarsLower(double count, double confidence) {
        requireNonNegative(count);
        double z = Confidence.z(confidence);
        double limit = count * Math.pow(1 - 1 / (9 * count) - z / (3 * Math.sqrt(count)), 3);
        return limit < 0 ? Double.NaN : limit;
    }

    /** Byar's upper limit for a count. */
    public static double byarsUpper(double count, double confidence) {
        requireNonNegative(count);
        double z = Confidence.z(confidence);
        double x1 = count + 1;
        return x1 * Math.pow(1 - 1 / (9 * x1) + z / (3 * Math.sqrt(x1)), 3);
    }

    /** Exact lower limit, chi²((1-c)/2, 2x)/2; zero for a zero count. */
    public static double exactLower(double count, double confidence) {
        requireNonNegative(count);
        if (count == 0) {
            return 0;
        }
        double c = Confidence.normalise(confidence);
        return ChiSquaredDistribution.of(2 * count).inverseCumulativeProbability((1 - c) / 2) / 2;
    }

    /** Exact upper limit, chi²(c+(1-c)/2, 2x+2)/2. */
    public static double exactUpper(double count, double confidence) {
        requireNonNegative(count);
        double c = Confidence.normalise(confidence);
        return ChiSquaredDistribution.of(2 * count + 2).inverseCumulativeProbability(c + (1 - c) / 2) / 2;
    }

    /** Lower limit with the Fingertips switch: exact below 10 events, Byar's from 10. */
    public static double lower(double count, double confidence) {
        return usesExact(count) ? exactLower(count, confidence) : byarsLower(count, confidence);
    }

    /** Upper limit with the Fingertips switch: exact below 10 events, Byar's from 10. */
    public static double upper(double count, double confidence) {
        return usesExact(count) ? exactUpper(count, confidence) : byarsUpper(count, confidence);
    }

    /** "Exact" or "Byars", the reference package's method label for this count. */
    public static String method(double count) {
        return usesExact(count) ? "Exact" : "Byars";
    }

    private static boolean usesExact(double count) {
        return count < EXACT_BELOW;
    }

    private static void requireNonNegative(double count) {
        if (count < 0) {
            throw new IllegalArgumentException("observed events must all be greater than or equal to zero: " + count);
        }
    }
}
