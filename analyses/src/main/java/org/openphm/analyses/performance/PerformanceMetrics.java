package org.openphm.analyses.performance;

import static org.openphm.engine.query.Expr.col;
import static org.openphm.engine.query.Expr.in;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.openphm.engine.Engine;
import org.openphm.engine.Result;
import org.openphm.engine.query.Query;
import org.openphm.engine.query.SortKey;
import org.openphm.model.CanonicalSchema;
import org.openphm.stats.Polarity;

/**
 * Reads series from the performance_metric feed. The feed is already an aggregate (one row per metric,
 * organisation and month, a few thousand rows in all), so the rows come into Java for SPC, which is not an
 * engine computation.
 */
public final class PerformanceMetrics {
    private PerformanceMetrics() {}

    /** Every organisation's series of the given metrics, in metric, organisation order. */
    public static List<MetricSeries> load(Engine engine, Collection<String> metricIds) {
        Result r = engine.execute(Query.from(CanonicalSchema.PERFORMANCE_METRIC)
                .where(in(col("metric_id"), List.copyOf(metricIds)))
                .orderBy(SortKey.asc("metric_id"), SortKey.asc("org_code"), SortKey.asc("month")));
        List<MetricSeries> all = new ArrayList<>();
        List<MetricPoint> points = new ArrayList<>();
        for (int i = 0; i < r.size(); i++) {
            Double value = r.getDouble(i, "value");
            if (value != null) {
                points.add(new MetricPoint(
                        YearMonth.parse(r.getString(i, "month")),
                        value,
                        r.getDouble(i, "threshold"),
                        r.getDouble(i, "target"),
                        r.getDouble(i, "regional_value"),
                        r.getDouble(i, "national_value"),
                        r.getLong(i, "regional_rank"),
                        r.getLong(i, "national_rank")));
            }
            boolean last = i == r.size() - 1 || !sameSeries(r, i, i + 1);
            if (last && !points.isEmpty()) {
                all.add(new MetricSeries(
                        r.getString(i, "metric_id"),
                        r.getString(i, "name"),
                        r.getString(i, "unit"),
                        Polarity.of(r.getString(i, "polarity")),
                        r.getString(i, "org_code"),
                        points));
                points = new ArrayList<>();
            } else if (last) {
                points = new ArrayList<>();
            }
        }
        return all;
    }

    private static boolean sameSeries(Result r, int a, int b) {
        return r.getString(a, "metric_id").equals(r.getString(b, "metric_id"))
                && r.getString(a, "org_code").equals(r.getString(b, "org_code"));
    }
}
