package org.openphm.analyses.conditions;

import static org.openphm.engine.query.Expr.and;
import static org.openphm.engine.query.Measure.countIf;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.openphm.analyses.indicator.AgeBandCounts;
import org.openphm.analyses.indicator.Breakdown;
import org.openphm.analyses.indicator.CellKey;
import org.openphm.analyses.indicator.CellRollup;
import org.openphm.analyses.indicator.Geography;
import org.openphm.analyses.indicator.IndicatorMetadata;
import org.openphm.analyses.indicator.IndicatorSource;
import org.openphm.analyses.indicator.IndicatorSpec;
import org.openphm.analyses.indicator.PersonYears;
import org.openphm.analyses.indicator.ValueMethod;
import org.openphm.engine.Engine;
import org.openphm.engine.Result;
import org.openphm.engine.query.Expr;
import org.openphm.engine.query.Measure;
import org.openphm.engine.query.Query;
import org.openphm.model.FinancialYear;
import org.openphm.stats.Polarity;

/**
 * Proportions of registered people (DP 3.5 depression incidence, DP 3.9 autism and ADHD in under-18s, DP 4.3
 * blood-pressure control in hypertension) for every area level and breakdown: one grouped scan of
 * {@link PersonFacts#overYears} for every year at the fine grain, rolled up by {@link CellRollup}.
 */
public final class PersonIndicators implements IndicatorSource {

    public static final String DEPRESSION_INCIDENCE = "depression-incidence";
    public static final String AUTISM_UNDER_18 = "autism-recorded-prevalence-under-18";
    public static final String ADHD_UNDER_18 = "adhd-recorded-prevalence-under-18";
    public static final String BP_CONTROL = "hypertension-bp-control";

    static final List<Breakdown> BREAKDOWNS =
            List.of(Breakdown.SEX, Breakdown.AGE_BAND, Breakdown.ETHNIC_GROUP, Breakdown.DEPRIVATION_QUINTILE);

    static final String SOURCE = "GP condition registers, observations and registrations (canonical tables "
            + "condition, observation, registration, patient, practice, lsoa), counted at 31 March";

    /** One indicator: who counts (numerator) among whom (denominator), over the rows of PersonFacts. */
    record Measured(IndicatorSpec spec, Function<FinancialYear, Expr> numerator, Expr denominator) {}

    static List<Measured> measures() {
        return List.of(
                new Measured(
                        spec(
                                DEPRESSION_INCIDENCE,
                                "Depression: new diagnoses (18+ yrs)",
                                "DP 3.5",
                                "People aged 18 and over registered at the end of the financial year whose first recorded "
                                        + "diagnosis of depression falls in that year, per 100 registered people aged 18 and "
                                        + "over (the QOF depression incidence the data pack shows since the prevalence "
                                        + "register was retired).",
                                Polarity.NO_JUDGEMENT,
                                18,
                                List.of(
                                        "A first diagnosis recorded before registration with the current practice counts in "
                                                + "the year it was recorded, not when the person joined.",
                                        "Not age-standardised, as the data pack.")),
                        y -> and(PersonFacts.adult(), PersonFacts.firstDepressionIn(y)),
                        PersonFacts.adult()),
                new Measured(
                        spec(
                                AUTISM_UNDER_18,
                                "Autism: recorded prevalence (under 18s)",
                                "DP 3.9",
                                "Registered people under 18 with autism recorded and not resolved at the end of the "
                                        + "financial year, as a percentage of registered people under 18.",
                                Polarity.NO_JUDGEMENT,
                                0,
                                List.of(
                                        "Recorded prevalence depends on diagnosis and recording; "
                                                + "delays in diagnosis are common and differ between population groups (DP 3.9).")),
                        y -> and(PersonFacts.child(), PersonFacts.onRegister("on_aut")),
                        PersonFacts.child()),
                new Measured(
                        spec(
                                ADHD_UNDER_18,
                                "ADHD: recorded prevalence (under 18s)",
                                "DP 3.9",
                                "Registered people under 18 with ADHD recorded and not resolved at the end of the "
                                        + "financial year, as a percentage of registered people under 18.",
                                Polarity.NO_JUDGEMENT,
                                0,
                                List.of(
                                        "Recorded prevalence depends on diagnosis and recording; "
                                                + "delays in diagnosis are common and differ between population groups (DP 3.9).")),
                        y -> and(PersonFacts.child(), PersonFacts.onRegister("on_adhd")),
                        PersonFacts.child()),
                new Measured(
                        spec(
                                BP_CONTROL,
                                "Hypertension: blood pressure to target",
                                "DP 4.3",
                                "People on the hypertension register at the end of the financial year whose last blood "
                                        + "pressure of the preceding 12 months was at or below 140/90 mmHg (150/90 mmHg aged "
                                        + "80 and over), as a percentage of those on the register with a reading in the 12 "
                                        + "months.",
                                Polarity.HIGH_IS_GOOD,
                                0,
                                List.of(
                                        "People with no reading in the 12 months are left out of the denominator (QOF would "
                                                + "count them as not achieved unless excepted); their number is the gap between the "
                                                + "register and this denominator.",
                                        "No exception reporting is modelled.")),
                        y -> PersonFacts.bloodPressureControlled(),
                        PersonFacts.bloodPressureMeasured()));
    }

    private static IndicatorSpec spec(
            String id,
            String name,
            String section,
            String definition,
            Polarity polarity,
            int minAge,
            List<String> caveats) {
        return new IndicatorSpec(
                new IndicatorMetadata(
                        id,
                        name,
                        section,
                        definition,
                        SOURCE,
                        ValueMethod.PROPORTION,
                        "Proportion %",
                        100,
                        polarity,
                        "The parent area's value against the area's 95% and 99.8% Wilson "
                                + "confidence intervals; England where england_comparator holds a value",
                        BREAKDOWNS,
                        caveats),
                minAge);
    }

    /** Built on first use from the engine's geography. */
    private CellRollup rollup;

    @Override
    public List<IndicatorSpec> indicators() {
        return measures().stream().map(Measured::spec).toList();
    }

    @Override
    public Map<CellKey, AgeBandCounts> count(Engine engine, FinancialYear year) {
        return count(engine, List.of(year));
    }

    /** Every year in one query per run of consecutive years, over {@link PersonFacts#overYears}. */
    @Override
    public Map<CellKey, AgeBandCounts> count(Engine engine, List<FinancialYear> years) {
        if (rollup == null) {
            rollup = new CellRollup(Geography.load(engine), BREAKDOWNS);
        }
        List<Measured> measures = measures();
        List<String> ids = measures.stream().map(m -> m.spec().id()).toList();
        Map<CellKey, AgeBandCounts> cells = new HashMap<>();
        for (List<FinancialYear> run : PersonYears.consecutiveRuns(years)) {
            Result r = engine.execute(query(run, measures));
            int[] num = IntStream.range(0, measures.size())
                    .map(i -> r.columnIndex("n" + i))
                    .toArray();
            int[] den = IntStream.range(0, measures.size())
                    .map(i -> r.columnIndex("d" + i))
                    .toArray();
            rollup.fileByYear(r, PersonYears.YEAR, run, ids, num, den, cells);
        }
        return cells;
    }

    /** The numerators and denominators of consecutive years; a numerator is its row's year's definition. */
    static Query query(List<FinancialYear> years, List<Measured> measures) {
        List<Measure> counts = new ArrayList<>();
        for (int i = 0; i < measures.size(); i++) {
            Measured m = measures.get(i);
            Expr numerator = PersonYears.ofYear(years.size(), y -> m.numerator().apply(years.get(y)));
            counts.add(countIf("n" + i, and(m.denominator(), numerator)));
            counts.add(countIf("d" + i, m.denominator()));
        }
        return PersonFacts.overYears(years)
                .aggregate(
                        PersonYears.keysByYear(CellRollup.keys()),
                        PersonYears.setsByYear(CellRollup.sets()),
                        counts.toArray(Measure[]::new));
    }
}
