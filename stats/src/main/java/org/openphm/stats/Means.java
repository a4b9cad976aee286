package org.openphm.stats;

import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Means with Student's t confidence intervals (Fingertips; PHEindicatormethods {@code phe_mean}):
 * mean ± |t((1−c)/2, n−1)| · sd / √n, with the sample (n−1) standard deviation.
 */
public final class Means {

    public static final String METHOD = "Student's t-distribution";

    /** The mean with the summary it was computed from. */
    public record Result(double sum, long count, double standardDeviation, Estimate estimate) {}

    private Means() {}

    /** Mean of the values. Fewer than two values give no interval (the t distribution needs n − 1 ≥ 1). */
    public static Result mean(double[] values, double confidence) {
        if (values.length == 0) {
            throw new IllegalArgumentException("at least one value is required");
        }
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        double mean = sum / values.length;
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        double sd = values.length > 1 ? Math.sqrt(squares / (values.length - 1)) : Double.NaN;
        return new Result(sum, values.length, sd, fromSummary(mean, sd, values.length, confidence));
    }

    /** Mean interval from a published summary (mean, sample standard deviation, n). */
    public static Estimate fromSummary(double mean, double standardDeviation, long count, double confidence) {
        double c = Confidence.normalise(confidence);
        if (count < 2 || Double.isNaN(standardDeviation)) {
            return new Estimate(mean, Double.NaN, Double.NaN, c, METHOD, "fewer than two values: no interval");
        }
        double t = Math.abs(TDistribution.of(count - 1).inverseCumulativeProbability((1 - c) / 2));
        double halfWidth = t * standardDeviation / Math.sqrt(count);
        return new Estimate(mean, mean - halfWidth, mean + halfWidth, c, METHOD, "");
    }
}
