package org.openphm.model;

import java.util.Locale;

/**
 * A significance judgement against a comparator (England, the parent area, the ICB), as the tidy results state it
 * in their {@code compared_to_*} columns, with the Fingertips colour convention (better green, worse red, similar
 * amber; higher/lower without polarity in blues). The one vocabulary for comparisons: the analyses write
 * {@link #label()}, publish and the server read it back with {@link #parse}.
 */
public enum Comparison {
    BETTER("Better", "#5cb85c"),
    WORSE("Worse", "#d9534f"),
    SIMILAR("Similar", "#f0ad4e"),
    HIGHER("Higher", "#1f4e9c"),
    LOWER("Lower", "#86b6e8"),
    NOT_COMPARED("Not compared", "#9e9e9e");

    private final String label;
    private final String colour;

    Comparison(String label, String colour) {
        this.label = label;
        this.colour = colour;
    }

    public String label() {
        return label;
    }

    public String colour() {
        return colour;
    }

    /** True when the comparison says the difference is statistically significant. */
    public boolean significant() {
        return this != SIMILAR && this != NOT_COMPARED;
    }

    public static Comparison parse(String text) {
        if (text == null) {
            return NOT_COMPARED;
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (Comparison c : values()) {
            if (t.startsWith(c.label.toLowerCase(Locale.ROOT))) {
                return c;
            }
        }
        return NOT_COMPARED;
    }
}
