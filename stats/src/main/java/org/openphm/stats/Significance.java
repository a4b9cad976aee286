package org.openphm.stats;

/** Whether an area is statistically higher than, similar to or lower than its comparator. */
public enum Significance {
    HIGHER,
    SIMILAR,
    LOWER,
    /** No comparison was possible (missing value, missing interval, or an indicator with no polarity). */
    NOT_COMPARED
}
