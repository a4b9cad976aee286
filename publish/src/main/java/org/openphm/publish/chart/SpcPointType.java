package org.openphm.publish.chart;

import java.util.Locale;

/**
 * What a point of a Making Data Count chart is, and so its colour: common cause grey, special cause improvement
 * blue, concern orange, and special cause with no improvement direction purple (NHSRplotthedots point_type
 * "common_cause", "special_cause_improvement", "special_cause_concern", "special_cause_neutral"). The icons use
 * the same colours ({@link SpcIcon}), so a badge and the points it speaks of always match.
 */
public enum SpcPointType {
    COMMON_CAUSE("#a6a6a6", "common cause"),
    IMPROVEMENT("#00b0f0", "improvement"),
    CONCERN("#fab428", "concern"),
    NEITHER("#490092", "neither improvement nor concern");

    private final String colour;
    private final String phrase;

    SpcPointType(String colour, String phrase) {
        this.colour = colour;
        this.phrase = phrase;
    }

    public String colour() {
        return colour;
    }

    /** How a sentence names a special cause of this type ("concern in 2025-05"). */
    public String phrase() {
        return phrase;
    }

    /** The legend's name for points of this type. */
    public String legendName() {
        return isSpecialCause() ? "Special cause: " + phrase : "Common cause";
    }

    public boolean isSpecialCause() {
        return this != COMMON_CAUSE;
    }

    /**
     * Reads the analysis's flag column ("improvement", "concern", "neither", empty for common cause). Anything
     * else is refused rather than drawn grey: a flag this does not know is a special cause it would hide.
     */
    public static SpcPointType parse(String flag) {
        if (flag == null || flag.isBlank()) {
            return COMMON_CAUSE;
        }
        String f = flag.toLowerCase(Locale.ROOT);
        if (f.contains("improv")) {
            return IMPROVEMENT;
        }
        if (f.contains("concern")) {
            return CONCERN;
        }
        if (f.contains("neither")) {
            return NEITHER;
        }
        if (f.contains("common")) {
            return COMMON_CAUSE;
        }
        throw new IllegalArgumentException(
                "SPC flag '" + flag + "' is not improvement, concern, neither or empty (common cause)");
    }
}
