package org.openphm.stats;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Confidence levels as Fingertips publishes them (95% and 99.8%), and the normal quantile for a
 * two-sided interval.
 *
 * <p>Levels may be given as a fraction (0.95) or a percentage (95), as PHEindicatormethods accepts
 * both: any value of 90 or more is divided by 100. Levels outside [0.9, 1] are rejected because
 * the reference package rejects them.
 */
public final class Confidence {

    /** 95%: Fingertips' "significant" threshold, about two standard deviations. */
    public static final double P95 = 0.95;
    /** 99.8%: Fingertips' second threshold, about three standard deviations. */
    public static final double P998 = 0.998;

    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    private Confidence() {}

    /** The level as a fraction in [0.9, 1]; percentages (90..100) are scaled. */
    public static double normalise(double confidence) {
        double c = confidence >= 90 ? confidence / 100 : confidence;
        if (!(c >= 0.9 && c <= 1)) {
            throw new IllegalArgumentException(
                    "confidence level must be between 90 and 100 or between 0.9 and 1: " + confidence);
        }
        return c;
    }

    /** z such that a two-sided interval at this level is value ± z·SE, e.g. 1.959964 for 95%. */
    public static double z(double confidence) {
        double c = normalise(confidence);
        return normalQuantile(c + (1 - c) / 2);
    }

    /** Inverse of the standard normal distribution function. */
    public static double normalQuantile(double p) {
        return STANDARD_NORMAL.inverseCumulativeProbability(p);
    }
}
