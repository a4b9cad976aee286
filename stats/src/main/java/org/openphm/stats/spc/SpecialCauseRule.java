package org.openphm.stats.spc;

/**
 * The four Making Data Count special-cause rules, declared in the priority order NHSRplotthedots uses to
 * label a point that several rules flag (R/ptd_calculate_point_type.R, ptd_special_cause_type): outside
 * limits, then trend, then two-of-three, then shift. The MDC SPC SQL query (v2.4, step 4j) has no such
 * order: it only asks whether a point is improvement, concern or both (see {@link ConflictRule}).
 */
public enum SpecialCauseRule {
    /**
     * A single point above the upper or below the lower process limit (strictly beyond: a point exactly on
     * a limit is not outside). MDC SQL v2.4 step 4f; NHSRplotthedots ptd_spc_standard.R outside_limits.
     */
    OUTSIDE_LIMITS,
    /**
     * A run of {@code trendLength} (default 7) consecutive points each strictly higher (or each strictly
     * lower) than the one before: 7 points make 6 differences, and an equal pair breaks the trend. Every point
     * of the run, endpoints included, is flagged. MDC SQL v2.4 step 4h ("including endpoints");
     * NHSRplotthedots ptd_seven_point_trend / ptd_part_of_seven_trend.
     */
    TREND,
    /**
     * Two or three of three consecutive points beyond the two-sigma line (two thirds of the way from the
     * mean to a process limit) but not beyond the limit, with all three points on the same side of the mean;
     * only the points beyond two sigma are flagged. The "same side" condition for the third point was added by
     * MDC in SQL query v2.1 (10/09/2021) and is in NHSRplotthedots ptd_two_in_three.
     */
    TWO_OF_THREE,
    /**
     * A run of {@code shiftLength} (default 7) or more consecutive points all above (or all below) the mean;
     * a point exactly on the mean belongs to neither side and breaks the run. Every point of the run is
     * flagged. MDC SQL v2.4 step 4g; NHSRplotthedots ptd_seven_point_one_side_mean.
     */
    SHIFT
}
