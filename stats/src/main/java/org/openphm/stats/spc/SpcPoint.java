package org.openphm.stats.spc;

import java.util.Set;

/**
 * One point of an XmR chart.
 *
 * @param index position in the series (0-based)
 * @param value the measurement
 * @param rebaseGroup 0 for the first set of limits, +1 at each rebase
 * @param mean centre line of the point's rebase group
 * @param lowerProcessLimit null when limits are not shown (too few points) or cannot be computed
 * @param upperProcessLimit as for the lower limit
 * @param lowerTwoSigma the "close to the limit" line used by the two-of-three rule
 * @param lowerOneSigma for plotting
 * @param upperOneSigma for plotting
 * @param upperTwoSigma the "close to the limit" line used by the two-of-three rule
 * @param signals every rule that fires at this point, on either side
 * @param specialCause the signal that classifies the point under the options' {@link ConflictRule}, or null
 *     for common cause
 * @param variation the point's variation icon (its colour on the chart)
 */
public record SpcPoint(
        int index,
        double value,
        int rebaseGroup,
        double mean,
        Double lowerProcessLimit,
        Double upperProcessLimit,
        Double lowerTwoSigma,
        Double lowerOneSigma,
        Double upperOneSigma,
        Double upperTwoSigma,
        Set<Signal> signals,
        Signal specialCause,
        VariationIcon variation) {

    public SpcPoint {
        signals = Set.copyOf(signals);
    }

    /** +1 above the mean, -1 below, 0 exactly on it. */
    public int sideOfMean() {
        return (int) Math.signum(value - mean);
    }

    public boolean outsideLimits() {
        return upperProcessLimit != null && (value > upperProcessLimit || value < lowerProcessLimit);
    }

    /** Beyond two sigma but not outside the limits (NHSRplotthedots "close_to_limits"). */
    public boolean beyondTwoSigma() {
        return upperTwoSigma != null && !outsideLimits() && (value > upperTwoSigma || value < lowerTwoSigma);
    }

    public boolean isSpecialCause() {
        return specialCause != null;
    }
}
