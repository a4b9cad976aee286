package org.openphm.analyses.indicator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openphm.engine.Result;

/** A grouped count read as key to count, whole numbers compared as longs whatever type the engine gave them. */
public final class CountedCells {
    private CountedCells() {}

    public static Map<List<Object>, Long> of(Result r, List<String> keys, String count) {
        Map<List<Object>, Long> out = new HashMap<>();
        for (int i = 0; i < r.size(); i++) {
            List<Object> key = new ArrayList<>();
            for (String k : keys) {
                Object v = r.get(i, k);
                key.add(v instanceof Number n ? (Object) n.longValue() : v);
            }
            out.put(key, r.getLong(i, count));
        }
        return out;
    }
}
