package org.openphm.stats.spc;

/**
 * Which way is better for a measure. Making Data Count calls these "Up", "Down" and "Neither"
 * (MDC SPC SQL query v2.4, column [MetricImprovement]); NHSRplotthedots calls them "increase",
 * "decrease" and "neutral".
 */
public enum ImprovementDirection {
    INCREASE,
    DECREASE,
    /** No improvement direction: special causes are shown as "neither" (purple) and no assurance is given. */
    NEITHER
}
