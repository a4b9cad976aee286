package org.openphm.analyses.conditions;

import static org.openphm.analyses.conditions.Columns.*;
import static org.openphm.engine.query.Expr.*;
import static org.openphm.engine.query.Measure.countIf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openphm.analyses.catalogue.Analysis;
import org.openphm.analyses.catalogue.AnalysisContext;
import org.openphm.analyses.catalogue.AnalysisInfo;
import org.openphm.analyses.catalogue.AnalysisTable;
import org.openphm.analyses.icb.IcbProfile;
import org.openphm.analyses.indicator.AgeRangeEventRates;
import org.openphm.analyses.indicator.Geography;
import org.openphm.engine.Engine;
import org.openphm.engine.Result;
import org.openphm.engine.query.Expr;
import org.openphm.engine.query.GroupKey;
import org.openphm.engine.query.Measure;
import org.openphm.engine.query.Named;
import org.openphm.engine.query.Query;
import org.openphm.model.AreaType;
import org.openphm.model.CanonicalSchema;
import org.openphm.model.CodeSets;
import org.openphm.model.EthnicGroups;
import org.openphm.model.FinancialYear;
import org.openphm.model.Totals;
import org.openphm.model.results.ChartSpec;
import org.openphm.stats.Comparison;
import org.openphm.stats.Estimate;
import org.openphm.stats.Proportions;
import org.openphm.stats.Rates;

/**
 * DP 4.3 by the NHS ethnic CATEGORY (Pakistani, White Irish, Black Caribbean ... — the indicator framework's
 * breakdown is the broad group only): emergency admissions of under-18s and Mental Health Act detentions per
 * 100,000, and blood-pressure control in hypertension, for the ICB and each Place in the latest year, each
 * category compared with the area's overall value. The same definitions as {@link EventIndicators} and
 * {@link PersonIndicators}; two grouped scans (events, people).
 */
public final class EthnicityInequalities implements Analysis {

    public static final String ID = "dp-4.3-inequalities-by-ethnicity";

    private final AreaGrouping areas = AreaGrouping.icbPlace();

    /** A DP 4.3 measure as counted here: its indicator id, which events (or people) and what it is per. */
    record Measured(String indicatorId, String name, String unit, double multiplier, boolean rate) {}

    static final List<Measured> MEASURES = List.of(
            new Measured(
                    EventIndicators.EMERGENCY_ADMISSIONS_UNDER_18,
                    "Emergency admissions, under 18s",
                    "per 100,000",
                    100_000,
                    true),
            new Measured(EventIndicators.MHA_DETENTIONS, "Mental Health Act detentions", "per 100,000", 100_000, true),
            new Measured(PersonIndicators.BP_CONTROL, "Hypertension: blood pressure to target", "%", 100, false));

    @Override
    public AnalysisInfo info() {
        return new AnalysisInfo(
                ID,
                "DP 4.3",
                "Health inequalities by ethnicity",
                "Emergency admissions of under-18s and Mental Health Act detentions per 100,000 registered people, and "
                        + "the percentage of people with hypertension whose last blood pressure is to target, by NHS "
                        + "ethnic category, latest financial year.",
                "Numerators and denominators as the indicators " + EventIndicators.EMERGENCY_ADMISSIONS_UNDER_18 + ", "
                        + EventIndicators.MHA_DETENTIONS + " and " + PersonIndicators.BP_CONTROL + ", grouped by the "
                        + "ethnic category recorded on the patient table (empty = Z, not stated). Crude rates with "
                        + "Byar's (exact below 10 events) 95% limits; proportions with Wilson 95% limits; each category "
                        + "is compared with the area's overall value (Fingertips method: the comparator's value "
                        + "against the category's interval).",
                EventIndicators.SOURCE,
                List.of(
                        "Ethnicity as recorded in GP records; not stated and not known are "
                                + "shown as their own categories.",
                        "Small categories have wide intervals; counts are not "
                                + "disclosure-controlled in this table."),
                List.of(
                        chart(
                                EventIndicators.EMERGENCY_ADMISSIONS_UNDER_18,
                                "Emergency admissions (under 18s) by ethnicity"),
                        chart(EventIndicators.MHA_DETENTIONS, "Mental Health Act detentions by ethnicity"),
                        chart(PersonIndicators.BP_CONTROL, "Blood pressure control in hypertension by ethnicity")));
    }

    private static ChartSpec chart(String indicator, String title) {
        return ChartSpec.ofTable(
                "bar_ci",
                title,
                IcbProfile.current().icbLabel() + ", by NHS ethnic category",
                "by-category",
                Map.of("area_type", AreaType.ICB.label(), "indicator_id", indicator),
                Map.of(
                        "x",
                        "category_name",
                        "y",
                        "value",
                        "lower",
                        "lower_ci95",
                        "upper",
                        "upper_ci95",
                        "significance",
                        "compared_to_area"),
                null);
    }

    @Override
    public List<AnalysisTable> compute(AnalysisContext context) {
        FinancialYear year = context.latestYear();
        Map<String, long[]> counts = count(context.engine(), year);
        return List.of(table(context.geography(), year, counts));
    }

    /** Patients' recorded ethnic category, empty read as Z (not stated). */
    static Query categories() {
        return Query.from(CanonicalSchema.PATIENT)
                .select(
                        Named.as("person_id", col("person_id")),
                        Named.as("ethnic_category", coalesce(col("ethnicity"), lit("Z"))));
    }

    /** area|category|indicator → {numerator, denominator}. */
    Map<String, long[]> count(Engine engine, FinancialYear year) {
        List<GroupKey> keys = areas.keys(List.of(GroupKey.of("ethnic_category").totalAs(Totals.ALL)), List.of());
        List<List<String>> sets = areas.sets(List.of(List.of(), List.of("ethnic_category")), List.of());
        Map<String, long[]> out = new HashMap<>();

        List<AgeRangeEventRates.Numerator> events = EventIndicators.NUMERATORS.stream()
                .filter(n -> MEASURES.stream().anyMatch(m -> m.indicatorId().equals(n.indicatorId())))
                .toList();
        List<Measure> eventMeasures = new ArrayList<>();
        events.forEach(n -> eventMeasures.add(countIf(n.indicatorId(), and(n.condition(), n.ages()))));
        Result e = engine.execute(ConditionEvents.of(year)
                .join(categories(), "person_id")
                .aggregate(keys, sets, eventMeasures.toArray(Measure[]::new)));
        for (int i = 0; i < e.size(); i++) {
            for (AgeRangeEventRates.Numerator n : events) {
                slot(out, e, i, n.indicatorId())[0] = e.getLong(i, n.indicatorId());
            }
        }

        List<Measure> peopleMeasures = new ArrayList<>();
        events.forEach(n -> peopleMeasures.add(countIf("d_" + n.indicatorId(), n.ages())));
        Expr bpNumerator = PersonIndicators.measures().stream()
                .filter(m -> m.spec().id().equals(PersonIndicators.BP_CONTROL))
                .findFirst()
                .orElseThrow()
                .numerator()
                .apply(year);
        peopleMeasures.add(countIf("n_bp", bpNumerator));
        peopleMeasures.add(countIf("d_bp", PersonFacts.bloodPressureMeasured()));
        Result p = engine.execute(PersonFacts.at(year)
                .join(categories(), "person_id")
                .aggregate(keys, sets, peopleMeasures.toArray(Measure[]::new)));
        for (int i = 0; i < p.size(); i++) {
            for (AgeRangeEventRates.Numerator n : events) {
                slot(out, p, i, n.indicatorId())[1] = p.getLong(i, "d_" + n.indicatorId());
            }
            long[] bp = slot(out, p, i, PersonIndicators.BP_CONTROL);
            bp[0] = p.getLong(i, "n_bp");
            bp[1] = p.getLong(i, "d_bp");
        }
        return out;
    }

    private long[] slot(Map<String, long[]> out, Result r, int row, String indicator) {
        return out.computeIfAbsent(
                areas.areaOf(r, row) + "|" + r.getString(row, "ethnic_category") + "|" + indicator, k -> new long[2]);
    }

    AnalysisTable table(Geography geography, FinancialYear year, Map<String, long[]> counts) {
        Map<String, String> names = CodeSets.ETHNICITY.codes();
        List<String> categories = new ArrayList<>();
        categories.add(Totals.ALL);
        categories.addAll(names.keySet());
        List<List<Object>> rows = new ArrayList<>();
        List<String> areaCodes = counts.keySet().stream()
                .map(k -> k.split("\\|")[0])
                .distinct()
                .sorted()
                .toList();
        for (String code : areaCodes) {
            Geography.Area area = geography.area(code);
            for (Measured m : MEASURES) {
                long[] overall = counts.getOrDefault(code + "|" + Totals.ALL + "|" + m.indicatorId(), new long[2]);
                Estimate areaValue = estimate(m, overall);
                for (String category : categories) {
                    long[] c = counts.get(code + "|" + category + "|" + m.indicatorId());
                    if (c == null || c[1] == 0) {
                        continue;
                    }
                    Estimate e = estimate(m, c);
                    boolean headline = category.equals(Totals.ALL);
                    rows.add(Arrays.asList(
                            year.label(),
                            area.code(),
                            area.name(),
                            area.type().label(),
                            m.indicatorId(),
                            m.name(),
                            m.unit(),
                            category,
                            headline ? "All people" : names.get(category),
                            headline ? Totals.ALL : EthnicGroups.broad(category),
                            c[0],
                            c[1],
                            finite(e.value()),
                            finite(e.lower()),
                            finite(e.upper()),
                            headline
                                    ? ""
                                    : words(Comparison.benchmarkValue(
                                            e, areaValue.hasValue() ? areaValue.value() : Double.NaN))));
                }
            }
        }
        return new AnalysisTable(
                "by-category",
                "DP 4.3 measures by NHS ethnic category",
                List.of(
                        text("year", "Financial year"),
                        text("area_code", "ICB or Place code"),
                        text("area_name", "Area name"),
                        text("area_type", "ICB or Place"),
                        text("indicator_id", "Indicator (as in indicators.csv)"),
                        text("indicator_name", "Indicator"),
                        text("unit", "per 100,000 or %"),
                        text("ethnic_category", "NHS ethnic category code; All = everyone"),
                        text("category_name", "NHS ethnic category"),
                        text("ethnic_group", "Broad ethnic group"),
                        AnalysisTable.Column.count("count", "Events (admissions, detentions) or people to target"),
                        AnalysisTable.Column.count(
                                "denominator",
                                "Registered people of the ages counted, or people with hypertension measured"),
                        number("value", "Rate per 100,000 or percentage"),
                        number("lower_ci95", "Lower 95% limit"),
                        number("upper_ci95", "Upper 95% limit"),
                        text("compared_to_area", "Higher / Similar / Lower than the area's overall value (95%)")),
                rows);
    }

    private static Estimate estimate(Measured m, long[] c) {
        if (c[1] == 0) {
            return Estimate.missing(0.95, "", "no denominator");
        }
        return m.rate()
                ? Rates.crude(c[0], c[1], m.multiplier(), 0.95)
                : Proportions.proportion(c[0], c[1], m.multiplier(), 0.95);
    }

    private static String words(org.openphm.stats.Significance s) {
        return org.openphm.stats.Polarity.NO_JUDGEMENT.assess(s).label();
    }
}
