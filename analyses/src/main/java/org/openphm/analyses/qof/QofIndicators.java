package org.openphm.analyses.qof;

import java.util.ArrayList;
import java.util.List;
import org.openphm.analyses.indicator.Breakdown;
import org.openphm.analyses.indicator.IndicatorMetadata;
import org.openphm.analyses.indicator.IndicatorSpec;
import org.openphm.analyses.indicator.ValueMethod;
import org.openphm.stats.Polarity;

/**
 * The QOF prevalence indicators (DP 5.2–5.19, DP 3.3, 3.4): for every register, the crude prevalence the
 * data pack shows and — new, because "Luton is younger" (DP 5.1) — the age-standardised prevalence.
 */
public final class QofIndicators {
    private QofIndicators() {}

    static final String SOURCE = "GP condition registers and registrations (canonical tables condition, "
            + "registration, patient, practice, lsoa), counted at 31 March as QOF does";

    static final List<Breakdown> BREAKDOWNS =
            List.of(Breakdown.SEX, Breakdown.AGE_BAND, Breakdown.ETHNIC_GROUP, Breakdown.DEPRIVATION_QUINTILE);

    static final List<String> CAVEATS = List.of(
            "Registers record diagnosed conditions and may underestimate true prevalence, particularly for obesity (DP 5.1).",
            "Crude prevalence reflects each area's age structure; compare areas with the age-standardised indicator.",
            "The denominator is the registered population of the register's age base, not the all-age list.");

    public static List<IndicatorSpec> all() {
        List<IndicatorSpec> specs = new ArrayList<>();
        for (QofRegister r : QofRegisters.ALL) {
            specs.add(new IndicatorSpec(
                    new IndicatorMetadata(
                            r.indicatorId(),
                            r.indicatorName(),
                            r.section(),
                            r.definition(),
                            SOURCE,
                            ValueMethod.PROPORTION,
                            "%",
                            100,
                            Polarity.NO_JUDGEMENT,
                            "England value (england_comparator) and the parent area's value, against the area's 95% and "
                                    + "99.8% Wilson confidence intervals (Fingertips method)",
                            BREAKDOWNS,
                            CAVEATS),
                    r.minAge()));
            specs.add(new IndicatorSpec(
                    new IndicatorMetadata(
                            r.indicatorId() + "-dsr",
                            r.name() + ": QOF prevalence, age-standardised (" + r.ageLabel() + ")",
                            r.section(),
                            r.definition() + " Directly standardised to the 2013 European Standard Population over the "
                                    + "register's age base.",
                            SOURCE,
                            ValueMethod.DSR,
                            "DSR per 100",
                            100,
                            Polarity.NO_JUDGEMENT,
                            "The parent area's value against the area's 95% and 99.8% Dobson "
                                    + "confidence intervals; no England age-standardised comparator is held",
                            List.of(Breakdown.SEX, Breakdown.ETHNIC_GROUP, Breakdown.DEPRIVATION_QUINTILE),
                            List.of(
                                    CAVEATS.get(0),
                                    CAVEATS.get(2),
                                    "The age band containing the register's youngest age "
                                            + "counts only people at or above it but carries the band's full standard weight.")),
                    r.minAge()));
        }
        return specs;
    }
}
