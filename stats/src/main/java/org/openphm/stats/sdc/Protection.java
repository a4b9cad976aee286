package org.openphm.stats.sdc;

/** Why a value is shown or hidden. */
public enum Protection {
    /** Published, rounded by the rule. */
    ROUNDED,
    /** Hidden because the value itself is small (e.g. 1-7). */
    PRIMARY,
    /** Hidden so that a primary-suppressed value cannot be worked out from a total and the other cells. */
    SECONDARY,
    /** There is no value (a cell without a denominator). */
    NONE;

    public boolean hidden() {
        return this == PRIMARY || this == SECONDARY;
    }
}
