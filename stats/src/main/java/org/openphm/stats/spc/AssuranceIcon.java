package org.openphm.stats.spc;

/**
 * Making Data Count assurance icons: can the process be relied on to meet the target? Judged from the
 * process limits of the last point (NHSRplotthedots R/ptd_calculate_assurance_type.R; MDC SQL v2.4 step 4k
 * [AssuranceIcon] 'Pass' / 'Fail' / 'Hit or Miss').
 */
public enum AssuranceIcon {
    /** The target lies beyond the limit on the worse side: the process will consistently pass. */
    CONSISTENTLY_PASS,
    /** The target lies beyond the limit on the better side: the process will consistently fail. */
    CONSISTENTLY_FAIL,
    /** The target lies between the limits: the process will hit and miss it by chance. */
    INCONSISTENT,
    /** No target, no improvement direction, or too few points for limits. */
    NONE;

    /**
     * Judges a target against process limits. With improvement = increase a target at or below the lower
     * limit is consistently passed and one at or above the upper limit consistently failed; reversed for
     * decrease. Whether "at" counts is {@code targetOnLimitIsConsistent} (MDC: yes; NHSRplotthedots: no).
     */
    public static AssuranceIcon judge(
            ImprovementDirection direction,
            double target,
            double lowerLimit,
            double upperLimit,
            boolean targetOnLimitIsConsistent) {
        if (direction == ImprovementDirection.NEITHER) {
            return NONE;
        }
        boolean aboveUpper = targetOnLimitIsConsistent ? target >= upperLimit : target > upperLimit;
        boolean belowLower = targetOnLimitIsConsistent ? target <= lowerLimit : target < lowerLimit;
        boolean increase = direction == ImprovementDirection.INCREASE;
        if (aboveUpper) {
            return increase ? CONSISTENTLY_FAIL : CONSISTENTLY_PASS;
        }
        if (belowLower) {
            return increase ? CONSISTENTLY_PASS : CONSISTENTLY_FAIL;
        }
        return INCONSISTENT;
    }
}
