package org.openphm.stats;

/**
 * Where an area lies on a funnel plot: outside the 99.8% limits ("0.001" in each tail), outside
 * the 95% limits only ("0.025"), or inside them (PHEindicatormethods
 * {@code assign_funnel_significance}; labels as the package writes them).
 */
public enum FunnelSignificance {
    HIGH_0_001("High (0.001)"),
    HIGH_0_025("High (0.025)"),
    LOW_0_001("Low (0.001)"),
    LOW_0_025("Low (0.025)"),
    NOT_SIGNIFICANT("Not significant"),
    /** DSRs from fewer than 10 events are not published, so they are not placed on the funnel. */
    NOT_APPLICABLE_DSR_UNDER_10("Not applicable for events less than 10 for dsrs");

    private final String label;

    FunnelSignificance(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The value with this label, e.g. "High (0.025)". */
    public static FunnelSignificance ofLabel(String label) {
        for (FunnelSignificance s : values()) {
            if (s.label.equals(label)) {
                return s;
            }
        }
        throw new IllegalArgumentException("no funnel significance labelled " + label);
    }

    /**
     * The Fingertips comparison at one confidence level (0.95 or 0.998): outside the 99.8% limits
     * is also outside the 95% limits.
     */
    public Significance at(double confidence) {
        double c = Confidence.normalise(confidence);
        if (c != Confidence.P95 && c != Confidence.P998) {
            throw new IllegalArgumentException("funnels have 95% and 99.8% limits only: " + confidence);
        }
        boolean at998 = c == Confidence.P998;
        return switch (this) {
            case HIGH_0_001 -> Significance.HIGHER;
            case HIGH_0_025 -> at998 ? Significance.SIMILAR : Significance.HIGHER;
            case LOW_0_001 -> Significance.LOWER;
            case LOW_0_025 -> at998 ? Significance.SIMILAR : Significance.LOWER;
            case NOT_SIGNIFICANT -> Significance.SIMILAR;
            case NOT_APPLICABLE_DSR_UNDER_10 -> Significance.NOT_COMPARED;
        };
    }
}
