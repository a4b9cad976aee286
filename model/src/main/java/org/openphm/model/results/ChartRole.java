package org.openphm.model.results;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The part a column (or, for a few roles, a value) plays in a chart: the keys of a {@link ChartSpec}'s encoding. */
public enum ChartRole {
    /** Horizontal axis (period, year, category). */
    X,
    /** The plotted value. */
    Y,
    /** One line or bar group per value. */
    SERIES,
    /** Lower and upper limits of an interval or band. */
    LOWER,
    UPPER,
    /** A row's label in a ranked table or bar chart. */
    LABEL,
    /** The value cell of a heatmap or pyramid. */
    VALUE,
    /** Pyramid age band or heatmap row. */
    CATEGORY,
    /** What a line chart's lower and upper are when not a 95% interval (a projection's percentiles): free text. */
    BAND,
    /** The column carrying a comparison's verdict, which colours a bar. */
    SIGNIFICANCE,
    /** SPC: centre line, special-cause flag, variation and assurance icons, target. */
    CENTRE,
    FLAG,
    VARIATION,
    ASSURANCE,
    TARGET,
    /** The series a line chart is about, the others being its benchmarks ("A|B" for several): a value. */
    FOCUS,
    /** Sankey: source and destination of a flow. */
    FROM,
    TO,
    /** Waterfall: whether a step is a start, change or total, and the steps' order. */
    KIND,
    ORDER;

    /** False for the roles whose value is text or a series name rather than a column of the data. */
    public boolean namesColumn() {
        return this != BAND && this != FOCUS;
    }

    /** Its key in the encoding map. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** An encoding map keyed by role, as a {@link ChartSpec} carries it. */
    public static Map<String, String> encoding(Map<ChartRole, String> columns) {
        Map<String, String> out = new TreeMap<>();
        columns.forEach((role, column) -> out.put(role.code(), column));
        return out;
    }

    public static Optional<ChartRole> of(String code) {
        return Arrays.stream(values()).filter(r -> r.code().equals(code)).findFirst();
    }
}
