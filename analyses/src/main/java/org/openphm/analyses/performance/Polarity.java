package org.openphm.analyses.performance;

import org.openphm.stats.spc.ImprovementDirection;

/** "What does good look like" on the dashboards: high, low, or no judgement (a monitoring-only metric). */
public enum Polarity {
    HIGH, LOW, NONE;

    public static Polarity of(String code) {
        return switch (code == null ? "" : code.toLowerCase(java.util.Locale.ROOT)) {
            case "high" -> HIGH;
            case "low" -> LOW;
            default -> NONE;
        };
    }

    public ImprovementDirection direction() {
        return switch (this) {
            case HIGH -> ImprovementDirection.INCREASE;
            case LOW -> ImprovementDirection.DECREASE;
            case NONE -> ImprovementDirection.NEITHER;
        };
    }

    /** Whether {@code value} is at least as good as {@code benchmark}; null without a benchmark or a direction. */
    public Boolean meets(double value, Double benchmark) {
        if (benchmark == null || this == NONE) {
            return null;
        }
        return this == HIGH ? value >= benchmark : value <= benchmark;
    }

    /** +1 when {@code change} is in the better direction, -1 when worse, 0 when none or no direction. */
    public int better(double change) {
        if (this == NONE || change == 0) {
            return 0;
        }
        return (change > 0) == (this == HIGH) ? 1 : -1;
    }
}
