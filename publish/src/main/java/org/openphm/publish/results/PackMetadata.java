package org.openphm.publish.results;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.openphm.publish.chart.ChartSpec;

/**
 * {@code results/metadata.json}: what the build computed and how a reader should trust it. Read tolerantly
 * (unknown fields ignored, missing lists empty) because analyses are added independently of this module.
 */
public record PackMetadata(@JsonProperty("schema_version") int schemaVersion,
                           @JsonProperty("generated_at") String generatedAt,
                           String population,
                           List<Section> sections,
                           List<IndicatorInfo> indicators,
                           List<AnalysisInfo> analyses) {

    public PackMetadata {
        sections = sections == null ? List.of() : List.copyOf(sections);
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
        analyses = analyses == null ? List.of() : List.copyOf(analyses);
    }

    /** One of the seed Data Pack's twelve sections, in its order. */
    public record Section(int number, String title) {}

    /** An indicator in the tidy results, with what is shown beside its charts. */
    public record IndicatorInfo(String id, String name, String section, String definition, String source,
                                String method, @JsonProperty("value_type") String valueType, Double multiplier,
                                String polarity, String comparator, List<String> breakdowns,
                                List<String> caveats, List<ChartSpec> charts) {
        public IndicatorInfo {
            breakdowns = breakdowns == null ? List.of() : List.copyOf(breakdowns);
            caveats = caveats == null ? List.of() : List.copyOf(caveats);
            charts = charts == null ? List.of() : List.copyOf(charts);
        }
    }

    /** An analysis with its own tables (projections, matrices, SPC series, registers). */
    public record AnalysisInfo(String id, String section, String title, String definition, String method,
                               String source, List<String> caveats, List<TableInfo> tables,
                               List<ChartSpec> charts) {
        public AnalysisInfo {
            caveats = caveats == null ? List.of() : List.copyOf(caveats);
            tables = tables == null ? List.of() : List.copyOf(tables);
            charts = charts == null ? List.of() : List.copyOf(charts);
        }
    }

    /** One table file of an analysis, relative to results/. */
    public record TableInfo(String name, String file, List<ColumnInfo> columns) {
        public TableInfo {
            columns = columns == null ? List.of() : List.copyOf(columns);
        }
    }

    public record ColumnInfo(String name, String type, String description) {}
}
