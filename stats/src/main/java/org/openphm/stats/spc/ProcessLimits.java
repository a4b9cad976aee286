package org.openphm.stats.spc;

/**
 * XmR centre line and limits of one rebase group: mean ± 2.66 × mean moving range (MDC SQL v2.4 step 4e;
 * NHSRplotthedots R/ptd_spc_standard.R). 2.66 = 3 / d2 with d2 = 1.128 for moving ranges of two, so
 * one sigma is 2.66 / 3 × the mean moving range.
 *
 * @param mean centre line
 * @param meanMovingRange mean moving range used for the limits (after outlier screening, if any); NaN when the
 *     group has a single point and so no moving range
 */
public record ProcessLimits(double mean, double meanMovingRange) {

    static final double LIMIT = 2.66;
    /** Two sigma, written as NHSRplotthedots writes it ({@code 2 * (limit / 3)}) so ties land identically. */
    static final double TWO_SIGMA = 2 * (LIMIT / 3);

    static final double ONE_SIGMA = LIMIT / 3;
    /** Moving ranges at or above 3.267 × the mean moving range are screened out (Nelson 1982; D4 for n = 2). */
    static final double OUTLIER_SCREEN = 3.267;

    /**
     * Limits from the basis points of a group, in time order.
     *
     * @param basis the points the limits are computed from (a whole group, or its first n points when fixed)
     * @param screenOutliers drop moving ranges ≥ 3.267 × their mean and recompute the mean moving range
     */
    public static ProcessLimits of(double[] basis, boolean screenOutliers) {
        if (basis.length == 0) {
            throw new IllegalArgumentException("no points");
        }
        double sum = 0;
        for (double y : basis) {
            sum += y;
        }
        double mean = sum / basis.length;
        double[] ranges = new double[basis.length - 1];
        for (int i = 1; i < basis.length; i++) {
            ranges[i - 1] = Math.abs(basis[i] - basis[i - 1]);
        }
        double amr = average(ranges, Double.POSITIVE_INFINITY);
        if (screenOutliers) {
            amr = average(ranges, OUTLIER_SCREEN * amr);
        }
        return new ProcessLimits(mean, amr);
    }

    /** Mean of the values strictly below {@code below}; NaN when there are none. */
    private static double average(double[] values, double below) {
        double sum = 0;
        int n = 0;
        for (double v : values) {
            if (v < below) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    public boolean defined() {
        return !Double.isNaN(meanMovingRange);
    }

    public double upperProcessLimit() {
        return mean + LIMIT * meanMovingRange;
    }

    public double lowerProcessLimit() {
        return mean - LIMIT * meanMovingRange;
    }

    public double upperTwoSigma() {
        return mean + TWO_SIGMA * meanMovingRange;
    }

    public double lowerTwoSigma() {
        return mean - TWO_SIGMA * meanMovingRange;
    }

    public double upperOneSigma() {
        return mean + ONE_SIGMA * meanMovingRange;
    }

    public double lowerOneSigma() {
        return mean - ONE_SIGMA * meanMovingRange;
    }

    boolean outside(double y) {
        return y > upperProcessLimit() || y < lowerProcessLimit();
    }

    /** Beyond two sigma but not outside the limits: a point on a limit counts (MDC SQL step 4i uses ≤ UPL). */
    boolean beyondTwoSigma(double y) {
        return !outside(y) && (y > upperTwoSigma() || y < lowerTwoSigma());
    }
}
