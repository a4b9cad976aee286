package org.openphm.stats.spc;

/** NHSRplotthedots' text for our classifications, to compare with its outputs in the oracle files. */
final class NhsrLabels {

    private NhsrLabels() {}

    /** special_cause_type, e.g. "Above UCL", "7 Point Trend (Increasing)", "2 in 3 Below CL". */
    static String specialCauseType(Signal s) {
        if (s == null) {
            return "Common Cause";
        }
        return switch (s) {
            case ABOVE_UPPER_LIMIT -> "Above UCL";
            case BELOW_LOWER_LIMIT -> "Below LCL";
            case TREND_INCREASING -> "7 Point Trend (Increasing)";
            case TREND_DECREASING -> "7 Point Trend (Decreasing)";
            case TWO_OF_THREE_HIGH -> "2 in 3 Above CL";
            case TWO_OF_THREE_LOW -> "2 in 3 Below CL";
            case SHIFT_ABOVE_MEAN -> "7 Points Above CL";
            case SHIFT_BELOW_MEAN -> "7 Points Below CL";
        };
    }

    /** point_type: special_cause_improvement / _concern / _neutral_high / _neutral_low / common_cause. */
    static String pointType(VariationIcon v) {
        return switch (v) {
            case COMMON_CAUSE -> "common_cause";
            case IMPROVEMENT_HIGH, IMPROVEMENT_LOW -> "special_cause_improvement";
            case CONCERN_HIGH, CONCERN_LOW -> "special_cause_concern";
            case NEITHER_HIGH -> "special_cause_neutral_high";
            case NEITHER_LOW -> "special_cause_neutral_low";
            case NONE -> throw new IllegalArgumentException("NHSRplotthedots always classifies");
        };
    }

    /** The icon file stem of geom_ptd_icon (common_cause, improvement_high, neutral_low ...). */
    static String variationIcon(VariationIcon v) {
        return switch (v) {
            case NEITHER_HIGH -> "neutral_high";
            case NEITHER_LOW -> "neutral_low";
            default -> v.name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    static String assuranceType(AssuranceIcon a) {
        return switch (a) {
            case CONSISTENTLY_PASS -> "consistent_pass";
            case CONSISTENTLY_FAIL -> "consistent_fail";
            case INCONSISTENT -> "inconsistent";
            case NONE -> "NA";
        };
    }
}
