package org.openphm.analyses.conditions;

import static org.openphm.analyses.conditions.Columns.*;
import static org.openphm.engine.query.Expr.*;
import static org.openphm.engine.query.Measure.countIf;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.openphm.analyses.catalogue.Analysis;
import org.openphm.analyses.catalogue.AnalysisContext;
import org.openphm.analyses.catalogue.AnalysisInfo;
import org.openphm.analyses.catalogue.AnalysisTable;
import org.openphm.analyses.icb.IcbProfile;
import org.openphm.analyses.indicator.EnglandComparator;
import org.openphm.analyses.indicator.Geography;
import org.openphm.analyses.indicator.RegisteredPopulation;
import org.openphm.analyses.qof.QofRegister;
import org.openphm.analyses.qof.QofRegisters;
import org.openphm.engine.Engine;
import org.openphm.engine.Result;
import org.openphm.engine.query.Expr;
import org.openphm.engine.query.GroupKey;
import org.openphm.engine.query.Measure;
import org.openphm.model.AreaType;
import org.openphm.model.FinancialYear;
import org.openphm.model.results.ChartSpec;
import org.openphm.stats.Comparison;
import org.openphm.stats.Estimate;
import org.openphm.stats.Polarity;
import org.openphm.stats.Proportions;
import org.openphm.stats.Significance;

/**
 * DP 3.10: England / BLMK "prevalence gaps" — each QOF register's crude prevalence in the ICB (and each Place) in
 * the latest year beside England's (england_comparator), the gap in percentage points and whether the area is
 * significantly higher or lower (England's value against the area's Wilson 95% interval, the Fingertips method).
 * Same definitions as the QOF prevalence indicators (qof-prevalence-*).
 */
public final class PrevalenceGaps implements Analysis {

    public static final String ID = "dp-3.10-prevalence-gaps";

    private final AreaGrouping areas = AreaGrouping.icbPlace();

    @Override
    public AnalysisInfo info() {
        return new AnalysisInfo(
                ID,
                "DP 3.10",
                "England / " + IcbProfile.current().shortName() + " prevalence gaps",
                "QOF crude prevalence (register / registered patients of the register's age base) in "
                        + IcbProfile.current().shortName() + " and its "
                        + "Places against England, latest financial year.",
                "People on each register at 31 March over the registered population of its age base (as the "
                        + "qof-prevalence indicators); England from england_comparator for the same indicator and "
                        + "period; gap = area - England in percentage points; significance by England's value against "
                        + "the area's Wilson 95% interval.",
                "GP condition registers and registrations; england_comparator",
                List.of(
                        "Crude, not age-standardised: " + IcbProfile.current().shortName()
                                + " is younger than England, "
                                + "which lowers the prevalence of "
                                + "conditions of older age (DP 3.10).",
                        "Where england_comparator marks a value synthetic it is not a published figure; the row says so."),
                List.of(ChartSpec.ofTable(
                        "table",
                        "Prevalence gaps, " + IcbProfile.current().shortName() + " against England",
                        "QOF registers, crude %",
                        "gaps",
                        Map.of("area_type", AreaType.ICB.label()),
                        Map.of(),
                        "%")));
    }

    @Override
    public List<AnalysisTable> compute(AnalysisContext context) {
        FinancialYear year = context.latestYear();
        return List.of(table(
                context.geography(),
                year,
                count(context.engine(), year.end()),
                EnglandComparator.load(context.engine())));
    }

    /** area|register → {on register in age base, registered in age base}. */
    Map<String, long[]> count(Engine engine, LocalDate ref) {
        List<String> ids = QofRegisters.ALL.stream().map(QofRegister::id).toList();
        Expr.Case.Builder minAge = null;
        for (QofRegister r : QofRegisters.ALL) {
            Expr isRegister = col("condition").eq(r.id());
            minAge = minAge == null
                    ? when(isRegister, lit((long) r.minAge()))
                    : minAge.when(isRegister, lit((long) r.minAge()));
        }
        Expr inAgeBase = col("age").ge(minAge.otherwise(lit(0L)));
        List<GroupKey> keys = areas.keys(List.of(), List.of("condition"));
        Result numerators = engine.execute(RegisteredPopulation.at(ref)
                .join(ConditionRegisters.on(ref, ids), "person_id")
                .aggregate(keys, areas.sets(List.of(List.of()), List.of("condition")), countIf("people", inAgeBase)));
        Map<String, long[]> out = new HashMap<>();
        for (int i = 0; i < numerators.size(); i++) {
            out.computeIfAbsent(
                                    areas.areaOf(numerators, i) + "|" + numerators.getString(i, "condition"),
                                    k -> new long[2])[0] =
                    numerators.getLong(i, "people");
        }
        TreeSet<Integer> ages = new TreeSet<>();
        QofRegisters.ALL.forEach(r -> ages.add(r.minAge()));
        List<Measure> denominators = new ArrayList<>();
        ages.forEach(a -> denominators.add(countIf("aged_" + a, col("age").ge(lit((long) a)))));
        Result population = engine.execute(RegisteredPopulation.at(ref)
                .aggregate(
                        areas.keys(List.of(), List.of()),
                        areas.sets(List.of(List.of()), List.of()),
                        denominators.toArray(Measure[]::new)));
        for (int i = 0; i < population.size(); i++) {
            for (QofRegister r : QofRegisters.ALL) {
                out.computeIfAbsent(areas.areaOf(population, i) + "|" + r.id(), k -> new long[2])[1] =
                        population.getLong(i, "aged_" + r.minAge());
            }
        }
        return out;
    }

    AnalysisTable table(
            Geography geography, FinancialYear year, Map<String, long[]> counts, EnglandComparator england) {
        List<List<Object>> rows = new ArrayList<>();
        List<String> areaCodes = counts.keySet().stream()
                .map(k -> k.split("\\|")[0])
                .distinct()
                .sorted()
                .toList();
        for (String code : areaCodes) {
            Geography.Area area = geography.area(code);
            for (QofRegister r : QofRegisters.ALL) {
                long[] c = counts.getOrDefault(code + "|" + r.id(), new long[2]);
                if (c[1] == 0) {
                    continue;
                }
                Estimate e = Proportions.proportion(c[0], c[1], 100, 0.95);
                var englandValue = england.get(r.indicatorId(), year.label());
                Double eng = englandValue.map(EnglandComparator.Value::value).orElse(null);
                Significance s = eng == null ? Significance.NOT_COMPARED : Comparison.benchmarkValue(e, eng);
                rows.add(Arrays.asList(
                        year.label(),
                        area.code(),
                        area.name(),
                        area.type().label(),
                        r.id(),
                        r.name(),
                        r.ageLabel(),
                        c[0],
                        c[1],
                        e.value(),
                        e.lower(),
                        e.upper(),
                        eng,
                        eng == null ? null : e.value() - eng,
                        Polarity.NO_JUDGEMENT.assess(s).label(),
                        englandValue.map(v -> v.synthetic()).orElse(null) == null
                                ? ""
                                : englandValue.get().synthetic()
                                        ? "synthetic England value"
                                        : englandValue.get().source()));
            }
        }
        return new AnalysisTable(
                "gaps",
                "QOF prevalence against England",
                List.of(
                        text("year", "Financial year"),
                        text("area_code", "ICB or Place code"),
                        text("area_name", "Area name"),
                        text("area_type", "ICB or Place"),
                        text("register", "Register id"),
                        text("register_name", "Register"),
                        text("age_base", "Denominator age base"),
                        AnalysisTable.Column.count("register_count", "People on the register"),
                        AnalysisTable.Column.count("denominator", "Registered people of the age base"),
                        AnalysisTable.Column.derived(
                                "prevalence_pct",
                                "Crude prevalence %",
                                new AnalysisTable.Ratio("register_count", "denominator", 100)),
                        AnalysisTable.Column.derived(
                                "lower_ci95",
                                "Lower 95% Wilson limit",
                                new AnalysisTable.WilsonLimit("register_count", "denominator", 100, false)),
                        AnalysisTable.Column.derived(
                                "upper_ci95",
                                "Upper 95% Wilson limit",
                                new AnalysisTable.WilsonLimit("register_count", "denominator", 100, true)),
                        number("england_pct", "England prevalence % (england_comparator)"),
                        AnalysisTable.Column.derived(
                                "gap_points",
                                "Area minus England, percentage points",
                                new AnalysisTable.Difference("prevalence_pct", "england_pct")),
                        text("compared_to_england", "Higher / Similar / Lower than England (95%)"),
                        text("england_source", "Source of the England value, or that it is synthetic")),
                rows);
    }
}
