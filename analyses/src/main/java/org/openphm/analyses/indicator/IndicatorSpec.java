package org.openphm.analyses.indicator;

/**
 * An indicator as the framework computes it: its published metadata, and for DSRs the youngest and oldest ages
 * the denominator counts (the standard population is restricted to the bands between them).
 */
public record IndicatorSpec(IndicatorMetadata metadata, int minAge, int maxAge) {

    /** An indicator of every age from {@code minAge} up. */
    public IndicatorSpec(IndicatorMetadata metadata, int minAge) {
        this(metadata, minAge, Integer.MAX_VALUE);
    }

    public String id() {
        return metadata.id();
    }

    public boolean standardised() {
        return metadata.method() == ValueMethod.DSR;
    }
}
