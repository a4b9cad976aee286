package org.openphm.analyses.indicator;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.openphm.engine.Engine;
import org.openphm.engine.Result;
import org.openphm.engine.query.Query;
import org.openphm.model.CanonicalSchema;
import org.openphm.model.Totals;

/** England values by indicator and period (the england_comparator table), flagged when synthetic. */
public final class EnglandComparator {

    public record Value(double value, boolean synthetic, String source) {}

    private final Map<String, Value> values = new HashMap<>();

    public static EnglandComparator load(Engine engine) {
        EnglandComparator c = new EnglandComparator();
        Result r = engine.execute(Query.from(CanonicalSchema.ENGLAND_COMPARATOR));
        for (int i = 0; i < r.size(); i++) {
            if (!Totals.PERSONS.equals(r.getString(i, "sex"))) {
                continue;
            }
            Object synthetic = r.get(i, "synthetic");
            c.put(
                    r.getString(i, "indicator_id"),
                    r.getString(i, "period"),
                    new Value(r.getDouble(i, "value"), Boolean.TRUE.equals(synthetic), r.getString(i, "source")));
        }
        return c;
    }

    public static EnglandComparator empty() {
        return new EnglandComparator();
    }

    public void put(String indicatorId, String period, Value v) {
        values.put(indicatorId + "|" + period, v);
    }

    public Optional<Value> get(String indicatorId, String period) {
        return Optional.ofNullable(values.get(indicatorId + "|" + period));
    }

    /**
     * England's published value: a synthetic one (a published year projected forward) is no published figure, so
     * it may neither be drawn as England nor decide significance.
     */
    public Optional<Value> published(String indicatorId, String period) {
        return get(indicatorId, period).filter(v -> !v.synthetic());
    }
}
