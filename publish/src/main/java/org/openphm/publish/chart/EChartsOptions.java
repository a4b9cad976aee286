package org.openphm.publish.chart;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openphm.model.AreaType;
import org.openphm.model.Comparison;

/**
 * Draws a resolved {@link Chart} for the browser: an Apache ECharts option object (plain maps and lists,
 * serialised as JSON by the server). Pure JSON, no JavaScript functions, so the server never ships code
 * inside data: CI whiskers are boxplot series whose box has collapsed onto the value.
 */
public final class EChartsOptions {

    /** The option for {@code echarts.setOption}, or empty for tables (the dashboard draws those as HTML). */
    public Optional<Map<String, Object>> option(Chart chart) {
        Map<String, Object> o;
        if (chart instanceof Chart.Bars b) {
            o = bars(b);
        } else if (chart instanceof Chart.Lines l) {
            o = lines(l);
        } else if (chart instanceof Chart.Pyramid p) {
            o = pyramid(p);
        } else if (chart instanceof Chart.Heatmap h) {
            o = heatmap(h);
        } else if (chart instanceof Chart.Spc s) {
            o = spc(s);
        } else if (chart instanceof Chart.Flows f) {
            o = sankey(f);
        } else if (chart instanceof Chart.Waterfall w) {
            o = waterfall(w);
        } else {
            return Optional.empty();
        }
        o.put(
                "title",
                map(
                        "text",
                        chart.title(),
                        "subtext",
                        subtext(chart),
                        "left",
                        "center",
                        "textStyle",
                        map("fontSize", 14)));
        o.put("animation", false);
        // ECharts writes a text description of the chart for screen readers (NHS accessibility standard)
        o.put("aria", map("enabled", true));
        o.putIfAbsent("tooltip", map("trigger", "axis"));
        return Optional.of(o);
    }

    /** The subtitle, saying what the shading means when a trend or projection has a band. */
    private static String subtext(Chart chart) {
        String sub = chart.subtitle() == null ? "" : chart.subtitle();
        if (chart instanceof Chart.Lines l
                && l.series().stream().anyMatch(s -> s.role() == Chart.SeriesRole.FOCUS && hasInterval(s))) {
            return (sub.isBlank() ? "" : sub + " · ") + "Shaded: " + l.bandCaption();
        }
        return sub;
    }

    private static Map<String, Object> bars(Chart.Bars b) {
        List<String> labels = b.bars().stream().map(Chart.Bar::label).toList();
        List<Object> data = new ArrayList<>();
        List<Object> whiskers = new ArrayList<>();
        for (Chart.Bar bar : b.bars()) {
            data.add(map(
                    "value",
                    bar.value(),
                    "itemStyle",
                    map("color", bar.comparison().colour()),
                    "comparison",
                    bar.comparison().label()));
            whiskers.add(
                    bar.lower() == null || bar.upper() == null || bar.value() == null
                            ? "-"
                            : List.of(bar.lower(), bar.value(), bar.value(), bar.value(), bar.upper()));
        }
        List<Object> markLines = new ArrayList<>();
        int k = 0;
        for (Chart.Reference r : b.references()) {
            // alternate ends, so that England's and the ICB's labels do not overprint when their values are close
            String position = k++ % 2 == 0 ? "insideEndTop" : "insideStartTop";
            markLines.add(map(
                    "yAxis",
                    r.value(),
                    "name",
                    r.label(),
                    "lineStyle",
                    map(
                            "type",
                            "dashed",
                            "color",
                            AreaType.ENGLAND.label().equals(r.label()) ? Palette.ENGLAND : Palette.PARENT),
                    "label",
                    map("formatter", Palette.shortAreaName(r.label()) + ": {c}", "position", position)));
        }
        Map<String, Object> bar = map(
                "name",
                b.yLabel().isBlank() ? "Value" : b.yLabel(),
                "type",
                "bar",
                "data",
                data,
                "barMaxWidth",
                48,
                "markLine",
                map("symbol", "none", "data", markLines, "silent", true));
        Map<String, Object> ci = map(
                "name",
                b.ciLevel() + " confidence interval",
                "type",
                "boxplot",
                "data",
                whiskers,
                "boxWidth",
                List.of(0, 0),
                "itemStyle",
                map("color", "transparent", "borderColor", "#000"),
                "tooltip",
                map("show", false));
        // the significance colours used, each as a legend entry of its own (an empty scatter series, which takes
        // no room among the bars), so a reader is told what green, amber, red and the blues mean
        List<Object> series = new ArrayList<>(List.of(bar, ci));
        List<Object> legend = new ArrayList<>();
        for (Comparison c : Comparison.values()) {
            if (b.bars().stream().anyMatch(x -> x.comparison() == c)) {
                String name = significanceName(c, b.comparedTo());
                series.add(map(
                        "id",
                        "significance-" + c.name().toLowerCase(java.util.Locale.ROOT),
                        "name",
                        name,
                        "type",
                        "scatter",
                        "data",
                        List.of(),
                        "color",
                        c.colour(),
                        "itemStyle",
                        map("color", c.colour())));
                legend.add(map("name", name, "icon", "rect"));
            }
        }
        Map<String, Object> o = map(
                "xAxis",
                map(
                        "type",
                        "category",
                        "data",
                        labels,
                        "axisLabel",
                        map("interval", 0, "rotate", labels.size() > 6 ? 40 : 0)),
                "yAxis",
                map("type", "value", "name", b.yLabel()),
                "legend",
                map("bottom", 0, "data", legend, "selectedMode", false),
                "grid",
                map("bottom", labels.size() > 6 ? 130 : 80, "top", 70),
                "series",
                series);
        return o;
    }

    /** A legend entry for a significance colour: "Higher than England", "Similar to Luton", "Not compared". */
    static String significanceName(Comparison c, String comparedTo) {
        if (c == Comparison.NOT_COMPARED || comparedTo == null || comparedTo.isBlank()) {
            return c.label();
        }
        String against = Palette.shortAreaName(comparedTo);
        return c == Comparison.SIMILAR ? "Similar to " + against : c.label() + " than " + against;
    }

    /**
     * Trend and projection lines. A focus series with confidence limits carries them on each point (for the
     * tooltip) and gets a shaded band: a transparent line at the lower limit with the interval's width stacked
     * on it, which is how ECharts draws a band without custom code.
     */
    private static Map<String, Object> lines(Chart.Lines l) {
        List<Object> series = new ArrayList<>();
        List<Object> bands = new ArrayList<>();
        List<String> legend = new ArrayList<>();
        int focus = 0;
        int benchmark = 0;
        for (Chart.Series s : l.series()) {
            boolean isFocus = s.role() == Chart.SeriesRole.FOCUS;
            String colour =
                    Palette.colour(s, isFocus ? focus++ : s.role() == Chart.SeriesRole.BENCHMARK ? benchmark++ : 0);
            boolean withCi = isFocus && hasInterval(s);
            series.add(map(
                    "name",
                    s.name(),
                    "type",
                    "line",
                    "data",
                    withCi ? pointsWithCi(s) : nullsAsGaps(s.values()),
                    "itemStyle",
                    map("color", colour),
                    "connectNulls",
                    false,
                    "lineStyle",
                    map("color", colour, "type", isFocus ? "solid" : "dashed", "width", isFocus ? 2.5 : 1.5)));
            legend.add(s.name());
            if (withCi) {
                int k = bands.size() / 2;
                List<Object> lower = new ArrayList<>();
                List<Object> width = new ArrayList<>();
                for (int i = 0; i < s.values().size(); i++) {
                    Double lo = s.lower().get(i);
                    Double hi = s.upper().get(i);
                    boolean ok = lo != null && hi != null && s.values().get(i) != null;
                    lower.add(ok ? lo : "-");
                    width.add(ok ? hi - lo : "-");
                }
                String band = s.name() + " " + l.bandName();
                bands.add(map(
                        "id",
                        "ci-lower-" + k,
                        "name",
                        band,
                        "type",
                        "line",
                        "stack",
                        "ci-" + k,
                        "data",
                        lower,
                        "symbol",
                        "none",
                        "silent",
                        true,
                        "lineStyle",
                        map("opacity", 0)));
                bands.add(map(
                        "id",
                        "ci-band-" + k,
                        "name",
                        band,
                        "type",
                        "line",
                        "stack",
                        "ci-" + k,
                        "data",
                        width,
                        "symbol",
                        "none",
                        "silent",
                        true,
                        "lineStyle",
                        map("opacity", 0),
                        "areaStyle",
                        map("color", colour, "opacity", 0.16)));
            }
        }
        series.addAll(bands);
        Map<String, Object> o = map(
                "xAxis",
                map("type", "category", "data", l.x(), "name", l.xLabel()),
                "yAxis",
                map("type", "value", "name", l.yLabel(), "scale", true),
                "legend",
                map("bottom", 0, "type", "scroll", "data", legend),
                "grid",
                map("bottom", 70, "top", 70),
                "series",
                series);
        if (!bands.isEmpty()) {
            // named formatter, supplied by the dashboard: the value with its interval, bands left out
            o.put("tooltip", map("trigger", "axis", "formatter", "with-ci"));
        }
        return o;
    }

    private static boolean hasInterval(Chart.Series s) {
        for (int i = 0; i < s.values().size(); i++) {
            if (s.values().get(i) != null
                    && s.lower().get(i) != null
                    && s.upper().get(i) != null) {
                return true;
            }
        }
        return false;
    }

    private static List<Object> pointsWithCi(Chart.Series s) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < s.values().size(); i++) {
            Double v = s.values().get(i);
            out.add(
                    v == null
                            ? "-"
                            : map(
                                    "value",
                                    v,
                                    "lower",
                                    s.lower().get(i),
                                    "upper",
                                    s.upper().get(i)));
        }
        return out;
    }

    private static Map<String, Object> pyramid(Chart.Pyramid p) {
        List<Object> male = new ArrayList<>();
        for (Double v : p.male()) {
            male.add(v == null ? "-" : -v);
        }
        return map(
                "yAxis",
                map("type", "category", "data", p.bands(), "name", "Age band"),
                // male counts are drawn left of zero; the dashboard shows them as the positive counts they are
                "xAxis",
                map("type", "value", "name", "Male (left) / Female (right)", "axisLabel", map("formatter", "absolute")),
                "legend",
                map("bottom", 0),
                "grid",
                map("bottom", 60, "top", 60, "left", 70),
                "tooltip",
                map("trigger", "axis", "axisPointer", map("type", "shadow"), "valueFormatter", "absolute"),
                "series",
                List.of(
                        map(
                                "name",
                                "Male",
                                "type",
                                "bar",
                                "stack",
                                "total",
                                "data",
                                male,
                                "itemStyle",
                                map("color", Palette.MALE)),
                        map(
                                "name",
                                "Female",
                                "type",
                                "bar",
                                "stack",
                                "total",
                                "data",
                                nullsAsGaps(p.female()),
                                "itemStyle",
                                map("color", Palette.FEMALE))));
    }

    /**
     * A Sankey of people moving between states. A state appears twice, once on each side, so its nodes are named
     * apart ("before: X", "after: X": a Sankey must not loop) and labelled with the state alone.
     */
    private static Map<String, Object> sankey(Chart.Flows f) {
        List<String> before = new ArrayList<>();
        List<String> after = new ArrayList<>();
        for (Chart.Flow flow : f.flows()) {
            if (!before.contains(flow.from())) {
                before.add(flow.from());
            }
            if (!after.contains(flow.to())) {
                after.add(flow.to());
            }
        }
        List<Object> nodes = new ArrayList<>();
        before.forEach(n -> nodes.add(map("name", "before: " + n, "depth", 0, "label", map("formatter", n))));
        after.forEach(n -> nodes.add(map("name", "after: " + n, "depth", 1, "label", map("formatter", n))));
        List<Object> links = new ArrayList<>();
        for (Chart.Flow flow : f.flows()) {
            links.add(map("source", "before: " + flow.from(), "target", "after: " + flow.to(), "value", flow.value()));
        }
        return map(
                "tooltip",
                map("trigger", "item"),
                "series",
                List.of(map(
                        "type",
                        "sankey",
                        "name",
                        f.title(),
                        "data",
                        nodes,
                        "links",
                        links,
                        "top",
                        60,
                        "bottom",
                        20,
                        "left",
                        10,
                        "right",
                        160,
                        "nodeAlign",
                        "justify",
                        "emphasis",
                        map("focus", "adjacency"),
                        "lineStyle",
                        map("color", "gradient", "opacity", 0.4),
                        "label",
                        map("fontSize", 11))));
    }

    /**
     * A waterfall. ECharts has no floating bar, so each step is a visible bar stacked on an invisible one as tall
     * as the bar's lower edge: the running total under an increase, the one after a decrease, zero under a
     * total. Stacked as one group ("all"): ECharts otherwise stacks positive and negative values apart, and a
     * bar over a negative lower edge would be drawn from zero. Each bar carries its figure as its label and
     * tooltip, as text, so the browser shows the signed change and not the bar's height.
     */
    private static Map<String, Object> waterfall(Chart.Waterfall w) {
        List<Object> lower = new ArrayList<>();
        List<Object> bars = new ArrayList<>();
        for (Chart.Step s : w.steps()) {
            lower.add(s.low());
            String figure = w.figure(s);
            // {b} is the step's label, which ECharts escapes; the rest is figures written here
            String tip = s.kind() == Chart.StepKind.TOTAL
                    ? "{b}<br/>Total: " + figure
                    : "{b}<br/>Change: " + figure + "<br/>Running total: "
                            + org.openphm.publish.text.ValueFormat.withUnit(s.end(), w.unit());
            bars.add(map(
                    "value",
                    s.high() - s.low(),
                    "itemStyle",
                    map("color", Palette.step(s)),
                    "label",
                    map("formatter", figure),
                    "tooltip",
                    map("formatter", tip)));
        }
        List<Object> series = new ArrayList<>();
        series.add(map(
                "id",
                "waterfall-base",
                "name",
                "base",
                "type",
                "bar",
                "stack",
                "waterfall",
                "stackStrategy",
                "all",
                "data",
                lower,
                "itemStyle",
                map("color", "transparent"),
                "silent",
                true,
                "tooltip",
                map("show", false),
                "emphasis",
                map("disabled", true)));
        series.add(map(
                "id",
                "waterfall-steps",
                "name",
                w.yLabel().isBlank() ? "Value" : w.yLabel(),
                "type",
                "bar",
                "stack",
                "waterfall",
                "stackStrategy",
                "all",
                "data",
                bars,
                "barMaxWidth",
                64,
                "label",
                map("show", true, "position", "top", "fontSize", 11)));
        // each colour used is named in the legend by an empty series of its own, as the bar charts' significance is
        List<Object> legend = new ArrayList<>();
        Palette.stepLegend(w.steps()).forEach((name, colour) -> {
            series.add(map(
                    "id",
                    "waterfall-" + name.toLowerCase(java.util.Locale.ROOT),
                    "name",
                    name,
                    "type",
                    "scatter",
                    "data",
                    List.of(),
                    "color",
                    colour,
                    "itemStyle",
                    map("color", colour)));
            legend.add(map("name", name, "icon", "rect"));
        });
        return map(
                "xAxis",
                map(
                        "type",
                        "category",
                        "data",
                        w.steps().stream().map(Chart.Step::label).toList(),
                        "name",
                        w.xLabel(),
                        "axisLabel",
                        map("interval", 0)),
                "yAxis",
                map("type", "value", "name", w.yLabel()),
                "legend",
                map("bottom", 0, "data", legend, "selectedMode", false),
                "grid",
                map("bottom", 80, "top", 70),
                "tooltip",
                map("trigger", "item"),
                "series",
                series);
    }

    private static Map<String, Object> heatmap(Chart.Heatmap h) {
        List<Object> data = new ArrayList<>();
        double max = 0;
        int n = h.rows().size();
        // the columns in the rows' order (a condition is in the same place across and down, so a condition with
        // itself lies on the diagonal), then any column that is not also a row, in its own order
        List<String> columns = new ArrayList<>();
        h.rows().stream().filter(h.columns()::contains).forEach(columns::add);
        h.columns().stream().filter(c -> !columns.contains(c)).forEach(columns::add);
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < h.columns().size(); c++) {
                Double v = h.values().get(r).get(c);
                if (v != null) {
                    data.add(List.of(columns.indexOf(h.columns().get(c)), n - 1 - r, v));
                    if (!h.rows().get(r).equals(h.columns().get(c))) {
                        max = Math.max(max, v);
                    }
                }
            }
        }
        List<String> rowsTopDown = new ArrayList<>(h.rows());
        java.util.Collections.reverse(rowsTopDown);
        // every row and column labelled (interval 0); the grid grows to hold the labels (containLabel)
        return map(
                "xAxis",
                map("type", "category", "data", columns, "axisLabel", map("interval", 0, "rotate", 40)),
                "yAxis",
                map("type", "category", "data", rowsTopDown, "axisLabel", map("interval", 0)),
                "visualMap",
                map(
                        "min",
                        0,
                        "max",
                        max,
                        "calculable",
                        true,
                        "orient",
                        "horizontal",
                        "left",
                        "center",
                        "bottom",
                        0,
                        "inRange",
                        map("color", List.of(Palette.HEAT_LOW, Palette.HEAT_HIGH))),
                "grid",
                map("bottom", 70, "top", 60, "left", 10, "right", 20, "containLabel", true),
                "tooltip",
                map("position", "top", "valueFormatter", "one-decimal"),
                // values are labelled to one decimal (named formatter "one-decimal", supplied by the dashboard,
                // which also hides the labels when the cells are too small to hold them)
                "series",
                List.of(map(
                        "name",
                        h.title(),
                        "type",
                        "heatmap",
                        "data",
                        data,
                        "label",
                        map("show", true, "fontSize", 10, "formatter", "one-decimal"))));
    }

    /**
     * ECharts takes a legend's colour from the series' own colour, not from its line, so every series states
     * its colour once for both; the special-cause colours of the points get legend entries of their own.
     */
    private static Map<String, Object> spc(Chart.Spc s) {
        List<Object> points = new ArrayList<>();
        for (int i = 0; i < s.values().size(); i++) {
            points.add(map(
                    "value",
                    s.values().get(i),
                    "itemStyle",
                    map("color", s.pointTypes().get(i).colour())));
        }
        List<Object> series = new ArrayList<>();
        Map<String, Object> value = spcLine("Value", points, Palette.SPC_LINE, "solid");
        value.put("symbol", "circle");
        value.put("symbolSize", 8);
        if (s.target() != null) {
            value.put(
                    "markLine",
                    map(
                            "symbol",
                            "none",
                            "silent",
                            true,
                            "data",
                            List.of(map(
                                    "yAxis",
                                    s.target(),
                                    "name",
                                    "Target",
                                    "lineStyle",
                                    map("color", Palette.TARGET),
                                    "label",
                                    map("formatter", "Target {c}")))));
        }
        series.add(value);
        series.add(limit("Mean", s.centre(), Palette.SPC_MEAN, "solid"));
        series.add(limit("Lower process limit", s.lower(), Palette.SPC_LIMIT, "dashed"));
        series.add(limit("Upper process limit", s.upper(), Palette.SPC_LIMIT, "dashed"));
        for (SpcPointType t : s.specialCauseTypes()) {
            series.add(map(
                    "name",
                    t.legendName(),
                    "type",
                    "scatter",
                    "data",
                    List.of(),
                    "symbol",
                    "circle",
                    "color",
                    t.colour(),
                    "itemStyle",
                    map("color", t.colour())));
        }
        return map(
                "xAxis",
                map("type", "category", "data", s.x()),
                "yAxis",
                map("type", "value", "name", s.yLabel(), "scale", true),
                "legend",
                map("bottom", 0),
                "grid",
                map("bottom", 70, "top", 70),
                "series",
                series);
    }

    private static Map<String, Object> limit(String name, List<Double> values, String colour, String type) {
        Map<String, Object> line = spcLine(name, nullsAsGaps(values), colour, type);
        line.put("symbol", "none");
        return line;
    }

    private static Map<String, Object> spcLine(String name, List<Object> data, String colour, String type) {
        return map(
                "name",
                name,
                "type",
                "line",
                "data",
                data,
                "color",
                colour,
                "itemStyle",
                map("color", colour),
                "lineStyle",
                map("color", colour, "type", type, "width", 1));
    }

    /** ECharts draws "-" as a gap: a suppressed value must never look like zero. */
    private static List<Object> nullsAsGaps(List<Double> values) {
        List<Object> out = new ArrayList<>();
        for (Double v : values) {
            out.add(v == null ? "-" : v);
        }
        return out;
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
