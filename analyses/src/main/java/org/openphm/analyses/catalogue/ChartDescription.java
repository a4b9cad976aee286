package org.openphm.analyses.catalogue;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A chart over one of an analysis's tables, in the chart-description format publish draws from
 * (publish/README.md): kind (pyramid, trend, bar_ci, heatmap, spc, projection, ranked_table, table), the
 * table and a row filter, and which column plays which role (x, y, series, lower, upper, ...).
 */
public record ChartDescription(String kind, String title, String subtitle, String table, Map<String, String> filter,
                               Map<String, String> encoding, String unit) {

    public ChartDescription {
        // Sorted, so metadata.json is the same file on every run (Map.copyOf iterates in a per-JVM order).
        filter = filter == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(filter));
        encoding = encoding == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(encoding));
    }

    /** The JSON shape of metadata.json, with the table resolved to its file. */
    public Map<String, Object> json(AnalysisInfo owner) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("kind", kind);
        c.put("title", title);
        if (subtitle != null) {
            c.put("subtitle", subtitle);
        }
        c.put("data", Map.of("table", owner.file(table), "filter", filter));
        c.put("encoding", encoding);
        if (unit != null) {
            c.put("unit", unit);
        }
        return c;
    }
}
