package org.openphm.model.results;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A chart description, as analyses declare it and metadata.json carries it: WHAT to draw from WHICH data, never
 * how. The print renderer (JFreeChart SVG) and the dashboard (ECharts) both draw from it. The JSON format is
 * documented in publish/README.md.
 *
 * @param kind     a {@link ChartKind} in lower case; a reader draws anything it does not know as a table, so a
 *                 newer analysis never breaks an older pack writer
 * @param data     where the rows come from: an indicator (+ filter) or an analysis table (+ filter)
 * @param encoding which column plays which {@link ChartRole} (x, y, series, lower, upper, ...); roles an
 *                 indicator source leaves out default to the tidy indicator columns
 * @param unit     "%" or a rate label such as "per 100,000"; defaults to the indicator's value type
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"kind", "title", "subtitle", "data", "encoding", "x_label", "y_label", "unit"})
public record ChartSpec(
        String kind,
        String title,
        String subtitle,
        DataRef data,
        Map<String, String> encoding,
        @JsonProperty("x_label") String xLabel,
        @JsonProperty("y_label") String yLabel,
        String unit) {

    public ChartSpec {
        encoding = sorted(encoding);
    }

    /**
     * A chart over one of the declaring analysis's own tables, named by its short name ("by-place"); the
     * analysis resolves it to the table's file when it publishes its metadata ({@link #withTableFile}).
     */
    public static ChartSpec ofTable(
            String kind,
            String title,
            String subtitle,
            String table,
            Map<String, String> filter,
            Map<String, String> encoding,
            String unit) {
        return new ChartSpec(kind, title, subtitle, DataRef.ofTable(table, filter), encoding, null, null, unit);
    }

    /** The same chart drawing from {@code file} (relative to results/) instead of the table it names. */
    public ChartSpec withTableFile(String file) {
        return new ChartSpec(
                kind, title, subtitle, DataRef.ofTable(file, data.filter()), encoding, xLabel, yLabel, unit);
    }

    /** The role's column: the encoding's, else the default. */
    public String column(ChartRole role, String fallback) {
        String c = encoding.get(role.code());
        return c == null || c.isBlank() ? fallback : c;
    }

    @JsonIgnore
    public ChartKind chartKind() {
        return ChartKind.parse(kind);
    }

    /**
     * @param indicator an indicator id in indicators.csv, or null
     * @param table     an analysis table file relative to results/, or null
     * @param filter    column = value (alternatives "A|B"; "" = empty cell; period "latest" = newest period)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"indicator", "table", "filter"})
    public record DataRef(String indicator, String table, Map<String, String> filter) {
        public DataRef {
            filter = sorted(filter);
        }

        public static DataRef ofIndicator(String id, Map<String, String> filter) {
            return new DataRef(id, null, filter);
        }

        public static DataRef ofTable(String file, Map<String, String> filter) {
            return new DataRef(null, file, filter);
        }
    }

    // Sorted, so metadata.json is the same file on every run (Map.copyOf iterates in a per-JVM order).
    private static Map<String, String> sorted(Map<String, String> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(map));
    }
}
