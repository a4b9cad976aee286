package org.openphm.stats.spc;

/**
 * What a point is called when rules flag it in both directions (e.g. an increasing trend below the mean, or
 * a trend that starts from a point below the lower limit).
 */
public enum ConflictRule {
    /**
     * The highest-priority rule wins, in the order of {@link SpecialCauseRule} (outside limits, trend,
     * two-of-three, shift); a point at the junction of two trends takes the direction of the step after it.
     * This is NHSRplotthedots 0.2.2 (R/ptd_calculate_point_type.R).
     */
    RULE_PRIORITY,
    /**
     * Show the point as improvement. The MDC SPC SQL query (v2.4, [MetricConflictRule]) makes the metric
     * owner choose 'Improvement' or 'Concern'; with no direction ("Neither") a high signal wins over a low one
     * (step 4k checks [SpecialCauseNeitherHighFlag] first).
     */
    IMPROVEMENT,
    /** Show the point as concern (the other MDC [MetricConflictRule] choice). */
    CONCERN
}
