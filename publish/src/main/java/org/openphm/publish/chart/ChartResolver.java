package org.openphm.publish.chart;

import static org.openphm.model.results.IndicatorColumns.AREA_NAME;
import static org.openphm.model.results.IndicatorColumns.AREA_TYPE;
import static org.openphm.model.results.IndicatorColumns.CATEGORY_TYPE;
import static org.openphm.model.results.IndicatorColumns.COMPARED_TO_ENGLAND;
import static org.openphm.model.results.IndicatorColumns.COMPARED_TO_PARENT;
import static org.openphm.model.results.IndicatorColumns.LOWER_CI95;
import static org.openphm.model.results.IndicatorColumns.NOTE;
import static org.openphm.model.results.IndicatorColumns.PERIOD;
import static org.openphm.model.results.IndicatorColumns.RECENT_TREND;
import static org.openphm.model.results.IndicatorColumns.UPPER_CI95;
import static org.openphm.model.results.IndicatorColumns.VALUE;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openphm.model.AreaType;
import org.openphm.model.Comparison;
import org.openphm.model.results.ChartRole;
import org.openphm.model.results.ChartSpec;
import org.openphm.model.results.PackMetadata.IndicatorInfo;
import org.openphm.publish.results.DataTable;
import org.openphm.publish.results.Numbers;
import org.openphm.publish.results.ResultsDir;
import org.openphm.publish.results.Wholes;

/**
 * Turns a {@link ChartSpec} into a {@link Chart}: selects the rows, applies the column roles (with the tidy
 * indicator columns as defaults) and picks every number the renderers and key points will use.
 */
public final class ChartResolver {
    private final ResultsDir results;

    public ChartResolver(ResultsDir results) {
        this.results = results;
    }

    /** @throws IllegalArgumentException naming what is missing when the spec does not fit the data */
    public Chart resolve(ChartSpec spec) {
        ChartSpec.DataRef ref = spec.data();
        if (ref == null || (ref.indicator() == null && ref.table() == null)) {
            throw new IllegalArgumentException("chart '" + spec.title() + "' names no indicator or table");
        }
        boolean fromIndicator = ref.indicator() != null;
        DataTable rows = fromIndicator ? indicatorRows(ref) : tableRows(ref);
        String unit = unit(
                spec, fromIndicator ? results.indicatorInfo(ref.indicator()).orElse(null) : null);
        String title = spec.title() == null ? "" : spec.title();
        String subtitle = spec.subtitle() == null ? "" : spec.subtitle();
        return switch (spec.chartKind()) {
            case PYRAMID -> pyramid(spec, rows, title, subtitle, unit);
            case TREND -> lines(spec, rows, title, subtitle, unit, false, fromIndicator);
            case PROJECTION -> lines(spec, rows, title, subtitle, unit, true, fromIndicator);
            case BAR_CI -> bars(spec, rows, title, subtitle, unit, fromIndicator);
            case HEATMAP -> heatmap(spec, rows, title, subtitle, unit, false);
            case COMORBIDITY -> heatmap(spec, rows, title, subtitle, unit, true);
            case SPC -> spc(spec, rows, title, subtitle, unit);
            case SANKEY -> flows(spec, rows, title, subtitle, unit);
            case WATERFALL -> waterfall(spec, rows, title, subtitle, unit);
            case RANKED_TABLE ->
                new Chart.Table(
                        title,
                        subtitle,
                        unit,
                        true,
                        spec.column(ChartRole.Y, fromIndicator ? VALUE : null),
                        spec.column(ChartRole.LABEL, labelColumn(rows)),
                        ranked(rows, spec.column(ChartRole.Y, VALUE)));
            case TABLE -> new Chart.Table(title, subtitle, unit, false, null, null, rows);
        };
    }

    /** The unit label: the spec's, else derived from the indicator's value type ("Proportion %" → "%"). */
    static String unit(ChartSpec spec, IndicatorInfo info) {
        if (spec.unit() != null) {
            return spec.unit();
        }
        if (info == null || info.valueType() == null) {
            return "";
        }
        String vt = info.valueType();
        if (vt.contains("%")) {
            return "%";
        }
        int per = vt.toLowerCase(Locale.ROOT).indexOf("per ");
        return per >= 0 ? vt.substring(per) : "";
    }

    private DataTable indicatorRows(ChartSpec.DataRef ref) {
        if (results.indicatorInfo(ref.indicator()).isEmpty()
                && results.indicator(ref.indicator()).rows().isEmpty()) {
            throw new IllegalArgumentException("no indicator " + ref.indicator() + " in the results");
        }
        Map<String, String> filter = new HashMap<>(ref.filter());
        // The headline row unless a breakdown is asked for: mixing categories into one chart is never meant.
        filter.putIfAbsent(CATEGORY_TYPE, "");
        return latest(results.indicator(ref.indicator()), filter);
    }

    private DataTable tableRows(ChartSpec.DataRef ref) {
        try {
            return latest(results.table(ref.table()), new HashMap<>(ref.filter()));
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** Applies the filter, resolving {@code period = latest} to the newest period among the other matches. */
    private static DataTable latest(DataTable table, Map<String, String> filter) {
        String period = filter.get(PERIOD);
        if (!"latest".equals(period)) {
            return table.where(filter);
        }
        filter.remove(PERIOD);
        DataTable matching = table.where(filter);
        String newest = matching.distinct(PERIOD).stream()
                .max(Comparator.naturalOrder())
                .orElse("");
        filter.put(PERIOD, newest);
        return matching.where(Map.of(PERIOD, newest));
    }

    private static void require(DataTable rows, String role, String column) {
        if (column == null || !rows.has(column)) {
            throw new IllegalArgumentException("table " + rows.name() + " has no column '" + column + "' for " + role
                    + " (columns: " + String.join(", ", rows.columns()) + ")");
        }
    }

    private static Chart pyramid(ChartSpec spec, DataTable rows, String title, String subtitle, String unit) {
        String band = spec.column(ChartRole.CATEGORY, "age_band");
        String sex = spec.column(ChartRole.SERIES, "sex");
        String value = spec.column(ChartRole.VALUE, spec.column(ChartRole.Y, VALUE));
        require(rows, "category", band);
        require(rows, "series", sex);
        require(rows, "value", value);
        List<String> bands = rows.distinct(band);
        List<Double> male = new ArrayList<>();
        List<Double> female = new ArrayList<>();
        for (String b : bands) {
            male.add(sum(rows, band, b, sex, "m", value));
            female.add(sum(rows, band, b, sex, "f", value));
        }
        return new Chart.Pyramid(title, subtitle, unit, bands, male, female, rows);
    }

    private static Double sum(
            DataTable rows, String bandCol, String band, String sexCol, String initial, String valueCol) {
        double total = 0;
        boolean any = false;
        for (List<String> row : rows.rows()) {
            String s = rows.get(row, sexCol);
            if (band.equals(rows.get(row, bandCol))
                    && s != null
                    && s.toLowerCase(Locale.ROOT).startsWith(initial)) {
                Double v = rows.number(row, valueCol);
                if (v != null) {
                    total += v;
                    any = true;
                }
            }
        }
        return any ? total : null;
    }

    private static Chart lines(
            ChartSpec spec,
            DataTable rows,
            String title,
            String subtitle,
            String unit,
            boolean projection,
            boolean fromIndicator) {
        String xCol = spec.column(ChartRole.X, fromIndicator ? PERIOD : null);
        String yCol = spec.column(ChartRole.Y, fromIndicator ? VALUE : null);
        String seriesCol = spec.column(ChartRole.SERIES, fromIndicator ? AREA_NAME : null);
        String lowerCol = spec.column(ChartRole.LOWER, fromIndicator ? LOWER_CI95 : null);
        String upperCol = spec.column(ChartRole.UPPER, fromIndicator ? UPPER_CI95 : null);
        require(rows, "x", xCol);
        require(rows, "y", yCol);
        List<String> x = rows.distinct(xCol);
        if (fromIndicator || x.stream().allMatch(v -> Numbers.parse(v) != null)) {
            x.sort(fromIndicator ? Comparator.naturalOrder() : Comparator.comparing(Numbers::parse));
        }
        Map<String, List<List<String>>> bySeries = new LinkedHashMap<>();
        for (List<String> row : rows.rows()) {
            String name =
                    rows.has(seriesCol) ? rows.get(row, seriesCol) : (spec.yLabel() == null ? yCol : spec.yLabel());
            bySeries.computeIfAbsent(name == null ? "" : name, k -> new ArrayList<>())
                    .add(row);
        }
        Wholes wholes = Wholes.of(rows, rows.has(seriesCol) ? List.of(seriesCol) : List.of());
        // "focus": the series the chart is about (an organisation's achievement); the others are its benchmarks
        String focusSeries = spec.column(ChartRole.FOCUS, null);
        List<String> focusNames = focusSeries == null ? List.of() : List.of(focusSeries.split("\\|"));
        List<Chart.Series> series = new ArrayList<>();
        for (Map.Entry<String, List<List<String>>> e : bySeries.entrySet()) {
            List<Double> values = new ArrayList<>();
            List<Double> lower = new ArrayList<>();
            List<Double> upper = new ArrayList<>();
            String trend = null;
            for (String xv : x) {
                List<String> row = e.getValue().stream()
                        .filter(r -> xv.equals(rows.get(r, xCol)))
                        .findFirst()
                        .orElse(null);
                values.add(row == null ? null : rows.number(row, yCol));
                lower.add(row == null || !rows.has(lowerCol) ? null : rows.number(row, lowerCol));
                upper.add(row == null || !rows.has(upperCol) ? null : rows.number(row, upperCol));
                if (row != null && rows.has(RECENT_TREND)) {
                    trend = rows.get(row, RECENT_TREND);
                }
            }
            Chart.SeriesRole role = !focusNames.isEmpty() && !focusNames.contains(e.getKey())
                    ? Chart.SeriesRole.BENCHMARK
                    : role(e.getKey(), e.getValue().get(0), wholes, rows.has(AREA_TYPE));
            series.add(new Chart.Series(e.getKey(), role, values, lower, upper, trend));
        }
        // Focus areas first, comparators last, so legends and key points lead with the area being read.
        series.sort(Comparator.comparing(s -> s.role().ordinal()));
        // "band": what lower/upper are when they are not a 95% confidence interval (a projection's Monte Carlo
        // percentiles); free text, not a column
        String band = spec.column(ChartRole.BAND, null);
        return new Chart.Lines(
                title,
                subtitle,
                unit,
                projection,
                orDefault(spec.xLabel(), projection ? "Year" : "Period"),
                orDefault(spec.yLabel(), unit),
                x,
                series,
                band == null || band.isBlank() ? null : band.strip(),
                rows);
    }

    /**
     * England is always a comparator. A whole beside its parts (the ICB beside its Places, a Place beside its
     * neighbourhoods, the "All" line beside each provider's) is the parent comparator; alone, an area is the focus.
     */
    private static Chart.SeriesRole role(String name, List<String> row, Wholes wholes, boolean typed) {
        if (wholes.england(row) || (!typed && AreaType.ENGLAND.label().equalsIgnoreCase(name))) {
            return Chart.SeriesRole.ENGLAND;
        }
        return wholes.whole(row) ? Chart.SeriesRole.PARENT : Chart.SeriesRole.FOCUS;
    }

    private static Chart bars(
            ChartSpec spec, DataTable rows, String title, String subtitle, String unit, boolean fromIndicator) {
        String xCol = spec.column(ChartRole.X, fromIndicator ? AREA_NAME : null);
        String yCol = spec.column(ChartRole.Y, fromIndicator ? VALUE : null);
        String lowerCol = spec.column(ChartRole.LOWER, fromIndicator ? LOWER_CI95 : null);
        String upperCol = spec.column(ChartRole.UPPER, fromIndicator ? UPPER_CI95 : null);
        String sigCol = spec.column(ChartRole.SIGNIFICANCE, fromIndicator ? COMPARED_TO_ENGLAND : null);
        require(rows, "x", xCol);
        require(rows, "y", yCol);
        Wholes wholes = Wholes.of(rows, List.of(xCol));
        List<Chart.Bar> bars = new ArrayList<>();
        List<Chart.Reference> references = new ArrayList<>();
        for (List<String> row : rows.rows()) {
            String label = rows.get(row, xCol);
            Double value = rows.number(row, yCol);
            if (wholes.whole(row)) {
                if (value != null) {
                    references.add(new Chart.Reference(label, value));
                }
                continue;
            }
            bars.add(new Chart.Bar(
                    label,
                    value,
                    rows.has(lowerCol) ? rows.number(row, lowerCol) : null,
                    rows.has(upperCol) ? rows.number(row, upperCol) : null,
                    rows.has(sigCol) ? Comparison.parse(rows.get(row, sigCol)) : Comparison.NOT_COMPARED,
                    rows.has(NOTE) ? rows.get(row, NOTE) : null));
        }
        String comparedTo = breakdownOnly(rows) && COMPARED_TO_PARENT.equals(sigCol)
                ? rows.distinct(AREA_NAME).stream()
                        .findFirst()
                        .map(n -> n + " as a whole")
                        .orElse(null)
                : comparedTo(sigCol, references);
        String ciLevel = lowerCol != null && lowerCol.contains("998") ? "99.8%" : "95%";
        return new Chart.Bars(
                title,
                subtitle,
                unit,
                orDefault(spec.xLabel(), ""),
                orDefault(spec.yLabel(), unit),
                bars,
                references,
                comparedTo,
                ciLevel,
                rows);
    }

    /** Rows that are all breakdown categories of one area: their parent comparison is that area's headline. */
    private static boolean breakdownOnly(DataTable rows) {
        return rows.has(CATEGORY_TYPE)
                && !rows.rows().isEmpty()
                && rows.distinct(AREA_NAME).size() == 1
                && rows.rows().stream().allMatch(r -> {
                    String t = rows.get(r, CATEGORY_TYPE);
                    return t != null && !t.isEmpty();
                });
    }

    static String comparedTo(String sigCol, List<Chart.Reference> references) {
        if (sigCol == null) {
            return null;
        }
        if (sigCol.equals(COMPARED_TO_ENGLAND)) {
            return AreaType.ENGLAND.label();
        }
        // compared_to_parent, and analysis tables' compared_to_icb / compared_to_area: the non-England reference
        if (sigCol.equals(COMPARED_TO_PARENT) || sigCol.startsWith("compared_to_")) {
            return references.stream()
                    .map(Chart.Reference::label)
                    .filter(l -> !AreaType.ENGLAND.label().equals(l))
                    .findFirst()
                    .orElse(sigCol.equals("compared_to_area") ? "the area as a whole" : "the parent area");
        }
        return "the comparator";
    }

    /** Encoding: from, to and value columns; rows whose value is suppressed are left out. */
    private static Chart flows(ChartSpec spec, DataTable rows, String title, String subtitle, String unit) {
        String from = spec.column(ChartRole.FROM, "from");
        String to = spec.column(ChartRole.TO, "to");
        String value = spec.column(ChartRole.VALUE, VALUE);
        require(rows, "from", from);
        require(rows, "to", to);
        require(rows, "value", value);
        List<Chart.Flow> flows = new ArrayList<>();
        for (List<String> row : rows.rows()) {
            Double v = rows.number(row, value);
            if (v != null && v > 0) {
                flows.add(new Chart.Flow(rows.get(row, from), rows.get(row, to), v));
            }
        }
        return new Chart.Flows(title, subtitle, unit, flows, rows);
    }

    /**
     * Encoding: x (step: the bar's label), y (change: a total's figure or a change's signed amount), kind (kind:
     * "total" or "change") and order (step_order, numeric: the rows are drawn in this order, whatever order the
     * table has them in). {@link Chart.Waterfall} refuses steps that do not add up to the totals.
     */
    private static Chart waterfall(ChartSpec spec, DataTable rows, String title, String subtitle, String unit) {
        String label = spec.column(ChartRole.X, "step");
        String value = spec.column(ChartRole.Y, "change");
        String kind = spec.column(ChartRole.KIND, "kind");
        String order = spec.column(ChartRole.ORDER, "step_order");
        require(rows, "x", label);
        require(rows, "y", value);
        require(rows, "kind", kind);
        require(rows, "order", order);
        for (List<String> row : rows.rows()) {
            if (rows.number(row, order) == null || rows.number(row, value) == null) {
                // a suppressed or missing step would make the bars after it stand on the wrong total
                throw new IllegalArgumentException("waterfall '" + title + "': step '" + rows.get(row, label)
                        + "' has no " + (rows.number(row, order) == null ? order : value));
            }
        }
        List<List<String>> sorted = new ArrayList<>(rows.rows());
        sorted.sort(Comparator.comparing((List<String> r) -> rows.number(r, order)));
        List<Chart.Step> steps = new ArrayList<>();
        Chart.Step previous = null;
        for (List<String> row : sorted) {
            Chart.StepKind k;
            try {
                k = Chart.StepKind.parse(rows.get(row, kind));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "waterfall '" + title + "', step '" + rows.get(row, label) + "': " + e.getMessage(), e);
            }
            previous = Chart.Step.after(previous, rows.get(row, label), k, rows.number(row, value));
            steps.add(previous);
        }
        // the table beside the chart lists the steps in the order they are drawn
        return new Chart.Waterfall(
                title,
                subtitle,
                unit,
                orDefault(spec.xLabel(), ""),
                orDefault(spec.yLabel(), unit),
                steps,
                new DataTable(rows.name(), rows.columns(), sorted));
    }

    private static Chart heatmap(
            ChartSpec spec, DataTable rows, String title, String subtitle, String unit, boolean comorbidity) {
        String xCol = spec.column(ChartRole.X, "column");
        String yCol = spec.column(ChartRole.Y, "row");
        String vCol = spec.column(ChartRole.VALUE, VALUE);
        require(rows, "x", xCol);
        require(rows, "y", yCol);
        require(rows, "value", vCol);
        List<String> columns = rows.distinct(xCol);
        List<String> rowNames = rows.distinct(yCol);
        if (comorbidity) {
            // A condition-by-condition matrix reads along its diagonal only when both axes share one order: the
            // rows' (first appearance would put the first row's condition last among the columns, as it has no
            // pair with itself); a column that is no row's condition follows.
            List<String> ordered =
                    new ArrayList<>(rowNames.stream().filter(columns::contains).toList());
            columns.stream().filter(c -> !ordered.contains(c)).forEach(ordered::add);
            columns = ordered;
        }
        List<List<Double>> values = new ArrayList<>();
        for (String r : rowNames) {
            List<Double> line = new ArrayList<>();
            for (String c : columns) {
                line.add(rows.rows().stream()
                        .filter(row -> r.equals(rows.get(row, yCol)) && c.equals(rows.get(row, xCol)))
                        .findFirst()
                        .map(row -> rows.number(row, vCol))
                        .orElse(null));
            }
            values.add(line);
        }
        return new Chart.Heatmap(title, subtitle, unit, rowNames, columns, values, comorbidity, rows);
    }

    private static Chart spc(ChartSpec spec, DataTable rows, String title, String subtitle, String unit) {
        String xCol = spec.column(ChartRole.X, "month");
        String yCol = spec.column(ChartRole.Y, VALUE);
        require(rows, "x", xCol);
        require(rows, "y", yCol);
        List<String> x = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        List<Double> centre = new ArrayList<>();
        List<Double> lower = new ArrayList<>();
        List<Double> upper = new ArrayList<>();
        List<SpcPointType> types = new ArrayList<>();
        String centreCol = spec.column(ChartRole.CENTRE, "mean");
        String lowerCol = spec.column(ChartRole.LOWER, "lower_limit");
        String upperCol = spec.column(ChartRole.UPPER, "upper_limit");
        String flagCol = spec.column(ChartRole.FLAG, "special_cause");
        String targetCol = spec.column(ChartRole.TARGET, "target");
        Double target = null;
        String variation = null;
        String assurance = null;
        for (List<String> row : rows.rows()) {
            x.add(rows.get(row, xCol));
            values.add(rows.number(row, yCol));
            centre.add(rows.has(centreCol) ? rows.number(row, centreCol) : null);
            lower.add(rows.has(lowerCol) ? rows.number(row, lowerCol) : null);
            upper.add(rows.has(upperCol) ? rows.number(row, upperCol) : null);
            types.add(SpcPointType.parse(rows.has(flagCol) ? rows.get(row, flagCol) : null));
            if (rows.has(targetCol) && rows.number(row, targetCol) != null) {
                target = rows.number(row, targetCol);
            }
            // The icons describe the latest point, so the last non-empty value wins.
            String v = rows.get(row, spec.column(ChartRole.VARIATION, "variation"));
            String a = rows.get(row, spec.column(ChartRole.ASSURANCE, "assurance"));
            variation = v != null ? v : variation;
            assurance = a != null ? a : assurance;
        }
        return new Chart.Spc(
                title,
                subtitle,
                unit,
                orDefault(spec.yLabel(), unit),
                x,
                values,
                centre,
                lower,
                upper,
                target,
                types,
                SpcIcon.parse(variation),
                SpcIcon.parse(assurance),
                rows);
    }

    /**
     * The column that names a row when the chart description declares no "label": a text column that differs
     * between rows (the ICB's name on every row of a table of conditions names nothing), a "..._name" one
     * first, so "Dementia" rather than its code "DEM".
     */
    public static String labelColumn(DataTable t) {
        String best = null;
        int bestScore = -1;
        for (String c : t.columns()) {
            if (!t.isText(c)) {
                continue;
            }
            int score = (t.distinct(c).size() > 1 ? 2 : 0) + (c.endsWith("_name") || c.equals("name") ? 1 : 0);
            if (score > bestScore) {
                best = c;
                bestScore = score;
            }
        }
        return best;
    }

    private static DataTable ranked(DataTable rows, String sortCol) {
        if (!rows.has(sortCol)) {
            return rows;
        }
        List<List<String>> sorted = new ArrayList<>(rows.rows());
        sorted.sort(Comparator.comparing(
                (List<String> r) -> rows.number(r, sortCol), Comparator.nullsLast(Comparator.reverseOrder())));
        return new DataTable(rows.name(), rows.columns(), sorted);
    }

    private static String orDefault(String v, String fallback) {
        return v == null ? fallback : v;
    }
}
