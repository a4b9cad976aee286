package org.openphm.analyses.performance;

import static org.openphm.analyses.catalogue.AnalysisTable.Column.integer;
import static org.openphm.analyses.catalogue.AnalysisTable.Column.number;
import static org.openphm.analyses.catalogue.AnalysisTable.Column.text;
import static org.openphm.engine.query.Expr.col;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.openphm.analyses.catalogue.Analysis;
import org.openphm.analyses.catalogue.AnalysisContext;
import org.openphm.analyses.catalogue.AnalysisInfo;
import org.openphm.analyses.catalogue.AnalysisTable;
import org.openphm.engine.Result;
import org.openphm.engine.query.Query;
import org.openphm.engine.query.SortKey;
import org.openphm.model.CanonicalSchema;
import org.openphm.model.results.ChartSpec;
import org.openphm.stats.Polarity;

/**
 * DP 7.3: the NHS England ICB and Region Mental Health Performance Dashboard for the East of England — for each
 * measure (% of plan and % change, or difference from plan and change) the region and its six ICBs, with the
 * DP's colour keys and the ICB's rank among the six. The feed holds it as performance_metric rows whose ids
 * start "mhb_", all at the table's reference month.
 */
public final class RegionalBenchmarking implements Analysis {

    public static final String ID = "dp-7.3-regional-benchmarking";
    static final String PREFIX = "mhb_";

    @Override
    public AnalysisInfo info() {
        return new AnalysisInfo(
                ID,
                "DP 7.3",
                "Mental health benchmarking: East of England ICBs",
                "For each mental health measure (CYP access, perinatal access, Talking Therapies courses, reliable "
                        + "improvement and recovery, adult acute length of stay, inappropriate out of area "
                        + "placements, IPS access): the % of the 2024/25 operational plan achieved (or the "
                        + "difference from plan) and the change on the previous quarter (Talking Therapies courses: "
                        + "on the same period last year; LoS and OAPs: absolute change), by ICB and for the region.",
                "Read from the feed at its latest month. Colour keys as DP 7.3: % of plan <95% red, 95% to under "
                        + "100% amber, 100% or more green; change worsened red, no change or under 0.5 improvement "
                        + "amber, 0.5 or more green, with improvement taken in the measure's direction. Rank 1 = "
                        + "best of the six ICBs.",
                "performance_metric feed, measures mhb_* (NHS England ICB and Region MH Performance Dashboard, "
                        + "rolling periods to May-25, DP 7.3).",
                List.of(
                        "Rolling periods differ by measure (12 months for access, year to date for Talking Therapies "
                                + "courses, 3 months for LoS, the month for OAPs), as in DP 7.3.",
                        "The DP prints no key for 'difference from plan' columns: they are shown as at/better than or "
                                + "worse than plan in the measure's direction (our reading).",
                        "Absolute changes (points, days, placements) use the DP's 0.5 boundary in their own unit."),
                List.of(
                        ChartSpec.ofTable(
                                "table",
                                "Mental health benchmarking, East of England ICBs",
                                "% of plan and change with the DP 7.3 colour keys",
                                "by-organisation",
                                Map.of(),
                                Map.of(),
                                null),
                        ChartSpec.ofTable(
                                "ranked_table",
                                "CYP access: % of 2024/25 plan",
                                "Rolling 12 months",
                                "by-organisation",
                                Map.of("metric_id", "mhb_cyp_access_pct_plan"),
                                Map.of("y", "value"),
                                "%")));
    }

    @Override
    public List<AnalysisTable> compute(AnalysisContext context) {
        Result r = context.engine()
                .execute(Query.from(CanonicalSchema.PERFORMANCE_METRIC)
                        .where(col("metric_id").startsWith(PREFIX))
                        .orderBy(SortKey.asc("metric_id"), SortKey.asc("month"), SortKey.asc("org_code")));
        String month = null;
        for (int i = 0; i < r.size(); i++) {
            String m = r.getString(i, "month");
            month = month == null || m.compareTo(month) > 0 ? m : month;
        }
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < r.size(); i++) {
            String id = r.getString(i, "metric_id");
            BenchmarkKey.Kind kind = BenchmarkKey.Kind.of(id);
            Double value = r.getDouble(i, "value");
            if (!r.getString(i, "month").equals(month) || kind == null || value == null) {
                continue;
            }
            Polarity polarity = Polarity.of(r.getString(i, "polarity"));
            BenchmarkKey key = BenchmarkKey.of(kind, polarity, value);
            String org = r.getString(i, "org_code");
            boolean region = r.getDouble(i, "regional_value") == null;
            String name = r.getString(i, "name");
            rows.add(Arrays.asList(
                    month,
                    kind.stem(id).substring(PREFIX.length()),
                    id,
                    name,
                    kind.label(),
                    r.getString(i, "unit"),
                    polarity.code(),
                    org,
                    Organisations.name(org),
                    region ? "Region" : "ICB",
                    value,
                    r.getDouble(i, "regional_value"),
                    r.getLong(i, "regional_rank"),
                    key.label(),
                    key.colour()));
        }
        rows.sort((a, b) -> {
            int c = ((String) a.get(2)).compareTo((String) b.get(2));
            // the region first, then ICBs as the DP lists them (alphabetically)
            return c != 0
                    ? c
                    : ((String) b.get(9)).compareTo((String) a.get(9)) != 0
                            ? ((String) b.get(9)).compareTo((String) a.get(9))
                            : ((String) a.get(8)).compareTo((String) b.get(8));
        });
        return List.of(new AnalysisTable(
                "by-organisation",
                "Each measure for the region and each ICB",
                List.of(
                        text("month", "Reference month of the table"),
                        text("measure", "Measure (stem of the metric id)"),
                        text("metric_id", "Metric"),
                        text("metric_name", "What the column measures"),
                        text("kind", "% of plan, Difference from plan, % change or Change"),
                        text("unit", "Unit"),
                        text("polarity", "Which direction is better"),
                        text("org_code", "Organisation code"),
                        text("org_name", "Region or ICB"),
                        text("org_type", "Region or ICB"),
                        number("value", "Value"),
                        number("regional_value", "The region's value (ICB rows)"),
                        integer("regional_rank", "Rank among the six ICBs, 1 = best (ties share the better rank)"),
                        text("key", "DP 7.3 colour key"),
                        text("colour", "red, amber or green")),
                rows));
    }
}
