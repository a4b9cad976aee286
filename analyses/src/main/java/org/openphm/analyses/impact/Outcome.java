package org.openphm.analyses.impact;

/**
 * What the impact model reports for each area and year. Counts of activity are modelled counts (published under
 * the count rule); WTE, staff and the funding gap are for the ICB only, because staff and funding are not
 * attributed to Places in the data.
 */
public enum Outcome {
    POPULATION("Registered population", "people", true, false),
    EMERGENCY_ADMISSIONS("Emergency admissions", "spells", true, false),
    ELECTIVE_ADMISSIONS("Elective and other planned admissions", "spells", true, false),
    BED_DAYS("Acute bed days", "bed days", true, false),
    BEDS("Acute beds needed at the target occupancy", "beds", false, false),
    VIRTUAL_WARD_DAYS("Virtual ward days", "days", true, false),
    COMMUNITY_REFERRALS("Community referrals, 18+ (DP 4.7)", "referrals", true, false),
    COMMUNITY_REFERRALS_UNDER_18("Community referrals, under 18", "referrals", true, false),
    MENTAL_HEALTH_REFERRALS("Mental health referrals, all ages (DP 4.9)", "referrals", true, false),
    SHIFTED_COMMUNITY_CONTACTS("Community contacts replacing admissions", "contacts", true, false),
    WTE("Community, mental health and children's staff needed (DP 12.1)", "WTE", false, true),
    WTE_COMMUNITY("Community services staff needed", "WTE", false, true),
    WTE_MENTAL_HEALTH("Mental health services staff needed", "WTE", false, true),
    WTE_CHILDREN("Children's services staff needed", "WTE", false, true),
    COST("Cost, baseline-year prices", "GBP", false, false),
    COST_CASH("Cost, cash", "GBP", false, false),
    COMMUNITY_MENTAL_HEALTH_COST_CASH("Community and mental health services cost, cash", "GBP", false, false),
    FUNDING_GAP("Funding gap: cost over funding, cash", "GBP", false, true);

    private final String label;
    private final String unit;
    private final boolean count;
    private final boolean icbOnly;

    Outcome(String label, String unit, boolean count, boolean icbOnly) {
        this.label = label;
        this.unit = unit;
        this.count = count;
        this.icbOnly = icbOnly;
    }

    public String label() {
        return label;
    }

    public String unit() {
        return unit;
    }

    /** A count of people or events, published under the count rule. */
    public boolean count() {
        return count;
    }

    public boolean icbOnly() {
        return icbOnly;
    }

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
