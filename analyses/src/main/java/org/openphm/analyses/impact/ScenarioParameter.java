package org.openphm.analyses.impact;

import org.openphm.model.UnitCosts;

/**
 * Every numeric parameter of a scenario: where it sits in the file, its default and why. The defaults are the
 * "as is": no change beyond demography unless the scenario says so, with costs and occupancy from the sources
 * named. {@code phm scenario new} writes this list, with its documentation, as the commented template.
 */
public enum ScenarioParameter {
    HEALTHY_YEARS(
            "health_status",
            "healthy_years_gained_per_year",
            Interval.fixed(0),
            "years",
            "Health-status adjustment: each year, activity rates from from_age upward move this many years of age "
                    + "later (people are as healthy at 81 as they were at 80). 0 = no change in health at any age."),
    GROWTH_EMERGENCY(
            "non_demographic_growth_pct",
            "emergency",
            Interval.fixed(0),
            "% a year",
            "Emergency admissions growth beyond demography and health status."),
    GROWTH_ELECTIVE(
            "non_demographic_growth_pct",
            "elective",
            Interval.fixed(0),
            "% a year",
            "Elective (and other planned) admissions growth beyond demography."),
    GROWTH_COMMUNITY(
            "non_demographic_growth_pct",
            "community",
            Interval.fixed(0),
            "% a year",
            "Community service referrals growth beyond demography."),
    GROWTH_MENTAL_HEALTH(
            "non_demographic_growth_pct",
            "mental_health",
            Interval.fixed(0),
            "% a year",
            "Mental health referrals growth beyond demography."),
    ACSC_AVOIDANCE(
            "mitigators",
            "acsc_admission_avoidance_pct",
            Interval.fixed(0),
            "%",
            "Emergency admissions for ambulatory care sensitive conditions (CCG OIS 2.6, DP 8) avoided."),
    FREQUENT_ATTENDER(
            "mitigators",
            "frequent_attender_reduction_pct",
            Interval.fixed(0),
            "%",
            "Emergency admissions of people admitted 3 or more times in the baseline year (not ACSC, not end of "
                    + "life) avoided."),
    END_OF_LIFE(
            "mitigators",
            "end_of_life_admission_reduction_pct",
            Interval.fixed(0),
            "%",
            "Emergency admissions in the last 90 days of life avoided."),
    LENGTH_OF_STAY(
            "mitigators",
            "length_of_stay_reduction_pct",
            Interval.fixed(0),
            "%",
            "Acute bed days (before any clinically-ready delay) saved by shorter stays."),
    DISCHARGE_DELAY(
            "mitigators",
            "discharge_delay_reduction_pct",
            Interval.fixed(0),
            "%",
            "Bed days between clinically ready for discharge and discharge (DP 8.13) saved."),
    VIRTUAL_WARD(
            "mitigators",
            "virtual_ward_substitution_pct",
            Interval.fixed(0),
            "%",
            "Emergency bed days of people 65 and over cared for on a virtual ward instead."),
    COMMUNITY_SHIFT(
            "mitigators",
            "hospital_to_community_shift_pct",
            Interval.fixed(0),
            "%",
            "Other emergency admissions (not ACSC, frequent attender or end of life) replaced by community care."),
    CONTACTS_PER_SHIFTED_SPELL(
            "mitigators",
            "community_contacts_per_shifted_spell",
            Interval.uniform(4, 8),
            "contacts",
            "Community contacts that replace one shifted admission (an assumption: set your own)."),
    EFFICIENCY(
            "efficiencies",
            "cost_efficiency_pct_per_year",
            Interval.fixed(0),
            "% a year",
            "Cost improvement: the same activity costs this much less each year."),
    INFLATION(
            "costs",
            "inflation_pct_per_year",
            Interval.uniform(1.5, 3),
            "% a year",
            "Pay and price inflation, for costs in cash; the tables give costs in baseline-year prices too."),
    BED_DAY_GBP(
            "costs",
            "bed_day_gbp",
            Interval.uniform(UnitCosts.gbp("standard_bed_day_2020_21"), UnitCosts.gbp("acute_bed_night_nhse")),
            "GBP",
            "An acute bed day saved or added: £345 a standard bed day (DHSC written answer, 2020/21) to £562 a "
                    + "night (NHS England's cost of a delayed night); reference/unit_costs.csv."),
    VIRTUAL_WARD_DAY_GBP(
            "costs",
            "virtual_ward_day_gbp",
            Interval.uniform(
                    UnitCosts.gbp("community_care_contact_snee"), 2 * UnitCosts.gbp("community_care_contact_snee")),
            "GBP",
            "A virtual ward day: one to two community care contacts at £84 (SNEE ICS, 2024 prices)."),
    COMMUNITY_CONTACT_GBP(
            "costs",
            "community_contact_gbp",
            Interval.fixed(UnitCosts.gbp("community_care_contact_snee")),
            "GBP",
            "A community care contact (SNEE ICS 'Activity types and cost', 2024 prices)."),
    COMMUNITY_REFERRAL_GBP(
            "costs",
            "community_referral_gbp",
            null,
            "GBP",
            "A community referral; default the workspace's community spend (finance_spend) over its community "
                    + "referrals in the baseline year."),
    MENTAL_HEALTH_REFERRAL_GBP(
            "costs",
            "mental_health_referral_gbp",
            null,
            "GBP",
            "A mental health referral; default the workspace's mental health spend over its mental health "
                    + "referrals in the baseline year."),
    PRODUCTIVITY_COMMUNITY(
            "staffing.productivity_pct_per_year",
            "community",
            Interval.fixed(0),
            "% a year",
            "Fewer staff per referral each year in community services (DP 12.1 ratios are today's)."),
    PRODUCTIVITY_MENTAL_HEALTH(
            "staffing.productivity_pct_per_year",
            "mental_health",
            Interval.fixed(0),
            "% a year",
            "The same for mental health services."),
    PRODUCTIVITY_CHILDREN(
            "staffing.productivity_pct_per_year",
            "children",
            Interval.fixed(0),
            "% a year",
            "The same for children's services (demand: registered people aged 0-19)."),
    OCCUPANCY(
            "beds",
            "occupancy_target_pct",
            Interval.uniform(85, 92),
            "%",
            "Target bed occupancy: beds = bed days / 365 / occupancy. 92% is the NHS planning assumption for "
                    + "general and acute beds; 85% the level usually cited as safe."),
    FUNDING_GROWTH(
            "finance",
            "funding_growth_pct_per_year",
            Interval.uniform(2, 4),
            "% a year",
            "Cash growth of the system's allocation, for the funding gap (the seeds do not state it).");

    private final String block;
    private final String field;
    private final Interval otherwise;
    private final String unit;
    private final String documentation;

    ScenarioParameter(String block, String field, Interval otherwise, String unit, String documentation) {
        this.block = block;
        this.field = field;
        this.otherwise = otherwise;
        this.unit = unit;
        this.documentation = documentation;
    }

    /** The field in the file, e.g. mitigators.acsc_admission_avoidance_pct. */
    public String path() {
        return block + "." + field;
    }

    public String block() {
        return block;
    }

    public String field() {
        return field;
    }

    /** The default; null when it comes from the workspace's own data. */
    public Interval otherwise() {
        return otherwise;
    }

    public String unit() {
        return unit;
    }

    public String documentation() {
        return documentation;
    }

    /** The mitigators, in the order the waterfall shows them. */
    public static final java.util.List<ScenarioParameter> MITIGATORS = java.util.List.of(
            ACSC_AVOIDANCE,
            FREQUENT_ATTENDER,
            END_OF_LIFE,
            LENGTH_OF_STAY,
            DISCHARGE_DELAY,
            VIRTUAL_WARD,
            COMMUNITY_SHIFT);
}
