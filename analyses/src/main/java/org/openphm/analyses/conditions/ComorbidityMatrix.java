package org.openphm.analyses.conditions;

import static org.openphm.analyses.conditions.Columns.*;
import static org.openphm.analyses.output.Percentages.share;
import static org.openphm.engine.query.Expr.*;
import static org.openphm.engine.query.Measure.countRows;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.openphm.analyses.catalogue.Analysis;
import org.openphm.analyses.catalogue.AnalysisContext;
import org.openphm.analyses.catalogue.AnalysisInfo;
import org.openphm.analyses.catalogue.AnalysisTable;
import org.openphm.analyses.icb.IcbProfile;
import org.openphm.analyses.indicator.Geography;
import org.openphm.analyses.indicator.RegisteredPopulation;
import org.openphm.engine.Engine;
import org.openphm.engine.Result;
import org.openphm.engine.query.Expr;
import org.openphm.engine.query.GroupKey;
import org.openphm.engine.query.Named;
import org.openphm.engine.query.Query;
import org.openphm.model.AreaType;
import org.openphm.model.Totals;
import org.openphm.model.results.ChartSpec;
import org.openphm.stats.Estimate;
import org.openphm.stats.Proportions;

/**
 * The conditional co-occurrence matrix of DP 3.7, 3.11 and 3.12: among registered people with the row condition,
 * the percentage who also have the column condition, P(column | row), with the "All patients" row giving each
 * column's background (whole-population) prevalence — for the ICB, each Place and neighbourhood, all ages and
 * (DP 3.11) each broad age group. One self-join of per-person register rows, counted in the engine: the people
 * with both conditions of every pair for every area and age group come out of one grouped scan.
 */
public final class ComorbidityMatrix implements Analysis {

    /** Broad age groups of the DP 3.11 breakdown; 75-84 is DP 3.12's. */
    static final Integer[] AGE_GROUP_STARTS = {0, 18, 65, 75, 85};

    /** An age restriction of the whole analysis (DP 3.12's 75-84) or none. */
    public record AgeScope(String label, int minAge, int maxAge) {
        static final AgeScope ALL = new AgeScope(Totals.ALL_AGES, 0, Integer.MAX_VALUE);

        Expr condition() {
            Expr lower = col("age").ge(lit((long) minAge));
            return maxAge == Integer.MAX_VALUE ? lower : and(lower, col("age").le(lit((long) maxAge)));
        }
    }

    private final AnalysisInfo info;
    private final List<String> rows;
    private final List<String> columns;
    private final AgeScope scope;
    private final boolean byAgeGroup;
    private final AreaGrouping areas = AreaGrouping.icbPlaceNeighbourhood();

    ComorbidityMatrix(AnalysisInfo info, List<String> rows, List<String> columns, AgeScope scope, boolean byAgeGroup) {
        this.info = info;
        this.rows = List.copyOf(rows);
        this.columns = List.copyOf(columns);
        this.scope = scope;
        this.byAgeGroup = byAgeGroup;
    }

    static final String SOURCE = "GP condition registers and registrations (canonical tables condition, registration, "
            + "patient, practice), on the last day of the latest financial year";

    static final List<String> CAVEATS = List.of(
            "All-age, not age-standardised: conditions of older age co-occur partly because the people who have them "
                    + "are old (DP 3.11).",
            "Registers record diagnosed conditions; the data pack's own figures come from NHS England's PAPI dashboard, "
                    + "whose register definitions may differ from the QOF ones counted here (e.g. CKD 0.7% of all "
                    + "patients in DP 3.7).",
            "Published cells are disclosure-controlled like every results file (the rule is in metadata.json): counts "
                    + "are rounded and small cells (e.g. LD with AF in a neighbourhood) are suppressed with the "
                    + "percentages that would give them back; exact cells are only in the analyst outputs "
                    + "(phm build --analyst-outputs), which are never published.");

    static final String METHOD = "People on each register on the reference date (diagnosed on or before it, not "
            + "resolved) among those registered with a practice then. For each pair of conditions the people on both "
            + "registers are counted by a self-join of the per-person register rows; P(column | row) = people with "
            + "both / people with the row condition, with a Wilson 95% interval. The background row divides by every "
            + "registered person; ratio_to_background = P(column | row) / P(column).";

    /** DP 3.11: every condition against every other, all ages and by broad age group. */
    public static ComorbidityMatrix multimorbidity() {
        return new ComorbidityMatrix(
                new AnalysisInfo(
                        "dp-3.11-multimorbidity-matrix",
                        "DP 3.11",
                        "Multimorbidity: conditional co-occurrence of conditions",
                        "Percentage of registered people with the reference (row) condition who also have the column condition.",
                        METHOD,
                        SOURCE,
                        CAVEATS,
                        List.of(
                                heatmap("Multimorbidity, all ages", Totals.ALL_AGES),
                                heatmap("Multimorbidity, aged 75-84", "75-84"))),
                MultimorbidityConditions.ids(),
                MultimorbidityConditions.ids(),
                AgeScope.ALL,
                true);
    }

    /** DP 3.12: the same matrix over people aged 75-84 only. */
    public static ComorbidityMatrix olderAdults() {
        return new ComorbidityMatrix(
                new AnalysisInfo(
                        "dp-3.12-multimorbidity-75-84",
                        "DP 3.12",
                        "Multimorbidity in 75-84 year olds",
                        "Percentage of registered people aged 75-84 with the reference (row) condition who also have the "
                                + "column condition.",
                        METHOD,
                        SOURCE,
                        CAVEATS,
                        List.of(heatmap("Multimorbidity in 75-84 year olds", "75-84"))),
                MultimorbidityConditions.ids(),
                MultimorbidityConditions.ids(),
                new AgeScope("75-84", 75, 84),
                false);
    }

    /** DP 3.7: depression, LD and SMI against every condition, and the background rate of all patients. */
    public static ComorbidityMatrix mentalHealthAndLd() {
        List<String> rows = new ArrayList<>(MultimorbidityConditions.MENTAL_HEALTH_AND_LD);
        return new ComorbidityMatrix(
                new AnalysisInfo(
                        "dp-3.7-mental-health-ld-comorbidity",
                        "DP 3.7",
                        "Co-morbidities in mental health and learning disability",
                        "Percentage of registered people with depression, a learning disability or serious mental illness who "
                                + "also have each other condition, beside the background rate of all registered people (the "
                                + "whole-population prevalence, DP 3.7 last row).",
                        METHOD,
                        SOURCE,
                        CAVEATS,
                        List.of(heatmap(
                                "Co-morbidities in mental health and LD, against all patients", Totals.ALL_AGES))),
                rows,
                MultimorbidityConditions.ids(),
                AgeScope.ALL,
                false);
    }

    private static ChartSpec heatmap(String title, String ageGroup) {
        return ChartSpec.ofTable(
                "comorbidity",
                title,
                IcbProfile.current().icbLabel() + ": % of people with the row condition who also have "
                        + "the column condition",
                "matrix",
                Map.of("area_type", AreaType.ICB.label(), "age_group", ageGroup),
                Map.of("x", "column_name", "y", "row_name", "value", "percent"),
                "%");
    }

    @Override
    public AnalysisInfo info() {
        return info;
    }

    @Override
    public List<AnalysisTable> compute(AnalysisContext context) {
        LocalDate ref = context.latestYear().end();
        Counts counts = count(context.engine(), ref);
        return List.of(table(context.geography(), counts));
    }

    /** People with both conditions, by area, age group and pair; on each register; people, by area and age group. */
    record Counts(Map<String, Long> pairs, Map<String, Long> singles, Map<String, Long> population) {
        long pair(String area, String age, String row, String column) {
            return pairs.getOrDefault(area + "|" + age + "|" + row + "|" + column, 0L);
        }

        long single(String area, String age, String condition) {
            return singles.getOrDefault(area + "|" + age + "|" + condition, 0L);
        }
    }

    Counts count(Engine engine, LocalDate ref) {
        List<String> registers = new ArrayList<>(new LinkedHashSet<>(concat(rows, columns)));
        Query people = RegisteredPopulation.at(ref)
                .where(scope.condition())
                .derive("age_group", byAgeGroup ? ageBand(col("age"), AGE_GROUP_STARTS) : lit(scope.label()))
                .select("person_id", "icb_code", "place_code", "neighbourhood_code", "age_group");
        Query onRegister = ConditionRegisters.on(ref, registers);
        Query rowSide = people.join(
                onRegister
                        .where(in(col("condition"), rows))
                        .select(Named.as("person_id", col("person_id")), Named.as("row_condition", col("condition"))),
                "person_id");
        Query pairs = rowSide.join(
                onRegister.select(
                        Named.as("person_id", col("person_id")), Named.as("column_condition", col("condition"))),
                "person_id");

        // a key no grouping set uses is refused by the engines: the age group is a key only when broken down by
        List<GroupKey> ageKey = byAgeGroup ? List.of(GroupKey.of("age_group").totalAs(Totals.ALL_AGES)) : List.of();
        List<List<String>> ageSets = byAgeGroup ? List.of(List.of(), List.of("age_group")) : List.of(List.of());
        List<String> pairDetail = List.of("row_condition", "column_condition");
        Result pairResult = engine.execute(
                pairs.aggregate(areas.keys(ageKey, pairDetail), areas.sets(ageSets, pairDetail), countRows("people")));
        Result populationResult = engine.execute(
                people.aggregate(areas.keys(ageKey, List.of()), areas.sets(ageSets, List.of()), countRows("people")));

        Map<String, Long> pairCounts = new HashMap<>();
        for (int i = 0; i < pairResult.size(); i++) {
            pairCounts.put(
                    areas.areaOf(pairResult, i) + "|" + ageOf(pairResult, i) + "|"
                            + pairResult.getString(i, "row_condition") + "|"
                            + pairResult.getString(i, "column_condition"),
                    pairResult.getLong(i, "people"));
        }
        // People on each register, for the background row and the row totals: the pair counts hold them only for
        // the analysis's row conditions (DP 3.7 has three).
        Query single = people.join(onRegister, "person_id");
        Result singleResult = engine.execute(single.aggregate(
                areas.keys(ageKey, List.of("condition")),
                areas.sets(ageSets, List.of("condition")),
                countRows("people")));
        Map<String, Long> singles = new HashMap<>();
        for (int i = 0; i < singleResult.size(); i++) {
            singles.put(
                    areas.areaOf(singleResult, i) + "|" + ageOf(singleResult, i) + "|"
                            + singleResult.getString(i, "condition"),
                    singleResult.getLong(i, "people"));
        }
        Map<String, Long> population = new java.util.TreeMap<>();
        for (int i = 0; i < populationResult.size(); i++) {
            population.put(
                    areas.areaOf(populationResult, i) + "|" + ageOf(populationResult, i),
                    populationResult.getLong(i, "people"));
        }
        return new Counts(pairCounts, singles, population);
    }

    /** Without the age breakdown every row is the scope's own label (All ages, or 75-84 for DP 3.12). */
    private String ageOf(Result r, int i) {
        return byAgeGroup ? r.getString(i, "age_group") : scope.label();
    }

    AnalysisTable table(Geography geography, Counts counts) {
        Map<String, String> names = MultimorbidityConditions.names();
        List<String> rowsWithBackground = concat(rows, List.of(Totals.ALL_PATIENTS_CODE));
        List<List<Object>> out = new ArrayList<>();
        counts.population().forEach((areaAndAge, population) -> {
            String[] k = areaAndAge.split("\\|", 2);
            Geography.Area area = geography.area(k[0]);
            for (String row : rowsWithBackground) {
                boolean background = row.equals(Totals.ALL_PATIENTS_CODE);
                long rowPeople = background ? population : counts.single(k[0], k[1], row);
                for (String column : columns) {
                    if (column.equals(row)) {
                        continue;
                    }
                    long columnPeople = counts.single(k[0], k[1], column);
                    long both = background ? columnPeople : counts.pair(k[0], k[1], row, column);
                    Double percent = null, lower = null, upper = null, ratio = null;
                    if (rowPeople > 0) {
                        Estimate e = Proportions.proportion(both, rowPeople, 100, 0.95);
                        percent = e.value();
                        lower = e.lower();
                        upper = e.upper();
                        Double backgroundPercent = share(columnPeople, population);
                        ratio = backgroundPercent == null || backgroundPercent == 0
                                ? null
                                : percent / backgroundPercent;
                    }
                    out.add(Arrays.asList(
                            area.code(),
                            area.name(),
                            area.type().label(),
                            k[1],
                            row,
                            background ? Totals.ALL_PATIENTS : names.get(row),
                            column,
                            names.get(column),
                            rowPeople,
                            both,
                            percent,
                            lower,
                            upper,
                            ratio));
                }
            }
        });
        return new AnalysisTable(
                "matrix",
                "P(column condition | row condition) by area and age group",
                List.of(
                        text("area_code", "ICB, Place or neighbourhood code"),
                        text("area_name", "Area name"),
                        text("area_type", "ICB, Place or Neighbourhood"),
                        text("age_group", "All ages or a broad age group"),
                        text("row_condition", "Register id of the reference condition; ALL = every registered person"),
                        text("row_name", "Reference condition"),
                        text("column_condition", "Register id of the co-morbidity"),
                        text("column_name", "Co-morbidity"),
                        AnalysisTable.Column.count(
                                "row_people",
                                "Registered people with the reference condition (all registered people for ALL)"),
                        AnalysisTable.Column.count("both_people", "Of them, people who also have the column condition"),
                        AnalysisTable.Column.derived(
                                "percent",
                                "P(column | row) as a percentage",
                                new AnalysisTable.Ratio("both_people", "row_people", 100)),
                        AnalysisTable.Column.derived(
                                "lower_ci95",
                                "Lower 95% Wilson limit",
                                new AnalysisTable.WilsonLimit("both_people", "row_people", 100, false)),
                        AnalysisTable.Column.derived(
                                "upper_ci95",
                                "Upper 95% Wilson limit",
                                new AnalysisTable.WilsonLimit("both_people", "row_people", 100, true)),
                        number(
                                "ratio_to_background",
                                "percent divided by the column condition's whole-population prevalence")),
                out);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
