package org.openphm.analyses.phm;

import static org.openphm.analyses.catalogue.AnalysisTable.Column.count;
import static org.openphm.analyses.catalogue.AnalysisTable.Column.integer;
import static org.openphm.analyses.catalogue.AnalysisTable.Column.text;
import static org.openphm.engine.query.Expr.ageBand;
import static org.openphm.engine.query.Expr.col;
import static org.openphm.engine.query.Expr.lit;
import static org.openphm.engine.query.Measure.countRows;
import static org.openphm.engine.query.Measure.sum;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.openphm.analyses.catalogue.AnalysisTable;
import org.openphm.analyses.output.Percentages;
import org.openphm.analyses.risk.RiskCohort;
import org.openphm.analyses.risk.RiskModel;
import org.openphm.analyses.risk.RiskStratification;
import org.openphm.engine.Engine;
import org.openphm.engine.Result;
import org.openphm.engine.query.Expr;
import org.openphm.engine.query.GroupKey;
import org.openphm.engine.query.Measure;
import org.openphm.engine.query.Named;
import org.openphm.engine.query.Query;
import org.openphm.engine.query.SortKey;
import org.openphm.model.Totals;

/**
 * Runs a {@link CohortDefinition} in the engine: the facts of everyone registered on the index date (with their
 * segment and, when the cohort asks for it, the saved risk model's stratum scored in the engine), then the
 * attrition (people left after each step), the aggregate profile and, for an authorised clinician only, the
 * person list of their own scope. Engine-neutral: the same queries run on DuckDB and Spark.
 */
public final class CohortRun {
    private CohortRun() {}

    /** A list is for a team's review meeting, not an extract. */
    public static final int MAX_LIST_ROWS = 5000;

    static final List<Integer> AGE_GROUPS = List.of(0, 18, 40, 55, 65, 75, 85);
    private static final String ALL = "*";

    /**
     * The facts the cohort's criteria read: {@link PersonFacts}, segment, and risk_stratum when the cohort uses it
     * (which needs the saved model: the stratum is where the person ranks among everyone on the index date), with
     * each person's {@link #staged cohort_step}.
     */
    public static Query facts(
            Engine engine,
            CohortDefinition cohort,
            LocalDate index,
            SegmentRules rules,
            Optional<RiskModel.Model> model) {
        Query q = Segmentation.segmented(rules, index);
        if (cohort.uses("risk_stratum")) {
            RiskModel.Model m = model.orElseThrow(() -> new IllegalArgumentException("the cohort \"" + cohort.name()
                    + "\" uses risk_stratum, but the workspace has no saved risk model: run phm risk train first"));
            q = q.leftJoin(
                    RiskStratification.ranked(engine, m, index)
                            .select(Named.as("person_id", col("person_id")), Named.as("risk_stratum", col("stratum"))),
                    "person_id");
        }
        return staged(cohort, q);
    }

    static final String STEP = "cohort_step";

    /**
     * The facts with cohort_step: the first step a person fails (1 = the first inclusion; exclusions after the
     * inclusions), or one past the last for the cohort's members. One CASE with each criterion once, so attrition,
     * profile and list share it and an engine plans each criterion once.
     */
    public static Query staged(CohortDefinition cohort, Query facts) {
        Expr.Case.Builder b = new Expr.Case.Builder();
        int n = 0;
        for (CohortDefinition.Step s : cohort.include()) {
            b.when(Expr.not(s.criterion().toExpr()), lit((long) ++n));
        }
        for (CohortDefinition.Step s : cohort.exclude()) {
            b.when(s.criterion().toExpr(), lit((long) ++n));
        }
        return facts.derive(Named.as(STEP, b.otherwise(lit((long) n + 1))));
    }

    /** True for the people in the cohort (of {@link #staged}): they passed every step. */
    static Expr inCohort(CohortDefinition cohort) {
        return col(STEP)
                .eq(lit((long) cohort.include().size() + cohort.exclude().size() + 1));
    }

    /** One row per step: the people left after it, starting from everyone registered on the index date. */
    public record Step(int number, String kind, String label, String rule, long before, long after) {}

    /** The people left after each step, from the people stopped at each ({@code facts} as {@link #staged}). */
    public static List<Step> attrition(Engine engine, CohortDefinition cohort, Query staged) {
        List<CohortDefinition.Step> steps = new ArrayList<>(cohort.include());
        steps.addAll(cohort.exclude());
        Result r = engine.execute(staged.aggregate(List.of(STEP), countRows("people")));
        long[] stoppedAt = new long[steps.size() + 2];
        for (int i = 0; i < r.size(); i++) {
            stoppedAt[(int) (long) r.getLong(i, STEP)] = r.getLong(i, "people");
        }
        long before = 0;
        for (long n : stoppedAt) {
            before += n;
        }
        List<Step> out = new ArrayList<>();
        out.add(new Step(0, "Start", "Registered on the index date", "everybody registered", before, before));
        for (int i = 0; i < steps.size(); i++) {
            long after = before - stoppedAt[i + 1];
            boolean include = i < cohort.include().size();
            out.add(new Step(
                    i + 1,
                    include ? "Include" : "Exclude",
                    steps.get(i).label(),
                    (include ? "" : "not: ") + steps.get(i).criterion().describe(),
                    before,
                    after));
            before = after;
        }
        return out;
    }

    public static AnalysisTable attritionTable(List<Step> steps, LocalDate index) {
        List<List<Object>> rows = new ArrayList<>();
        for (Step s : steps) {
            rows.add(Arrays.asList((long) s.number(), s.kind(), s.label(), s.rule(), s.before(), s.after(), (double)
                    (s.before() - s.after())));
        }
        return new AnalysisTable(
                "attrition",
                "Attrition on " + index + ": the people left after each step",
                List.of(
                        integer("step", "Step (0 = everyone registered on the index date)"),
                        text("kind", "Start, Include or Exclude"),
                        text("label", "The step"),
                        text("rule", "The rule as the engine runs it"),
                        count("people_before", "People before the step"),
                        count("people", "People left after it"),
                        AnalysisTable.Column.derived(
                                "removed",
                                "People the step removed",
                                new AnalysisTable.Difference("people_before", "people"))),
                rows);
    }

    /**
     * The cohort's make-up: people by age group, sex, IMD quintile, ethnic group, segment (and risk stratum when
     * used), and on each register, each against the cohort's size.
     */
    public static AnalysisTable profile(Engine engine, CohortDefinition cohort, Query facts) {
        boolean risk = cohort.uses("risk_stratum");
        Query members = facts.where(inCohort(cohort))
                .derive(
                        Named.as("age_group", ageBand(col("age"), AGE_GROUPS.toArray(Integer[]::new))),
                        Named.as("all_people", lit(Totals.ALL)));
        List<String> dims =
                new ArrayList<>(List.of("all_people", "age_group", "sex", "imd_quintile", "ethnic_group", "segment"));
        if (risk) {
            dims.add("risk_stratum");
        }
        List<String> labels = List.of(
                "Everyone",
                "Age group",
                "Sex",
                "IMD quintile (1 = most deprived)",
                "Ethnic group",
                "Segment",
                "Risk stratum");
        List<GroupKey> keys =
                dims.stream().map(d -> GroupKey.of(d).totalAs(ALL)).toList();
        List<List<String>> sets = dims.stream().map(List::of).toList();
        List<Measure> measures = new ArrayList<>(List.of(countRows("people")));
        for (String reg : RiskCohort.REGISTERS) {
            measures.add(sum(RiskCohort.registerColumn(reg), col(RiskCohort.registerColumn(reg))));
        }
        Result r = engine.execute(members.aggregate(keys, sets, measures.toArray(Measure[]::new)));
        long total = 0;
        for (int i = 0; i < r.size(); i++) {
            if (Totals.ALL.equals(r.getString(i, "all_people"))) {
                total = r.getLong(i, "people");
            }
        }
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < r.size(); i++) {
            for (int d = 0; d < dims.size(); d++) {
                String v = r.getString(i, dims.get(d));
                if (v != null && !ALL.equals(v)) {
                    rows.add(Arrays.asList(
                            labels.get(d),
                            v,
                            r.getLong(i, "people"),
                            total,
                            Percentages.share(r.getLong(i, "people"), total)));
                }
                if (d == 0 && Totals.ALL.equals(v)) {
                    for (String reg : RiskCohort.REGISTERS) {
                        Object n = r.get(i, RiskCohort.registerColumn(reg));
                        long on = n == null ? 0L : ((Number) n).longValue();
                        rows.add(Arrays.asList("On the register", reg, on, total, Percentages.share(on, total)));
                    }
                }
            }
        }
        List<String> order = new ArrayList<>(labels);
        order.add("On the register");
        rows.sort(java.util.Comparator.comparing((List<Object> row) -> order.indexOf((String) row.get(0)))
                .thenComparing(row -> (String) row.get(1)));
        return new AnalysisTable(
                "profile",
                "Who is in the cohort",
                List.of(
                        text("dimension", "Breakdown"),
                        text("group", "Group"),
                        count("people", "People in the cohort in the group"),
                        count("cohort_people", "People in the cohort"),
                        AnalysisTable.Column.derived(
                                "share_pct",
                                "Share of the cohort, %",
                                new AnalysisTable.Ratio("people", "cohort_people", 100))),
                rows);
    }

    /**
     * The cohort's hospital use and referrals in the 12 months before the index date, in total and per head: one
     * row. Admissions, spells and referrals are counts of events (rounded like people); bed days and cost are
     * measures of the same people (withheld with them).
     */
    public static AnalysisTable activity(Engine engine, CohortDefinition cohort, Query facts) {
        List<String[]> events = List.of(
                new String[] {"emergency_12m", "emergency_admissions", "Emergency admissions"},
                new String[] {"elective_12m", "elective_spells", "Elective spells"},
                new String[] {"community_referrals_12m", "community_referrals", "Community referrals"},
                new String[] {"mh_referrals_12m", "mental_health_referrals", "Mental health referrals"});
        List<String[]> amounts = List.of(
                new String[] {"bed_days_12m", "bed_days", "Bed days"},
                new String[] {"cost_12m", "cost_gbp", "Spell cost, £"});
        List<Measure> m = new ArrayList<>(List.of(countRows("people")));
        java.util.stream.Stream.concat(events.stream(), amounts.stream()).forEach(e -> m.add(sum(e[0], col(e[0]))));
        Result r = engine.execute(facts.where(inCohort(cohort)).aggregate(List.of(), m.toArray(Measure[]::new)));
        long people = r.getLong(0, "people");
        List<AnalysisTable.Column> columns = new ArrayList<>(List.of(count("people", "People in the cohort")));
        List<Object> row = new ArrayList<>(List.of(people));
        List<Object> perHead = new ArrayList<>();
        List<AnalysisTable.Column> perHeadColumns = new ArrayList<>();
        for (String[] e : events) {
            columns.add(count(e[1], e[2] + " in the 12 months before"));
        }
        for (String[] e : amounts) {
            columns.add(AnalysisTable.Column.measure(e[1], e[2] + " in the 12 months before"));
        }
        for (String[] e : java.util.stream.Stream.concat(events.stream(), amounts.stream())
                .toList()) {
            Object v = r.get(0, e[0]);
            long total = v == null ? 0L : Math.round(((Number) v).doubleValue());
            row.add(total);
            perHead.add(people == 0 ? null : (double) total / people);
            perHeadColumns.add(AnalysisTable.Column.derived(
                    e[1] + "_per_head", e[2] + " per head", new AnalysisTable.Ratio(e[1], "people", 1)));
        }
        columns.addAll(perHeadColumns);
        row.addAll(perHead);
        return new AnalysisTable(
                "activity", "The cohort's activity in the 12 months before the index date", columns, List.of(row));
    }

    /**
     * The person list of one scope (a practice or a neighbourhood), pseudonymised: person_id, practice and
     * neighbourhood, then the cohort's list facts; by person_id, at most {@link #MAX_LIST_ROWS}.
     */
    public static Query list(CohortDefinition cohort, Query facts, String scopeColumn, String scopeCode) {
        List<Named> out = new ArrayList<>(List.of(
                Named.as("person_id", col("person_id")),
                Named.as("practice_code", col("practice_code")),
                Named.as("neighbourhood_code", col("neighbourhood_code"))));
        for (String f : cohort.list()) {
            if (!List.of("person_id", "practice_code", "neighbourhood_code").contains(f)) {
                out.add(Named.as(f, col(f)));
            }
        }
        return facts.where(Expr.and(inCohort(cohort), col(scopeColumn).eq(scopeCode)))
                .select(out.toArray(Named[]::new))
                .orderBy(SortKey.asc("person_id"))
                .limit(MAX_LIST_ROWS);
    }
}
