package org.openphm.analyses.indicator;

/**
 * An indicator as the framework computes it: its published metadata, and for DSRs the youngest age the
 * denominator counts (the standard population is restricted to the bands from there up).
 */
public record IndicatorSpec(IndicatorMetadata metadata, int minAge) {

    public String id() { return metadata.id(); }

    public boolean standardised() { return metadata.method() == ValueMethod.DSR; }
}
