package org.openphm.stats;

import java.util.Locale;
import org.openphm.model.Comparison;
import org.openphm.stats.spc.ImprovementDirection;

/**
 * Which direction is good for an indicator or metric (Fingertips polarity), and the "better / similar / worse"
 * reading of a significance that follows from it. The one polarity of the pack: indicators, mortality measures and
 * the performance dashboards all use it; {@link #code()} is how it is written into results and metadata.
 */
public enum Polarity {
    HIGH_IS_GOOD("high"),
    LOW_IS_GOOD("low"),
    /** Fingertips' "blue-orange-blue": differences are shown as higher/lower without judgement. */
    NO_JUDGEMENT("none"),
    /** Fingertips' "not applicable": the indicator is not compared at all. */
    NOT_APPLICABLE("not applicable");

    private final String code;

    Polarity(String code) {
        this.code = code;
    }

    /** "high", "low" or "none" (and "not applicable"), as the results and metadata.json write it. */
    public String code() {
        return code;
    }

    /** The polarity a source file codes as "high" or "low"; anything else is no judgement. */
    public static Polarity of(String code) {
        return switch (code == null ? "" : code.trim().toLowerCase(Locale.ROOT)) {
            case "high" -> HIGH_IS_GOOD;
            case "low" -> LOW_IS_GOOD;
            default -> NO_JUDGEMENT;
        };
    }

    /** Whether the polarity judges at all (high or low is good). */
    public boolean judged() {
        return this == HIGH_IS_GOOD || this == LOW_IS_GOOD;
    }

    /** How a significance reads for this polarity. */
    public Comparison assess(Significance significance) {
        if (this == NOT_APPLICABLE || significance == Significance.NOT_COMPARED) {
            return Comparison.NOT_COMPARED;
        }
        return switch (significance) {
            case SIMILAR -> Comparison.SIMILAR;
            case HIGHER ->
                this == HIGH_IS_GOOD ? Comparison.BETTER : this == LOW_IS_GOOD ? Comparison.WORSE : Comparison.HIGHER;
            case LOWER ->
                this == HIGH_IS_GOOD ? Comparison.WORSE : this == LOW_IS_GOOD ? Comparison.BETTER : Comparison.LOWER;
            case NOT_COMPARED -> Comparison.NOT_COMPARED;
        };
    }

    /** How a significant recent trend reads: increasing is "getting better" when high is good. */
    public Comparison assess(RecentTrend.Direction direction) {
        return switch (direction) {
            case INCREASING -> assess(Significance.HIGHER);
            case DECREASING -> assess(Significance.LOWER);
            case NO_SIGNIFICANT_CHANGE -> this == NOT_APPLICABLE ? Comparison.NOT_COMPARED : Comparison.SIMILAR;
            case CANNOT_BE_CALCULATED -> Comparison.NOT_COMPARED;
        };
    }

    /** The SPC direction of improvement: an increase when high is good, a decrease when low is, else neither. */
    public ImprovementDirection direction() {
        return switch (this) {
            case HIGH_IS_GOOD -> ImprovementDirection.INCREASE;
            case LOW_IS_GOOD -> ImprovementDirection.DECREASE;
            case NO_JUDGEMENT, NOT_APPLICABLE -> ImprovementDirection.NEITHER;
        };
    }

    /** Whether {@code value} is at least as good as {@code benchmark}; null without a benchmark or a direction. */
    public Boolean meets(double value, Double benchmark) {
        if (benchmark == null || !judged()) {
            return null;
        }
        return this == HIGH_IS_GOOD ? value >= benchmark : value <= benchmark;
    }

    /** +1 when {@code change} is in the better direction, -1 when worse, 0 when none or no direction. */
    public int better(double change) {
        if (!judged() || change == 0) {
            return 0;
        }
        return (change > 0) == (this == HIGH_IS_GOOD) ? 1 : -1;
    }
}
