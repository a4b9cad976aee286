package org.openphm.analyses.acute;

import static org.openphm.engine.query.Expr.*;

import java.util.List;
import java.util.Map;
import org.openphm.analyses.indicator.AgeBandCounts;
import org.openphm.analyses.indicator.Breakdown;
import org.openphm.analyses.indicator.CellKey;
import org.openphm.analyses.indicator.EventRates;
import org.openphm.analyses.indicator.Geography;
import org.openphm.analyses.indicator.IndicatorMetadata;
import org.openphm.analyses.indicator.IndicatorSource;
import org.openphm.analyses.indicator.IndicatorSpec;
import org.openphm.analyses.indicator.ValueMethod;
import org.openphm.engine.Engine;
import org.openphm.model.FinancialYear;
import org.openphm.stats.Polarity;

/**
 * DP 8.4 as an indicator: ACSC emergency admissions per 100,000 registered patients, crude and directly
 * standardised (ESP2013), for every area level and breakdown — the comparison the DP's counts cannot make
 * (Places differ in size and age). A spell counts in the area of the practice the person was registered with
 * on the day of admission, at their age then; the denominator is the registered population at the year's end.
 */
public final class AcscAdmissionRates implements IndicatorSource {

    public static final String ID = "acsc-emergency-admissions";

    static final List<Breakdown> BREAKDOWNS =
            List.of(Breakdown.SEX, Breakdown.AGE_BAND, Breakdown.ETHNIC_GROUP, Breakdown.DEPRIVATION_QUINTILE);

    private final AcscClassification acsc;

    public AcscAdmissionRates(AcscClassification acsc) {
        this.acsc = acsc;
    }

    @Override
    public List<IndicatorSpec> indicators() {
        String definition = AcscText.DEFINITION + " Rate per 100,000 registered patients (all ages) at the end of "
                + "the financial year; spells attributed to the practice of registration on the day of admission.";
        List<String> caveats = new java.util.ArrayList<>(AcscText.CAVEATS);
        caveats.add("CCG OIS 2.6 standardises by age and sex; the DSR here is by age (ESP2013, persons) only, and "
                + "spells of people of unknown sex are counted.");
        caveats.add("No England comparator is held for this list and period: significance is against the parent area.");
        return List.of(
                new IndicatorSpec(
                        new IndicatorMetadata(
                                ID,
                                "ACSC emergency admissions (CCG OIS 2.6 list), crude rate",
                                "DP 8.4",
                                definition,
                                AcscText.SOURCE,
                                ValueMethod.CRUDE_RATE,
                                "Crude rate per 100,000",
                                100_000,
                                Polarity.LOW_IS_GOOD,
                                "The parent area's value against the area's 95% and 99.8% "
                                        + "Byar confidence intervals",
                                BREAKDOWNS,
                                caveats),
                        0),
                new IndicatorSpec(
                        new IndicatorMetadata(
                                ID + "-dsr",
                                "ACSC emergency admissions (CCG OIS 2.6 list), age-standardised rate",
                                "DP 8.4",
                                definition + " Directly standardised to the 2013 European Standard Population.",
                                AcscText.SOURCE,
                                ValueMethod.DSR,
                                "DSR per 100,000",
                                100_000,
                                Polarity.LOW_IS_GOOD,
                                "The parent area's value against the area's 95% and 99.8% Dobson confidence intervals",
                                List.of(Breakdown.SEX, Breakdown.ETHNIC_GROUP, Breakdown.DEPRIVATION_QUINTILE),
                                caveats),
                        0));
    }

    @Override
    public Map<CellKey, AgeBandCounts> count(Engine engine, FinancialYear year) {
        return count(engine, List.of(year));
    }

    /** Every run of consecutive years in one events query and one population query ({@link EventRates}). */
    @Override
    public Map<CellKey, AgeBandCounts> count(Engine engine, List<FinancialYear> years) {
        return EventRates.count(
                engine,
                years,
                AcuteSpells.emergency(years, acsc),
                "admission_date",
                List.of(new EventRates.Numerator(ID, isNotNull(col("acsc_group")), 0)),
                Geography.LOCAL_LEVELS,
                BREAKDOWNS);
    }
}
