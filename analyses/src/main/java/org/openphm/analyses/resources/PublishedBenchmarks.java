package org.openphm.analyses.resources;

import static org.openphm.engine.query.Expr.col;
import static org.openphm.engine.query.Expr.in;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openphm.engine.Engine;
import org.openphm.engine.Result;
import org.openphm.engine.query.Query;
import org.openphm.engine.query.SortKey;
import org.openphm.model.CanonicalSchema;

/**
 * Single-period benchmarks the seeds give only as text (MH vacancy by sector vs national from the NHSE Workforce
 * Census 2024; community spend per head vs England; MH share of allocation), which the feeds carry as
 * performance_metric rows: they are shown as supplied, next to what the workspace computes.
 */
final class PublishedBenchmarks {
    private PublishedBenchmarks() {}

    record Benchmark(
            String metricId,
            String name,
            String unit,
            String orgCode,
            String month,
            double value,
            Double nationalValue,
            Long nationalRank) {}

    static List<Benchmark> load(Engine engine, List<String> metricIds) {
        Result r = engine.execute(Query.from(CanonicalSchema.PERFORMANCE_METRIC)
                .where(in(col("metric_id"), metricIds))
                .select("metric_id", "name", "unit", "org_code", "month", "value", "national_value", "national_rank")
                .orderBy(SortKey.asc("metric_id"), SortKey.asc("org_code"), SortKey.asc("month")));
        List<Benchmark> out = new ArrayList<>();
        for (Map<String, Object> m : r.asMaps()) {
            out.add(new Benchmark(
                    (String) m.get("metric_id"),
                    (String) m.get("name"),
                    (String) m.get("unit"),
                    (String) m.get("org_code"),
                    (String) m.get("month"),
                    (Double) m.get("value"),
                    (Double) m.get("national_value"),
                    (Long) m.get("national_rank")));
        }
        return out;
    }
}
