package org.openphm.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openphm.model.results.IndicatorColumns;
import org.openphm.model.results.PackMetadata;
import org.openphm.model.results.PackMetadata.AnalysisInfo;
import org.openphm.model.results.PackMetadata.IndicatorInfo;
import org.openphm.model.results.PackMetadata.TableInfo;
import org.openphm.publish.pack.PackContents;
import org.openphm.publish.pack.PackItem;
import org.openphm.publish.results.Area;
import org.openphm.publish.results.DataTable;
import org.openphm.publish.results.ResultsDir;

/**
 * The REST API over a built output directory (described by {@code /api/openapi.json}). Every answer is
 * selected from results loaded at start-up; nothing is recomputed per request.
 */
final class Api {
    private final ResultsDir results;
    private final PackContents contents;
    private final Views views;
    private final ObjectMapper json = new ObjectMapper();
    /** Views are pure functions of immutable results, so each drawn view is kept (bounded by areas × breakdowns). */
    private final java.util.concurrent.ConcurrentHashMap<String, String> viewCache =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** Every area code in the results, for checking the area parameter of each view request. */
    private final List<String> areaCodes;
    /** Every DP section of the pack's items and indicators ("DP 5.9"), for checking the section parameter. */
    private final List<String> sectionIds;

    Api(ResultsDir results) {
        this.results = results;
        this.areaCodes = results.areas().stream().map(Area::code).toList();
        this.contents = PackContents.of(results);
        this.views = new Views(results);
        java.util.TreeSet<String> ids = new java.util.TreeSet<>();
        for (PackMetadata.Section s : contents.sections()) {
            for (PackItem item : contents.items(s.number())) {
                if (item.section() != null && !item.section().isEmpty()) {
                    ids.add(item.section());
                }
            }
        }
        for (IndicatorInfo i : results.metadata().indicators()) {
            if (i.section() != null && !i.section().isEmpty()) {
                ids.add(i.section());
            }
        }
        this.sectionIds = List.copyOf(ids);
    }

    void routes(RoutesConfig r) {
        r.get("/api/sections", this::sections);
        r.get("/api/indicators", this::indicators);
        r.get("/api/indicators/{id}", this::indicator);
        r.get("/api/areas", this::areas);
        r.get("/api/results", this::results);
        r.get("/api/analyses", this::analyses);
        r.get("/api/analyses/{id}", this::analysis);
        r.get("/api/analyses/{id}/tables/{name}", this::table);
        r.get("/api/views/indicator/{id}", this::indicatorView);
        r.get("/api/views/analysis/{id}", this::analysisView);
        new ProfileViews(results, views, this).warm().routes(r);
    }

    private void sections(Context ctx) {
        Params.only(ctx);
        List<Object> out = new ArrayList<>();
        for (PackMetadata.Section s : contents.sections()) {
            List<Object> items = new ArrayList<>();
            for (PackItem item : contents.items(s.number())) {
                items.add(Map.of(
                        "id",
                        item.id(),
                        "section",
                        item.section(),
                        "title",
                        item.title(),
                        "kind",
                        results.indicatorInfo(item.id()).isPresent() ? "indicator" : "analysis"));
            }
            out.add(Map.of("number", s.number(), "title", s.title(), "items", items));
        }
        send(ctx, out);
    }

    private void indicators(Context ctx) {
        Params.only(ctx, "q", "section");
        String q = lower(Params.text(ctx, "q"));
        String section = Params.oneOf(ctx, "section", sectionIds, null);
        List<IndicatorInfo> out = results.metadata().indicators().stream()
                .filter(i -> q == null
                        || lower(i.name()).contains(q)
                        || lower(i.id()).contains(q)
                        || lower(i.definition()).contains(q))
                .filter(i -> section == null || section.equals(i.section()))
                .toList();
        send(ctx, out);
    }

    private void indicator(Context ctx) {
        Params.only(ctx);
        send(ctx, indicatorInfo(ctx.pathParam("id")));
    }

    private void areas(Context ctx) {
        Params.only(ctx, "type");
        String type = Params.oneOf(ctx, "type", IndicatorColumns.AREA_TYPES, null);
        send(
                ctx,
                results.areas().stream()
                        .filter(a -> type == null || type.equals(a.type()))
                        .toList());
    }

    /** Tidy rows of one indicator, filtered by area, area type, period, sex and breakdown. */
    private void results(Context ctx) {
        Params.only(ctx, "indicator", "area", "area_type", "period", "sex", "breakdown", "format");
        String format = Params.format(ctx);
        String id = ctx.queryParam("indicator");
        if (id == null || id.isEmpty()) {
            throw new BadRequest("indicator", "parameter 'indicator' is required", indicatorIds());
        }
        Params.oneOf(ctx, "indicator", indicatorIds(), null);
        DataTable rows = results.indicator(id);
        Map<String, String> filter = new LinkedHashMap<>();
        putChecked(ctx, filter, "area", IndicatorColumns.AREA_CODE, rows);
        putChecked(ctx, filter, "area_type", IndicatorColumns.AREA_TYPE, rows);
        putChecked(ctx, filter, "period", IndicatorColumns.PERIOD, rows);
        putChecked(ctx, filter, "sex", IndicatorColumns.SEX, rows);
        String breakdown = Params.oneOf(ctx, "breakdown", Breakdowns.NAMES, null);
        if (breakdown != null) {
            filter.put(IndicatorColumns.CATEGORY_TYPE, Breakdowns.CATEGORY_TYPES.get(breakdown));
        }
        table(ctx, rows.where(filter), format, id);
    }

    private static void putChecked(
            Context ctx, Map<String, String> filter, String param, String column, DataTable rows) {
        List<String> allowed = rows.distinct(column);
        String v = Params.oneOf(ctx, param, allowed, null);
        if (v != null) {
            filter.put(column, v);
        }
    }

    private void analyses(Context ctx) {
        Params.only(ctx);
        send(ctx, results.metadata().analyses());
    }

    private void analysis(Context ctx) {
        Params.only(ctx);
        send(ctx, analysisInfo(ctx.pathParam("id")));
    }

    private void table(Context ctx) {
        Params.only(ctx, "format");
        String format = Params.format(ctx);
        AnalysisInfo a = analysisInfo(ctx.pathParam("id"));
        String name = ctx.pathParam("name");
        TableInfo t = a.tables().stream()
                .filter(x -> x.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new NotFound("analysis " + a.id() + " has no table '" + ApiErrors.shown(name)
                        + "'; it has: "
                        + String.join(
                                ", ", a.tables().stream().map(TableInfo::name).toList())));
        try {
            if ("csv".equals(format)) {
                // The whole table as CSV is the published results file itself: sent as it is, not re-serialised.
                attachment(ctx, a.id() + "-" + t.name());
                ctx.result(java.nio.file.Files.newInputStream(results.tableFile(t.file())));
                return;
            }
            table(ctx, results.table(t.file()), format, a.id() + "-" + t.name());
        } catch (IOException e) {
            throw new NotFound("table file of " + a.id() + "/" + t.name() + " is missing from results/");
        }
    }

    private void indicatorView(Context ctx) {
        Params.only(ctx, "area", "breakdown", "format", "chart");
        Params.chartOnlyWithCsv(ctx);
        IndicatorInfo info = indicatorInfo(ctx.pathParam("id"));
        Area area = area(ctx);
        String breakdown = Params.oneOf(ctx, "breakdown", Breakdowns.NAMES, "none");
        if (cached(ctx, "i/" + info.id() + "/" + area.code() + "/" + breakdown)) {
            return;
        }
        view(ctx, views.indicator(info, area, breakdown));
    }

    private void analysisView(Context ctx) {
        Params.only(ctx, "area", "format", "chart");
        Params.chartOnlyWithCsv(ctx);
        AnalysisInfo a = analysisInfo(ctx.pathParam("id"));
        Area area = area(ctx);
        if (cached(ctx, "a/" + a.id() + "/" + area.code())) {
            return;
        }
        view(ctx, views.analysis(a, area));
    }

    /** The area parameter: one of the areas in the results (400 naming them otherwise); default the ICB. */
    private Area area(Context ctx) {
        String code = Params.oneOf(ctx, "area", areaCodes, views.defaultArea());
        return results.area(code).orElseThrow(() -> new NotFound("no areas in the results"));
    }

    /** JSON: every chart with option, key points and rows; CSV: the rows behind chart number {@code chart}. */
    private void view(Context ctx, Views.View view) {
        String format = Params.format(ctx);
        if ("csv".equals(format)) {
            int i = Params.index(ctx, "chart", Math.max(1, view.charts().size()));
            Views.ViewChart c = view.charts().get(i);
            if (c.chart() == null) {
                throw new NotFound("chart " + i + " of " + view.id() + " could not be drawn: " + c.error());
            }
            csv(ctx, c.chart().source(), view.id() + "-" + i);
            return;
        }
        List<Object> charts = new ArrayList<>();
        for (Views.ViewChart c : view.charts()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("title", c.chart() == null ? c.spec().title() : c.chart().title());
            m.put("kind", c.spec().kind());
            m.put("option", c.option());
            m.put("key_points", c.keyPoints());
            m.put("error", c.error());
            m.put("note", c.note());
            if (c.chart() != null) {
                m.put("table", tableJson(c.chart().source()));
            }
            charts.add(m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", view.id());
        out.put("title", view.title());
        out.put("about", view.about());
        out.put("charts", charts);
        send(ctx, out);
        viewCache.put(cacheKey(ctx), ctx.result());
    }

    /** Serves a JSON view drawn before; CSV requests (with their chart index) are cut fresh. */
    private boolean cached(Context ctx, String key) {
        String format = Params.format(ctx);
        if (!"json".equals(format)) {
            return false;
        }
        ctx.attribute("openphm.view-key", key);
        String body = viewCache.get(key);
        if (body == null) {
            return false;
        }
        ctx.contentType("application/json; charset=utf-8");
        ctx.result(body);
        return true;
    }

    private static String cacheKey(Context ctx) {
        Object key = ctx.attribute("openphm.view-key");
        return key == null ? ctx.fullUrl() : key.toString();
    }

    private IndicatorInfo indicatorInfo(String id) {
        return results.indicatorInfo(id)
                .orElseThrow(() -> new NotFound("no indicator '" + ApiErrors.shown(id) + "'; see /api/indicators"));
    }

    private AnalysisInfo analysisInfo(String id) {
        return results.analysis(id)
                .orElseThrow(() -> new NotFound("no analysis '" + ApiErrors.shown(id) + "'; see /api/analyses"));
    }

    private List<String> indicatorIds() {
        return results.metadata().indicators().stream()
                .map(IndicatorInfo::id)
                .sorted(Comparator.naturalOrder())
                .toList();
    }

    private void table(Context ctx, DataTable t, String format, String name) {
        if ("csv".equals(format)) {
            csv(ctx, t, name);
        } else {
            send(ctx, tableJson(t));
        }
    }

    private static Map<String, Object> tableJson(DataTable t) {
        return Map.of("columns", t.columns(), "rows", t.rows());
    }

    private static void csv(Context ctx, DataTable t, String name) {
        attachment(ctx, name);
        ctx.result(t.toCsv());
    }

    private static void attachment(Context ctx, String name) {
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header(
                "Content-Disposition", "attachment; filename=\"" + name.replaceAll("[^A-Za-z0-9._-]", "_") + ".csv\"");
    }

    void send(Context ctx, Object body) {
        try {
            ctx.contentType("application/json; charset=utf-8");
            ctx.result(json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not serialise the response", e);
        }
    }

    private static String lower(String s) {
        return s == null || s.isEmpty() ? null : s.toLowerCase(Locale.ROOT);
    }
}
