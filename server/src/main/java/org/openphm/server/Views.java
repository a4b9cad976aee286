package org.openphm.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openphm.model.AreaType;
import org.openphm.model.results.ChartRole;
import org.openphm.model.results.ChartSpec;
import org.openphm.model.results.IndicatorColumns;
import org.openphm.model.results.PackMetadata.AnalysisInfo;
import org.openphm.model.results.PackMetadata.IndicatorInfo;
import org.openphm.publish.chart.Chart;
import org.openphm.publish.chart.ChartResolver;
import org.openphm.publish.chart.EChartsOptions;
import org.openphm.publish.results.Area;
import org.openphm.publish.results.DataTable;
import org.openphm.publish.results.ResultsDir;
import org.openphm.publish.text.KeyPointWriter;

/**
 * The dashboard's views: for an indicator at an area and breakdown, or an analysis, the chart descriptions
 * to draw, resolved to ECharts options with their key points and source rows. The same {@link ChartSpec}s and
 * resolver as the printed pack, so the dashboard and the pack cannot disagree.
 */
final class Views {
    private final ResultsDir results;
    private final ChartResolver resolver;
    private final EChartsOptions echarts = new EChartsOptions();
    private final KeyPointWriter keyPoints = new KeyPointWriter();

    Views(ResultsDir results) {
        this.results = results;
        this.resolver = new ChartResolver(results);
    }

    /** A view: its charts, each with what the dashboard shows and downloads. */
    record View(String id, String title, Map<String, Object> about, List<ViewChart> charts) {}

    /** @param note why the chart is not cut to the chosen area, or null */
    record ViewChart(
            ChartSpec spec,
            Chart chart,
            Map<String, Object> option,
            List<String> keyPoints,
            String error,
            String note) {}

    /** The ICB (the widest area below England), else the first area: the dashboard's starting point. */
    String defaultArea() {
        return results.areas().stream()
                .filter(a -> AreaType.ICB.label().equals(a.type()))
                .findFirst()
                .or(() -> results.areas().stream()
                        .filter(a -> !AreaType.ENGLAND.label().equals(a.type()))
                        .findFirst())
                .or(() -> results.areas().stream().findFirst())
                .map(Area::code)
                .orElse("");
    }

    View indicator(IndicatorInfo info, Area area, String breakdown) {
        List<ChartSpec> specs = new ArrayList<>();
        String name = info.name();
        if ("none".equals(breakdown)) {
            List<String> compared = comparedAreas(area);
            String title = name + ": " + (compared.size() > 2 ? "areas within " : "") + area.name() + ", latest period";
            ChartSpec.DataRef data = ChartSpec.DataRef.ofIndicator(
                    info.id(),
                    Map.of(IndicatorColumns.AREA_CODE, String.join("|", compared), IndicatorColumns.PERIOD, "latest"));
            specs.add(headlineBars(title, data));
            specs.add(new ChartSpec(
                    "trend",
                    name + ": trend, " + area.name(),
                    "With its parent area and England",
                    ChartSpec.DataRef.ofIndicator(
                            info.id(), Map.of(IndicatorColumns.AREA_CODE, String.join("|", lineage(area)))),
                    null,
                    null,
                    null,
                    null));
        } else {
            String type = Breakdowns.CATEGORY_TYPES.get(breakdown);
            specs.add(new ChartSpec(
                    "bar_ci",
                    name + " by " + type.toLowerCase() + ", " + area.name() + ", latest period",
                    "Compared with " + area.name() + " as a whole (95% confidence intervals)",
                    ChartSpec.DataRef.ofIndicator(
                            info.id(),
                            Map.of(
                                    IndicatorColumns.AREA_CODE,
                                    area.code(),
                                    IndicatorColumns.CATEGORY_TYPE,
                                    type,
                                    IndicatorColumns.PERIOD,
                                    "latest")),
                    ChartRole.encoding(Map.of(
                            ChartRole.X,
                            IndicatorColumns.CATEGORY,
                            ChartRole.SIGNIFICANCE,
                            IndicatorColumns.COMPARED_TO_PARENT)),
                    null,
                    null,
                    null));
            specs.add(new ChartSpec(
                    "trend",
                    name + " by " + type.toLowerCase() + ": trend, " + area.name(),
                    null,
                    ChartSpec.DataRef.ofIndicator(
                            info.id(),
                            Map.of(IndicatorColumns.AREA_CODE, area.code(), IndicatorColumns.CATEGORY_TYPE, type)),
                    ChartRole.encoding(Map.of(ChartRole.SERIES, IndicatorColumns.CATEGORY)),
                    null,
                    null,
                    null));
        }
        Map<String, Object> about =
                about(info.section(), info.definition(), info.method(), info.source(), info.caveats());
        about.put("value_type", info.valueType());
        about.put("area", area);
        about.put("breakdown", breakdown);
        return new View(info.id(), info.section() + " " + name, about, draw(specs));
    }

    /**
     * The headline bars, coloured by significance against England. Where no bar carries an England comparison
     * (England has no published value for the period: the README's England comparator rule) the colours would
     * all be "not compared": the bars are then coloured against each area's parent, and the subtitle says so;
     * where neither comparison exists the subtitle says the colours compare nothing.
     */
    private ChartSpec headlineBars(String title, ChartSpec.DataRef data) {
        ChartSpec england = new ChartSpec(
                "bar_ci",
                title,
                "Compared with England (95% confidence intervals)",
                data,
                ChartRole.encoding(Map.of(ChartRole.SIGNIFICANCE, IndicatorColumns.COMPARED_TO_ENGLAND)),
                null,
                null,
                null);
        if (compares(england)) {
            return england;
        }
        ChartSpec parent = new ChartSpec(
                "bar_ci",
                title,
                "Not compared with England: no published England value "
                        + "for this period. Colours compare each area with its parent area (95% confidence intervals)",
                data,
                ChartRole.encoding(Map.of(ChartRole.SIGNIFICANCE, IndicatorColumns.COMPARED_TO_PARENT)),
                null,
                null,
                null);
        if (compares(parent)) {
            return parent;
        }
        return new ChartSpec(
                "bar_ci",
                title,
                "Not compared: no published England value for this period and no "
                        + "comparison with the parent area (bars grey)",
                data,
                ChartRole.encoding(Map.of(ChartRole.SIGNIFICANCE, IndicatorColumns.COMPARED_TO_ENGLAND)),
                null,
                null,
                null);
    }

    /** Whether any bar of the chart carries a significance judgement. */
    private boolean compares(ChartSpec spec) {
        try {
            return resolver.resolve(spec) instanceof Chart.Bars b
                    && b.bars().stream().anyMatch(x -> x.comparison() != org.openphm.model.Comparison.NOT_COMPARED);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** One chart description drawn (for the area views). */
    ViewChart drawOne(ChartSpec spec) {
        return draw(spec, null);
    }

    /**
     * An analysis at an area. At the default area (the ICB) its charts are exactly the printed pack's. At another
     * area, a chart whose table has an area_code column is cut to that area: a pyramid or matrix to the area
     * alone, a trend or projection to the area with its parent and England, bars and tables to the area's
     * children (or siblings) beside it, its parent and England. A chart that cannot be cut says so in its note.
     */
    View analysis(AnalysisInfo a, Area area) {
        List<ChartSpec> specs = a.charts().isEmpty()
                ? a.tables().stream()
                        .map(t -> new ChartSpec(
                                "table",
                                t.name(),
                                null,
                                ChartSpec.DataRef.ofTable(t.file(), null),
                                null,
                                null,
                                null,
                                null))
                        .toList()
                : a.charts();
        boolean atDefault = area.code().equals(defaultArea());
        List<ViewChart> charts = new ArrayList<>();
        for (ChartSpec spec : specs) {
            charts.add(atDefault ? draw(spec, null) : atArea(spec, area));
        }
        Map<String, Object> about = about(a.section(), a.definition(), a.method(), a.source(), a.caveats());
        about.put("area", area);
        return new View(a.id(), a.section() + " " + a.title(), about, charts);
    }

    private ViewChart atArea(ChartSpec spec, Area area) {
        String shownFor = results.area(defaultArea()).map(Area::name).orElse("the whole area");
        DataTable table = analysisTable(spec);
        if (table == null || !table.has(IndicatorColumns.AREA_CODE)) {
            return draw(spec, "Not broken down by area: shown for " + shownFor + ".");
        }
        Map<String, String> filter = new LinkedHashMap<>(spec.data().filter());
        AREA_COLUMNS.forEach(filter::remove);
        Map<String, String> own = new LinkedHashMap<>(filter);
        own.remove(IndicatorColumns.PERIOD); // "latest" is resolved by the chart; any period will do for this check
        own.put(IndicatorColumns.AREA_CODE, area.code());
        if (table.where(own).rows().isEmpty()) {
            return draw(spec, "Not published for " + area.name() + ": shown for " + shownFor + ".");
        }
        List<String> codes = switch (spec.kind() == null ? "" : spec.kind()) {
            case "pyramid", "heatmap", "comorbidity" -> List.of(area.code());
            case "trend", "projection" -> lineage(area);
            default -> comparedAreas(area);
        };
        filter.put(IndicatorColumns.AREA_CODE, String.join("|", codes));
        ChartSpec cut = new ChartSpec(
                spec.kind(),
                (spec.title() == null ? "" : spec.title() + " \u2013 ") + area.name(),
                spec.subtitle(),
                ChartSpec.DataRef.ofTable(spec.data().table(), filter),
                spec.encoding(),
                spec.xLabel(),
                spec.yLabel(),
                spec.unit());
        return draw(cut, null);
    }

    /** The analysis table a chart draws from, or null for an indicator chart or a table that cannot be read. */
    private DataTable analysisTable(ChartSpec spec) {
        if (spec.data() == null || spec.data().table() == null) {
            return null;
        }
        try {
            return results.table(spec.data().table());
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /** Geography filter keys of a chart description, replaced when the chart is cut to an area. */
    private static final List<String> AREA_COLUMNS = List.of(
            IndicatorColumns.AREA_CODE,
            IndicatorColumns.AREA_TYPE,
            IndicatorColumns.AREA_NAME,
            IndicatorColumns.PARENT_CODE);

    /** The area's children (or, for an area without any, its siblings), the area, its parent and England. */
    private List<String> comparedAreas(Area area) {
        List<String> codes = new ArrayList<>();
        List<Area> children = results.areas().stream()
                .filter(a -> area.code().equals(a.parentCode()))
                .toList();
        if (children.isEmpty() && area.parentCode() != null) {
            children = results.areas().stream()
                    .filter(a -> area.parentCode().equals(a.parentCode()))
                    .toList();
        }
        children.forEach(c -> codes.add(c.code()));
        lineage(area).stream().filter(c -> !codes.contains(c)).forEach(codes::add);
        return codes;
    }

    /** The area, its parent and England. */
    private List<String> lineage(Area area) {
        List<String> codes = new ArrayList<>(List.of(area.code()));
        if (area.parentCode() != null) {
            codes.add(area.parentCode());
        }
        results.areas().stream()
                .filter(a -> AreaType.ENGLAND.label().equals(a.type()))
                .map(Area::code)
                .filter(c -> !codes.contains(c))
                .forEach(codes::add);
        return codes;
    }

    private List<ViewChart> draw(List<ChartSpec> specs) {
        List<ViewChart> out = new ArrayList<>();
        for (ChartSpec spec : specs) {
            out.add(draw(spec, null));
        }
        return out;
    }

    private ViewChart draw(ChartSpec spec, String note) {
        try {
            Chart chart = mixedParents(spec, resolver.resolve(spec));
            Optional<Map<String, Object>> option = echarts.option(chart);
            return new ViewChart(spec, chart, option.orElse(null), keyPoints.write(chart), null, note);
        } catch (IllegalArgumentException e) {
            return new ViewChart(spec, null, null, List.of(), e.getMessage(), note);
        }
    }

    /**
     * Bars coloured against each area's parent where the bars have different parents (a Place beside its
     * neighbourhoods: the Place is compared with the ICB, each neighbourhood with the Place) are not all
     * compared with one area: the legend and key points then say "its parent area", not the first reference.
     */
    private static Chart mixedParents(ChartSpec spec, Chart chart) {
        if (!(chart instanceof Chart.Bars b)
                || !IndicatorColumns.COMPARED_TO_PARENT.equals(
                        spec.encoding().get(org.openphm.model.results.ChartRole.SIGNIFICANCE.code()))
                || !b.source().has(IndicatorColumns.PARENT_CODE)
                || !b.source().has(IndicatorColumns.COMPARED_TO_PARENT)) {
            return chart;
        }
        DataTable rows = b.source();
        java.util.Set<String> bars = new java.util.HashSet<>();
        b.bars().forEach(x -> bars.add(x.label()));
        long parents = rows.rows().stream()
                .filter(r -> bars.contains(
                        rows.get(r, spec.column(org.openphm.model.results.ChartRole.X, IndicatorColumns.AREA_NAME))))
                .filter(r -> org.openphm.model.Comparison.parse(rows.get(r, IndicatorColumns.COMPARED_TO_PARENT))
                        != org.openphm.model.Comparison.NOT_COMPARED)
                .map(r -> rows.get(r, IndicatorColumns.PARENT_CODE))
                .distinct()
                .count();
        return parents > 1
                ? new Chart.Bars(
                        b.title(),
                        b.subtitle(),
                        b.unit(),
                        b.xLabel(),
                        b.yLabel(),
                        b.bars(),
                        b.references(),
                        "its parent area",
                        b.ciLevel(),
                        b.source())
                : chart;
    }

    private static Map<String, Object> about(
            String section, String definition, String method, String source, List<String> caveats) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("section", section);
        m.put("definition", definition);
        m.put("method", method);
        m.put("source", source);
        m.put("caveats", caveats);
        return m;
    }
}
