package org.openphm.analyses.conditions;

import java.util.List;
import java.util.Map;
import org.openphm.analyses.indicator.AgeBandCounts;
import org.openphm.analyses.indicator.AgeRangeEventRates;
import org.openphm.analyses.indicator.Breakdown;
import org.openphm.analyses.indicator.CellKey;
import org.openphm.analyses.indicator.CellRollup;
import org.openphm.analyses.indicator.Geography;
import org.openphm.analyses.indicator.IndicatorMetadata;
import org.openphm.analyses.indicator.IndicatorSource;
import org.openphm.analyses.indicator.IndicatorSpec;
import org.openphm.analyses.indicator.ValueMethod;
import org.openphm.engine.Engine;
import org.openphm.model.FinancialYear;
import org.openphm.stats.Polarity;

/**
 * Event rates per 100,000 registered people: CYP mental health admissions (DP 3.8), emergency admissions of
 * under-18s and Mental Health Act detentions (DP 4.3). Crude rates with Byar's limits, as the data pack and
 * Fingertips publish them; every area level and breakdown (DP 4.3's own breakdown by NHS ethnic category is
 * {@link EthnicityInequalities}).
 */
public final class EventIndicators implements IndicatorSource {

    public static final String CYP_MENTAL_HEALTH_ADMISSIONS = "cyp-mental-health-admissions";
    public static final String EMERGENCY_ADMISSIONS_UNDER_18 = "emergency-admissions-under-18";
    public static final String MHA_DETENTIONS = "mha-detentions";
    public static final String SELF_HARM_ADMISSIONS = "self-harm-admissions";
    public static final String SELF_HARM_ADMISSIONS_10_24 = "self-harm-admissions-10-24";

    static final List<Breakdown> BREAKDOWNS =
            List.of(Breakdown.SEX, Breakdown.AGE_BAND, Breakdown.ETHNIC_GROUP, Breakdown.DEPRIVATION_QUINTILE);

    static final String SOURCE = "Hospital spells (SUS APC) and Mental Health Act detentions, attributed to the GP "
            + "practice of registration on the day; registered population at 31 March (canonical tables spell, "
            + "detention, registration, patient, practice, lsoa)";

    static final List<AgeRangeEventRates.Numerator> NUMERATORS = List.of(
            new AgeRangeEventRates.Numerator(
                    CYP_MENTAL_HEALTH_ADMISSIONS, ConditionEvents.mentalHealthAdmission(), 0, 17),
            new AgeRangeEventRates.Numerator(
                    EMERGENCY_ADMISSIONS_UNDER_18, ConditionEvents.emergencyAdmission(), 0, 17),
            new AgeRangeEventRates.Numerator(
                    MHA_DETENTIONS, ConditionEvents.detention(), 0, AgeRangeEventRates.NO_MAXIMUM),
            new AgeRangeEventRates.Numerator(
                    SELF_HARM_ADMISSIONS, ConditionEvents.selfHarmAdmission(), 0, AgeRangeEventRates.NO_MAXIMUM),
            new AgeRangeEventRates.Numerator(SELF_HARM_ADMISSIONS_10_24, ConditionEvents.selfHarmAdmission(), 10, 24));

    private CellRollup rollup;

    @Override
    public List<IndicatorSpec> indicators() {
        List<String> attribution = List.of("Events are counted in the area of the practice the person was registered "
                + "with on the day and at their age then; the denominator is the registered population at the year's "
                + "end, so people who moved or died during the year count in the numerator only.");
        return List.of(
                spec(
                        CYP_MENTAL_HEALTH_ADMISSIONS,
                        "Hospital admissions for mental health conditions (under 18s)",
                        "DP 3.8",
                        "Hospital admissions (spells, any admission method) of people under 18 with a "
                                + "primary diagnosis of a mental and behavioural disorder (ICD-10 F00-F99), per "
                                + "100,000 registered people under 18.",
                        concat(attribution, "Counts spells; Fingertips counts finished admission episodes.")),
                spec(
                        EMERGENCY_ADMISSIONS_UNDER_18,
                        "Emergency admissions (under 18s)",
                        "DP 4.3",
                        "Emergency hospital admissions (spells) of people under 18 per 100,000 registered people "
                                + "under 18.",
                        attribution),
                spec(
                        MHA_DETENTIONS,
                        "Detentions under the Mental Health Act",
                        "DP 4.3",
                        "Detentions under the Mental Health Act starting in the financial year, all sections and "
                                + "ages, per 100,000 registered people.",
                        concat(attribution, "A person detained twice in the year counts twice.")),
                selfHarm(
                        SELF_HARM_ADMISSIONS,
                        "Emergency hospital admissions for intentional self-harm",
                        "DP 3.2",
                        "all ages",
                        0,
                        Integer.MAX_VALUE,
                        attribution),
                selfHarm(
                        SELF_HARM_ADMISSIONS_10_24,
                        "Hospital admissions as a result of self-harm (10-24 years)",
                        "DP 3.6",
                        "aged 10 to 24",
                        10,
                        24,
                        attribution));
    }

    /**
     * Fingertips' self-harm indicators (DP 3.2 all ages, DP 3.6 ages 10-24): emergency admissions with an injury
     * or poisoning primary diagnosis and an X60-X84 external cause, directly standardised (ESP2013) per 100,000.
     */
    private static IndicatorSpec selfHarm(
            String cellsId,
            String name,
            String section,
            String ages,
            int minAge,
            int maxAge,
            List<String> attribution) {
        return new IndicatorSpec(
                new IndicatorMetadata(
                        cellsId + "-dsr",
                        name,
                        section,
                        "Emergency hospital "
                                + "admissions (spells) with a primary diagnosis of injury or poisoning (ICD-10 S00-T98) and an "
                                + "external cause of intentional self-harm (X60-X84) in a secondary position, people "
                                + ages
                                + ", directly age-standardised per 100,000 registered people of those ages.",
                        SOURCE,
                        ValueMethod.DSR,
                        "Directly standardised rate per 100,000",
                        100_000,
                        Polarity.LOW_IS_GOOD,
                        "The parent area's value against the area's 95% and 99.8% Dobson confidence intervals; England "
                                + "where england_comparator holds a value",
                        BREAKDOWNS,
                        concat(
                                attribution,
                                "Counts spells; Fingertips counts finished admission episodes in the first "
                                        + "episode of the spell. Standardised over the ESP2013 bands "
                                        + (maxAge == Integer.MAX_VALUE
                                                ? "of all ages"
                                                : "from " + minAge + "-" + (minAge + 4) + " to " + (maxAge - 4) + "-"
                                                        + maxAge)
                                        + ".")),
                minAge,
                maxAge);
    }

    private static List<String> concat(List<String> a, String b) {
        List<String> out = new java.util.ArrayList<>(a);
        out.add(b);
        return out;
    }

    private static IndicatorSpec spec(String id, String name, String section, String definition, List<String> caveats) {
        return new IndicatorSpec(
                new IndicatorMetadata(
                        id,
                        name,
                        section,
                        definition,
                        SOURCE,
                        ValueMethod.CRUDE_RATE,
                        "Crude rate per 100,000",
                        100_000,
                        Polarity.LOW_IS_GOOD,
                        "The parent area's value against the "
                                + "area's 95% and 99.8% Byar confidence intervals; England where england_comparator holds a value",
                        BREAKDOWNS,
                        caveats),
                0);
    }

    @Override
    public Map<CellKey, AgeBandCounts> count(Engine engine, FinancialYear year) {
        return count(engine, List.of(year));
    }

    /** Every run of consecutive years in one events query and one population query ({@link AgeRangeEventRates}). */
    @Override
    public Map<CellKey, AgeBandCounts> count(Engine engine, List<FinancialYear> years) {
        if (rollup == null) {
            rollup = new CellRollup(Geography.load(engine), BREAKDOWNS);
        }
        return AgeRangeEventRates.count(engine, years, ConditionEvents.of(years), "event_date", NUMERATORS, rollup);
    }
}
