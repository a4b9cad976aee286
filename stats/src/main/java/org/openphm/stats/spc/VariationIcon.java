package org.openphm.stats.spc;

/**
 * Making Data Count variation icons (NHSRplotthedots inst/icons/variation; MDC SQL v2.4 [VariationIcon]:
 * 'Common Cause', 'Improvement (High)', 'Concern (Low)', 'Neither (High)' ...). "High"/"low" is the
 * side of the signal, so with improvement = decrease a high signal is {@link #CONCERN_HIGH}.
 */
public enum VariationIcon {
    COMMON_CAUSE,
    IMPROVEMENT_HIGH,
    IMPROVEMENT_LOW,
    CONCERN_HIGH,
    CONCERN_LOW,
    NEITHER_HIGH,
    NEITHER_LOW,
    /** Too few points for process limits (below {@link SpcOptions#minimumPoints()}): a run chart, no icon. */
    NONE;

    static VariationIcon of(ImprovementDirection direction, Side side) {
        return switch (direction) {
            case INCREASE -> side == Side.HIGH ? IMPROVEMENT_HIGH : CONCERN_LOW;
            case DECREASE -> side == Side.HIGH ? CONCERN_HIGH : IMPROVEMENT_LOW;
            case NEITHER -> side == Side.HIGH ? NEITHER_HIGH : NEITHER_LOW;
        };
    }

    public boolean isImprovement() {
        return this == IMPROVEMENT_HIGH || this == IMPROVEMENT_LOW;
    }

    public boolean isConcern() {
        return this == CONCERN_HIGH || this == CONCERN_LOW;
    }

    public boolean isSpecialCause() {
        return this != COMMON_CAUSE && this != NONE;
    }
}
