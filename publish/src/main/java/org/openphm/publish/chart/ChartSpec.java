package org.openphm.publish.chart;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * A chart description, as analyses put it into metadata.json: WHAT to draw from WHICH data, never how. The
 * print renderer (JFreeChart SVG) and the dashboard (ECharts) both draw from it, via {@link ChartResolver}.
 * The JSON format is documented in publish/README.md.
 *
 * @param kind     pyramid | trend | bar_ci | heatmap | comorbidity | spc | projection | sankey | waterfall |
 *                 ranked_table | table; anything else
 *                 is drawn as a table, so a newer analysis never breaks an older pack writer
 * @param data     where the rows come from: an indicator (+ filter) or an analysis table file (+ filter)
 * @param encoding which column plays which role (x, y, series, lower, upper, significance, ...); roles an
 *                 indicator source leaves out default to the tidy indicator columns
 * @param unit     "%" or a rate label such as "per 100,000"; defaults to the indicator's value type
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChartSpec(String kind, String title, String subtitle, DataRef data, Map<String, String> encoding,
                        @JsonProperty("x_label") String xLabel, @JsonProperty("y_label") String yLabel,
                        String unit) {

    public ChartSpec {
        encoding = encoding == null ? Map.of() : Map.copyOf(encoding);
    }

    /** The role's column: the encoding's, else the default. */
    public String column(String role, String fallback) {
        String c = encoding.get(role);
        return c == null || c.isBlank() ? fallback : c;
    }

    /**
     * @param indicator an indicator id in indicators.csv, or null
     * @param table     an analysis table file relative to results/, or null
     * @param filter    column = value (alternatives "A|B"; "" = empty cell; period "latest" = newest period)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DataRef(String indicator, String table, Map<String, String> filter) {
        public DataRef {
            filter = filter == null ? Map.of() : Map.copyOf(filter);
        }

        public static DataRef ofIndicator(String id, Map<String, String> filter) {
            return new DataRef(id, null, filter);
        }

        public static DataRef ofTable(String file, Map<String, String> filter) {
            return new DataRef(null, file, filter);
        }
    }
}
