package org.openphm.stats.spc;

/**
 * One rule firing on one side at one point. A point can carry several signals, including signals in
 * opposite directions (for example an increasing trend that lies below the mean).
 */
public enum Signal {
    ABOVE_UPPER_LIMIT(SpecialCauseRule.OUTSIDE_LIMITS, Side.HIGH),
    BELOW_LOWER_LIMIT(SpecialCauseRule.OUTSIDE_LIMITS, Side.LOW),
    TREND_INCREASING(SpecialCauseRule.TREND, Side.HIGH),
    TREND_DECREASING(SpecialCauseRule.TREND, Side.LOW),
    TWO_OF_THREE_HIGH(SpecialCauseRule.TWO_OF_THREE, Side.HIGH),
    TWO_OF_THREE_LOW(SpecialCauseRule.TWO_OF_THREE, Side.LOW),
    SHIFT_ABOVE_MEAN(SpecialCauseRule.SHIFT, Side.HIGH),
    SHIFT_BELOW_MEAN(SpecialCauseRule.SHIFT, Side.LOW);

    private final SpecialCauseRule rule;
    private final Side side;

    Signal(SpecialCauseRule rule, Side side) {
        this.rule = rule;
        this.side = side;
    }

    public SpecialCauseRule rule() {
        return rule;
    }

    public Side side() {
        return side;
    }

    static Signal of(SpecialCauseRule rule, Side side) {
        for (Signal s : values()) {
            if (s.rule == rule && s.side == side) {
                return s;
            }
        }
        throw new IllegalArgumentException(rule + " " + side);
    }
}
