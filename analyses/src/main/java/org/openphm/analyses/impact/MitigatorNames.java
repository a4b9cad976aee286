package org.openphm.analyses.impact;

/** How the waterfall and the dashboard name each mitigator. */
public final class MitigatorNames {
    private MitigatorNames() {}

    public static String of(ScenarioParameter p) {
        return switch (p) {
            case ACSC_AVOIDANCE -> "ACSC admission avoidance";
            case FREQUENT_ATTENDER -> "Frequent attender admissions";
            case END_OF_LIFE -> "End-of-life admissions";
            case LENGTH_OF_STAY -> "Length of stay";
            case DISCHARGE_DELAY -> "Discharge delays";
            case VIRTUAL_WARD -> "Virtual wards";
            case COMMUNITY_SHIFT -> "Hospital to community shift";
            default -> throw new IllegalArgumentException(p + " is not a mitigator");
        };
    }
}
