package org.openphm.analyses.indicator;

/** How an indicator's value and confidence limits are computed from its counts (Fingertips conventions). */
public enum ValueMethod {
    /** count / denominator × multiplier, Wilson score limits. */
    PROPORTION("Proportion with Wilson score confidence intervals"),
    /** count / person-years × multiplier, Byar's method (exact Poisson below 10 events). */
    CRUDE_RATE("Crude rate with Byar's / exact Poisson confidence intervals"),
    /** Directly standardised to the 2013 European Standard Population, Dobson limits. */
    DSR("Directly standardised rate (2013 European Standard Population) with Dobson confidence intervals");

    private final String description;

    ValueMethod(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
