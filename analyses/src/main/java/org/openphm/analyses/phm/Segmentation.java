package org.openphm.analyses.phm;

import static org.openphm.analyses.catalogue.AnalysisTable.Column.count;
import static org.openphm.analyses.catalogue.AnalysisTable.Column.integer;
import static org.openphm.analyses.catalogue.AnalysisTable.Column.text;
import static org.openphm.engine.query.Expr.col;
import static org.openphm.engine.query.Expr.isNull;
import static org.openphm.engine.query.Expr.lit;
import static org.openphm.engine.query.Expr.when;
import static org.openphm.engine.query.Measure.countRows;
import static org.openphm.engine.query.Measure.sum;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openphm.analyses.catalogue.Analysis;
import org.openphm.analyses.catalogue.AnalysisContext;
import org.openphm.analyses.catalogue.AnalysisInfo;
import org.openphm.analyses.catalogue.AnalysisTable;
import org.openphm.analyses.conditions.AreaGrouping;
import org.openphm.analyses.indicator.Geography;
import org.openphm.engine.Result;
import org.openphm.engine.query.Named;
import org.openphm.engine.query.Query;
import org.openphm.model.AreaType;
import org.openphm.model.results.ChartSpec;

/**
 * Population health management II, item 1 (issue 13): every registered person in one need segment by the
 * priority-ordered rules of {@link SegmentRules}, on the same index date the risk model scores (the start of the
 * latest year), counted by area with their hospital use in the 12 months before; and how people moved between
 * segments over the year before it. Person-level segments never leave the engine.
 */
public final class Segmentation implements Analysis {
    public static final String ID = "phm-13.2-population-segments";
    static final String NOT_REGISTERED = "Not yet registered";
    static final String LEFT = "Left or died";

    private final SegmentRules rules;

    public Segmentation() {
        this(SegmentRules.standard());
    }

    public Segmentation(SegmentRules rules) {
        this.rules = rules;
    }

    /** Person-level: person_id, the facts of {@link PersonFacts} and segment, on the index date. */
    public static Query segmented(SegmentRules rules, LocalDate index) {
        return PersonFacts.on(index).derive(Named.as("segment", rules.segmentOf()));
    }

    @Override
    public AnalysisInfo info() {
        return new AnalysisInfo(
                ID,
                "PHM 13.2",
                "Population segments: who needs what kind of care",
                "Every registered person in exactly one need segment, by open priority-ordered rules (rules "
                        + rules.version() + "): end of life, frailty and dementia, organ failure with exacerbations, "
                        + "complex multimorbidity, serious mental illness or learning disability, stable long-term "
                        + "conditions, early years, healthy. A person meeting several rules is in the first.",
                "Segments on the start of the latest year from registers, age, the partial electronic Frailty Index "
                        + "and emergency admissions in the 12 months before; counted by ICB, Place, neighbourhood, PCN "
                        + "and practice with the emergency admissions, bed days and spell cost of the 12 months "
                        + "before, per head. Transitions compare each person's segment a year earlier with the "
                        + "latest (people registering or leaving in between shown as such).",
                rules.source() + " Canonical tables: patient, registration, practice, lsoa, condition, spell, "
                        + "referral, observation.",
                List.of(
                        "The rules are a file (phm/segments.json, schema phm/segments.schema.json); an ICB may use "
                                + "its own and the pack prints whichever was used.",
                        "Frailty is found from registers only (a partial eFI), so the frailty segment holds the "
                                + "frailest, not all the frail; maternity is not held in the canonical data.",
                        "Segments describe need for planning and for a team to review; they are not a clinical "
                                + "assessment."),
                List.of(
                        ChartSpec.ofTable(
                                "table", "How each segment is defined", null, "definitions", Map.of(), Map.of(), null),
                        ChartSpec.ofTable(
                                "bar_ci",
                                "People by segment, whole ICB",
                                null,
                                "segments",
                                Map.of("area_type", AreaType.ICB.label()),
                                Map.of("x", "segment", "y", "share_pct"),
                                "%"),
                        ChartSpec.ofTable(
                                "table",
                                "Segments by Place: size, share and hospital use per head",
                                null,
                                "segments",
                                Map.of("area_type", AreaType.anyOf(AreaType.ICB, AreaType.PLACE)),
                                Map.of(),
                                null),
                        ChartSpec.ofTable(
                                "sankey",
                                "Movement between segments over the year",
                                "People by their " + "segment a year before (left) and now (right), whole ICB",
                                "transitions",
                                Map.of("area_type", AreaType.ICB.label()),
                                Map.of("from", "segment_from", "to", "segment_to", "value", "people"),
                                null)));
    }

    @Override
    public List<AnalysisTable> compute(AnalysisContext context) {
        LocalDate index = context.latestYear().start();
        return List.of(definitions(), bySegment(context, index), transitions(context, index));
    }

    private AnalysisTable definitions() {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < rules.segments().size(); i++) {
            SegmentRules.Segment s = rules.segments().get(i);
            rows.add(Arrays.asList(
                    (long) i + 1, s.name(), s.definition(), s.rule().describe()));
        }
        return new AnalysisTable(
                "definitions",
                "The segment rules, version " + rules.version() + ", in priority order",
                List.of(
                        integer("priority", "1 = checked first"),
                        text("segment", "Segment"),
                        text("definition", "Definition"),
                        text("rule", "The rule as the engine runs it")),
                rows);
    }

    private AnalysisTable bySegment(AnalysisContext context, LocalDate index) {
        AreaGrouping areas = new AreaGrouping(
                List.of(AreaType.ICB, AreaType.PLACE, AreaType.NEIGHBOURHOOD, AreaType.PCN, AreaType.PRACTICE));
        Result r = context.engine()
                .execute(segmented(rules, index)
                        .aggregate(
                                areas.keys(List.of(), List.of("segment")),
                                areas.sets(List.of(List.of()), List.of("segment")),
                                countRows("people"),
                                sum("emergency_12m", col("emergency_12m")),
                                sum("bed_days_12m", col("bed_days_12m")),
                                sum("cost_12m", col("cost_12m"))));
        Geography geography = context.geography();
        List<String> order = rules.names();
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < r.size(); i++) {
            Geography.Area area = geography.area(areas.areaOf(r, i));
            rows.add(new ArrayList<>(Arrays.asList(
                    area.type().label(),
                    area.code(),
                    area.name(),
                    r.getString(i, "segment"),
                    r.getLong(i, "people"),
                    ((Number) r.get(i, "emergency_12m")).longValue(),
                    ((Number) r.get(i, "bed_days_12m")).longValue(),
                    Math.round(((Number) r.get(i, "cost_12m")).doubleValue()))));
        }
        rows.sort(Comparator.comparing(
                        (List<Object> row) -> AreaType.valueOf(((String) row.get(0)).toUpperCase(Locale.ROOT))
                                .ordinal())
                .thenComparing(row -> (String) row.get(1))
                .thenComparing(row -> order.indexOf((String) row.get(3))));
        Map<List<Object>, Long> areaTotals = totals(rows, List.of(1), 4);
        for (List<Object> row : rows) {
            long people = (Long) row.get(4);
            row.add(4 + 1, 100.0 * people / areaTotals.get(List.of(row.get(1))));
            row.add(1000.0 * (Long) row.get(6) / people);
            row.add((double) (Long) row.get(7) / people);
            row.add((double) (Long) row.get(8) / people);
        }
        return new AnalysisTable(
                "segments",
                "People by need segment on " + index + " and area, with their hospital "
                        + "use in the 12 months before",
                List.of(
                        text("area_type", "ICB, Place, Neighbourhood, PCN or Practice"),
                        text("area_code", "Area code"),
                        text("area_name", "Area name"),
                        text("segment", "Need segment"),
                        count("people", "People registered in the area in the segment"),
                        AnalysisTable.Column.derived(
                                "share_pct",
                                "Share of the area's registered people, %",
                                new AnalysisTable.ShareOfTotal("people", List.of("area_code"), 100)),
                        count("emergency_admissions_12m", "Their emergency admissions in the 12 months before"),
                        AnalysisTable.Column.measure("bed_days_12m", "Their bed days in the 12 months before"),
                        AnalysisTable.Column.measure("cost_12m_gbp", "Cost of their spells in the 12 months before, £"),
                        AnalysisTable.Column.derived(
                                "emergency_per_1000",
                                "Emergency admissions per 1,000 people",
                                new AnalysisTable.Ratio("emergency_admissions_12m", "people", 1000)),
                        AnalysisTable.Column.derived(
                                "bed_days_per_head",
                                "Bed days per head",
                                new AnalysisTable.Ratio("bed_days_12m", "people", 1)),
                        AnalysisTable.Column.derived(
                                "cost_per_head_gbp",
                                "Spell cost per head, £",
                                new AnalysisTable.Ratio("cost_12m_gbp", "people", 1))),
                rows);
    }

    private AnalysisTable transitions(AnalysisContext context, LocalDate index) {
        LocalDate before = index.minusYears(1);
        Query then = segmented(rules, before)
                .select(
                        Named.as("person_id", col("person_id")),
                        Named.as("segment_from", col("segment")),
                        Named.as("place_from", col("place_code")),
                        Named.as("icb_from", col("icb_code")));
        Query now = segmented(rules, index)
                .select(
                        Named.as("person_id", col("person_id")),
                        Named.as("segment_to", col("segment")),
                        Named.as("place_to", col("place_code")),
                        Named.as("icb_to", col("icb_code")));
        // a full outer join as two left joins: everyone there a year ago, then those who came since
        Query stayedOrLeft = then.leftJoin(now, "person_id")
                .select(
                        Named.as("segment_from", col("segment_from")),
                        Named.as(
                                "segment_to",
                                when(isNull(col("segment_to")), lit(LEFT)).otherwise(col("segment_to"))),
                        Named.as(
                                "place_code",
                                when(isNull(col("place_to")), col("place_from")).otherwise(col("place_to"))),
                        Named.as("icb_code", col("icb_from")));
        Query arrived = now.leftJoin(
                        then.select(Named.as("person_id", col("person_id")), Named.as("was_there", lit(1L))),
                        "person_id")
                .where(isNull(col("was_there")))
                .select(
                        Named.as("segment_from", lit(NOT_REGISTERED)), Named.as("segment_to", col("segment_to")),
                        Named.as("place_code", col("place_to")), Named.as("icb_code", col("icb_to")));
        AreaGrouping areas = new AreaGrouping(List.of(AreaType.ICB, AreaType.PLACE));
        List<String> detail = List.of("segment_from", "segment_to");
        Result r = context.engine()
                .execute(stayedOrLeft
                        .unionAll(arrived)
                        .aggregate(
                                areas.keys(List.of(), detail),
                                areas.sets(List.of(List.of()), detail),
                                countRows("people")));
        List<String> order = new ArrayList<>(List.of(NOT_REGISTERED));
        order.addAll(rules.names());
        order.add(LEFT);
        Geography geography = context.geography();
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < r.size(); i++) {
            Geography.Area area = geography.area(areas.areaOf(r, i));
            rows.add(new ArrayList<>(Arrays.asList(
                    area.type().label(),
                    area.code(),
                    area.name(),
                    r.getString(i, "segment_from"),
                    r.getString(i, "segment_to"),
                    r.getLong(i, "people"))));
        }
        rows.sort(Comparator.comparing(
                        (List<Object> row) -> AreaType.valueOf(((String) row.get(0)).toUpperCase(Locale.ROOT))
                                .ordinal())
                .thenComparing(row -> (String) row.get(1))
                .thenComparing(row -> order.indexOf((String) row.get(3)))
                .thenComparing(row -> order.indexOf((String) row.get(4))));
        Map<List<Object>, Long> fromTotals = totals(rows, List.of(1, 3), 5);
        for (List<Object> row : rows) {
            row.add(100.0 * (Long) row.get(5) / fromTotals.get(List.of(row.get(1), row.get(3))));
        }
        return new AnalysisTable(
                "transitions",
                "Segment on " + before + " against segment on " + index + " (Place as of the later date)",
                List.of(
                        text("area_type", "ICB or Place"),
                        text("area_code", "Area code"),
                        text("area_name", "Area name"),
                        text("segment_from", "Segment a year before (or not yet registered)"),
                        text("segment_to", "Segment now (or left the ICB's lists or died)"),
                        count("people", "People"),
                        AnalysisTable.Column.derived(
                                "share_of_from_pct",
                                "Share of the people in the earlier segment, %",
                                new AnalysisTable.ShareOfTotal("people", List.of("area_code", "segment_from"), 100))),
                rows);
    }

    /** The sum of column {@code value} over the rows agreeing on the {@code key} columns. */
    private static Map<List<Object>, Long> totals(List<List<Object>> rows, List<Integer> key, int value) {
        Map<List<Object>, Long> totals = new java.util.HashMap<>();
        for (List<Object> row : rows) {
            totals.merge(key.stream().map(row::get).toList(), (Long) row.get(value), Long::sum);
        }
        return totals;
    }
}
