package org.openphm.analyses.indicator;

/** Whether a higher value of an indicator is better, worse, or neither (most prevalence indicators). */
public enum Polarity {
    HIGH_IS_GOOD("high"),
    LOW_IS_GOOD("low"),
    NO_JUDGEMENT("none");

    private final String code;

    Polarity(String code) {
        this.code = code;
    }

    public String code() { return code; }
}
