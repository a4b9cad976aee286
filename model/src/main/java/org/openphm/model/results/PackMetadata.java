package org.openphm.model.results;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * {@code results/metadata.json}: what the build computed and how a reader should trust it. The build writes
 * exactly these records; publish, the dashboard and the API read them back. Read tolerantly (unknown fields
 * ignored, missing lists empty), so that a pack writer reads a newer build's metadata.
 *
 * @param disclosure the publication rule and the disclosure class of every column of the indicator files
 *                   (analysis tables declare theirs with their columns): what the output check holds files to
 * @param runSeconds how long each indicator family and analysis took to compute, in build order, and the
 *                   build's total ("Total"): where the time of a build goes
 * @param reusedFromCache the steps of {@code runSeconds} (indicator families by year, analyses) whose results an
 *                        incremental build took from its cache, their inputs and code being unchanged; the
 *                        others were computed (their time is then the computation's, else the reading's)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
    "schema_version",
    "generated_at",
    "population",
    "sections",
    "indicators",
    "analyses",
    "disclosure",
    "run_seconds",
    "reused_from_cache"
})
public record PackMetadata(
        @JsonProperty("schema_version") int schemaVersion,
        @JsonProperty("generated_at") String generatedAt,
        String population,
        List<Section> sections,
        List<IndicatorInfo> indicators,
        List<AnalysisInfo> analyses,
        DisclosureInfo disclosure,
        @JsonProperty("run_seconds") Map<String, Double> runSeconds,
        @JsonProperty("reused_from_cache") List<String> reusedFromCache) {

    public PackMetadata {
        sections = sections == null ? List.of() : List.copyOf(sections);
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
        analyses = analyses == null ? List.of() : List.copyOf(analyses);
        runSeconds = runSeconds == null
                ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(runSeconds));
        reusedFromCache = reusedFromCache == null ? List.of() : List.copyOf(reusedFromCache);
    }

    /** One of the seed Data Pack's twelve sections (and OpenPHM's own after them), in its order. */
    @JsonPropertyOrder({"number", "title"})
    public record Section(int number, String title) {}

    /**
     * An indicator in the tidy results, with what is shown beside its charts.
     *
     * @param fingertipsIndicatorId the integer "Indicator ID" of indicators_fingertips.csv, where it has one
     * @param standardised          true for an age-standardised rate, which the output check cannot recompute
     *                              from the published count and denominator
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonPropertyOrder({
        "id",
        "fingertips_indicator_id",
        "name",
        "section",
        "definition",
        "source",
        "method",
        "value_type",
        "multiplier",
        "standardised",
        "polarity",
        "comparator",
        "breakdowns",
        "caveats",
        "charts"
    })
    public record IndicatorInfo(
            String id,

            @JsonProperty("fingertips_indicator_id") @JsonInclude(JsonInclude.Include.NON_NULL)
            Integer fingertipsIndicatorId,

            String name,
            String section,
            String definition,
            String source,
            String method,
            @JsonProperty("value_type") String valueType,
            Double multiplier,
            Boolean standardised,
            String polarity,
            String comparator,
            List<String> breakdowns,
            List<String> caveats,
            List<ChartSpec> charts) {
        public IndicatorInfo {
            breakdowns = breakdowns == null ? List.of() : List.copyOf(breakdowns);
            caveats = caveats == null ? List.of() : List.copyOf(caveats);
            charts = charts == null ? List.of() : List.copyOf(charts);
        }
    }

    /** An analysis with its own tables (projections, matrices, SPC series, registers). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonPropertyOrder({"id", "section", "title", "definition", "method", "source", "caveats", "tables", "charts"})
    public record AnalysisInfo(
            String id,
            String section,
            String title,
            String definition,
            String method,
            String source,
            List<String> caveats,
            List<TableInfo> tables,
            List<ChartSpec> charts) {
        public AnalysisInfo {
            caveats = caveats == null ? List.of() : List.copyOf(caveats);
            tables = tables == null ? List.of() : List.copyOf(tables);
            charts = charts == null ? List.of() : List.copyOf(charts);
        }
    }

    /** One table file of an analysis, relative to results/. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonPropertyOrder({"columns", "file", "name"})
    public record TableInfo(String name, String file, List<ColumnInfo> columns) {
        public TableInfo {
            columns = columns == null ? List.of() : List.copyOf(columns);
        }

        /** True when the table declares a column of this name. */
        public boolean has(String column) {
            return columns.stream().anyMatch(c -> c.name().equals(column));
        }
    }

    /**
     * A column of an analysis table.
     *
     * @param type       a {@link org.openphm.model.ResultColumnType} code
     * @param disclosure a {@link Disclosure} code
     * @param derivation how a derived column follows from other columns of its row, or null
     * @param unit       what one unit of the value is ("GBP", "WTE"), or null where the description says it
     * @param decimalPlaces the decimal places a number was rounded to ({@link Precision}), or null where it is
     *                   published as computed
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonPropertyOrder({"name", "type", "description", "disclosure", "derivation", "unit", "decimal_places"})
    public record ColumnInfo(
            String name,
            String type,
            String description,
            String disclosure,
            @JsonInclude(JsonInclude.Include.NON_NULL) Derivation derivation,
            @JsonInclude(JsonInclude.Include.NON_NULL) String unit,

            @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("decimal_places")
            Integer decimalPlaces) {

        /** A column declared without a unit or a rounding (as a reader of an older metadata.json sees it). */
        public ColumnInfo(String name, String type, String description, String disclosure, Derivation derivation) {
            this(name, type, description, disclosure, derivation, null, null);
        }
    }

    /**
     * @param kind   ratio, difference, percent_change, wilson_lower, wilson_upper or share_of_total
     * @param inputs the columns it is computed from
     * @param within for a share of a total, the columns whose values pick out the rows the total is taken over
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonPropertyOrder({"inputs", "kind", "scale", "within"})
    public record Derivation(String kind, List<String> inputs, double scale, List<String> within) {}

    /**
     * @param files per published indicator file, each column's {@link Disclosure} code
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonPropertyOrder({"suppress_at_or_below", "round_to", "suppress_zero", "policy", "files"})
    public record DisclosureInfo(
            @JsonProperty("suppress_at_or_below") int suppressAtOrBelow,
            @JsonProperty("round_to") int roundTo,
            @JsonProperty("suppress_zero") boolean suppressZero,
            String policy,
            Map<String, Map<String, String>> files) {}
}
