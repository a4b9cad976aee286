package org.openphm.stats;

/**
 * Which direction is good for an indicator (Fingertips polarity), and the "better / similar /
 * worse" reading of a significance that follows from it.
 */
public enum Polarity {
    HIGH_IS_GOOD,
    LOW_IS_GOOD,
    /** Fingertips' "blue-orange-blue": differences are shown as higher/lower without judgement. */
    NO_JUDGEMENT,
    /** Fingertips' "not applicable": the indicator is not compared at all. */
    NOT_APPLICABLE;

    /** How a significance reads for this polarity. */
    public enum Assessment { BETTER, SIMILAR, WORSE, HIGHER, LOWER, NOT_COMPARED }

    public Assessment assess(Significance significance) {
        if (this == NOT_APPLICABLE || significance == Significance.NOT_COMPARED) {
            return Assessment.NOT_COMPARED;
        }
        return switch (significance) {
            case SIMILAR -> Assessment.SIMILAR;
            case HIGHER -> this == HIGH_IS_GOOD ? Assessment.BETTER : this == LOW_IS_GOOD ? Assessment.WORSE : Assessment.HIGHER;
            case LOWER -> this == HIGH_IS_GOOD ? Assessment.WORSE : this == LOW_IS_GOOD ? Assessment.BETTER : Assessment.LOWER;
            case NOT_COMPARED -> Assessment.NOT_COMPARED;
        };
    }

    /** How a significant recent trend reads: increasing is "getting better" when high is good. */
    public Assessment assess(RecentTrend.Direction direction) {
        return switch (direction) {
            case INCREASING -> assess(Significance.HIGHER);
            case DECREASING -> assess(Significance.LOWER);
            case NO_SIGNIFICANT_CHANGE -> this == NOT_APPLICABLE ? Assessment.NOT_COMPARED : Assessment.SIMILAR;
            case CANNOT_BE_CALCULATED -> Assessment.NOT_COMPARED;
        };
    }
}
