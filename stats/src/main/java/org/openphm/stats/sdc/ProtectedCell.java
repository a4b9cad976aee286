package org.openphm.stats.sdc;

/**
 * A cell as it may be published.
 *
 * @param cell the input cell (unprotected: never publish it)
 * @param countProtection how the count is protected
 * @param publishedCount the rounded count, or null when hidden
 * @param denominatorProtection how the denominator is protected ({@link Protection#NONE} without one)
 * @param publishedDenominator the rounded denominator, or null when hidden or absent
 * @param derivedValuesPublishable whether rates, percentages and confidence limits computed from this cell's
 *     true count and denominator may be shown: only when neither is hidden, since a derived value times a
 *     published denominator would give a hidden count back (CCG OIS 2.6: "indicator values calculated from
 *     a numerator or denominator of 1 to 7 are also suppressed"). Following that specification, derived
 *     values are computed from the unrounded counts.
 */
public record ProtectedCell(
        Cell cell,
        Protection countProtection,
        Long publishedCount,
        Protection denominatorProtection,
        Long publishedDenominator,
        boolean derivedValuesPublishable) {

    /** The reason for the count: primary, secondary or rounded. */
    public Protection reason() {
        return countProtection;
    }

    public boolean suppressed() {
        return countProtection.hidden();
    }
}
