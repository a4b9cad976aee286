package org.openphm.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.openphm.model.AreaType;
import org.openphm.model.Comparison;
import org.openphm.model.Totals;
import org.openphm.model.results.ChartRole;
import org.openphm.model.results.ChartSpec;
import org.openphm.model.results.IndicatorColumns;
import org.openphm.model.results.PackMetadata.IndicatorInfo;
import org.openphm.publish.results.Area;
import org.openphm.publish.results.DataTable;
import org.openphm.publish.results.ResultsDir;
import org.openphm.stats.FunnelArea;
import org.openphm.stats.FunnelLimits;
import org.openphm.stats.FunnelSignificance;
import org.openphm.stats.FunnelStatistic;
import org.openphm.stats.Funnels;

/**
 * The dashboard's area views, in the manner of Fingertips and the Model Health System: an overview (the pack
 * cover's "At a glance", for any area), an area profile (spine chart), a comparison of chosen areas, a
 * practice funnel plot and a schematic (not geographic) treemap "map". Every figure is selected from the
 * published indicator rows (latest period, headline: no breakdown category); the only figures computed here
 * are summaries of published values (quartiles of values across areas, funnel control limits from published
 * counts and denominators). A suppressed value stays empty and is shown as suppressed, never as zero.
 */
final class ProfileViews {
    private final ResultsDir results;
    private final Views views;
    private final Api api;
    /** Per indicator, its latest headline rows by area code: built once, results are immutable. */
    private final Map<String, Latest> latest = new ConcurrentHashMap<>();

    private final Map<String, Object> cache = new ConcurrentHashMap<>();

    ProfileViews(ResultsDir results, Views views, Api api) {
        this.results = results;
        this.views = views;
        this.api = api;
    }

    /** Builds every indicator's latest headline rows in the background, so the first overview need not. */
    ProfileViews warm() {
        Thread t =
                new Thread(() -> results.metadata().indicators().forEach(i -> latest(i.id())), "openphm-profile-warm");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
        return this;
    }

    /** One area's headline row in the latest period; numbers null where suppressed or not applicable. */
    record Headline(
            String code,
            String name,
            String type,
            String parent,
            Double count,
            Double denominator,
            Double value,
            Double lower,
            Double upper,
            String vsEngland,
            String vsParent,
            String trend,
            String note) {}

    record Latest(String period, Map<String, Headline> byArea) {}

    void routes(RoutesConfig r) {
        r.get("/api/views/overview", ctx -> {
            Params.only(ctx, "area");
            Area area = area(ctx);
            send(ctx, "o/" + area.code(), () -> overview(area));
        });
        r.get("/api/views/profile", ctx -> {
            Params.only(ctx, "area");
            Area area = area(ctx);
            send(ctx, "p/" + area.code(), () -> profile(area));
        });
        r.get("/api/views/compare", ctx -> {
            Params.only(ctx, "indicator", "areas");
            IndicatorInfo info = indicator(ctx);
            String raw = ctx.queryParam("areas");
            List<Area> chosen = new ArrayList<>();
            for (String code : (raw == null || raw.isBlank() ? views.defaultArea() : raw).split(",")) {
                Area a = results.area(code.trim())
                        .orElseThrow(() -> new BadRequest(
                                "areas", "unknown area code '" + code.trim() + "' in parameter 'areas'", areaCodes()));
                if (!chosen.contains(a)) {
                    chosen.add(a);
                }
            }
            api.send(ctx, compare(info, chosen));
        });
        r.get("/api/views/funnel", ctx -> {
            Params.only(ctx, "indicator", "area", "area_type");
            IndicatorInfo info = indicator(ctx);
            Area area = area(ctx);
            String type = Params.oneOf(ctx, "area_type", IndicatorColumns.AREA_TYPES, AreaType.PRACTICE.label());
            send(ctx, "f/" + info.id() + "/" + area.code() + "/" + type, () -> funnel(info, area, type));
        });
        r.get("/api/views/map", ctx -> {
            Params.only(ctx, "indicator", "area");
            IndicatorInfo info = indicator(ctx);
            Area area = area(ctx);
            send(ctx, "m/" + info.id() + "/" + area.code(), () -> map(info, area));
        });
    }

    private void send(Context ctx, String key, java.util.function.Supplier<Object> body) {
        api.send(ctx, cache.computeIfAbsent(key, k -> body.get()));
    }

    private Area area(Context ctx) {
        String code = Params.oneOf(ctx, "area", areaCodes(), views.defaultArea());
        return results.area(code).orElseThrow(() -> new NotFound("no areas in the results"));
    }

    private List<String> areaCodes() {
        return results.areas().stream().map(Area::code).toList();
    }

    private IndicatorInfo indicator(Context ctx) {
        List<String> ids =
                results.metadata().indicators().stream().map(IndicatorInfo::id).toList();
        String id = ctx.queryParam("indicator");
        if (id == null || id.isEmpty()) {
            throw new BadRequest("indicator", "parameter 'indicator' is required", ids);
        }
        Params.oneOf(ctx, "indicator", ids, null);
        return results.indicatorInfo(id).orElseThrow(() -> new NotFound("no indicator '" + id + "'"));
    }

    // --- the latest headline rows ---------------------------------------------------------------

    /** The indicator's latest period with a headline row, and each area's headline row in it. */
    Latest latest(String id) {
        return latest.computeIfAbsent(id, k -> {
            DataTable rows = results.indicator(k).where(Map.of(IndicatorColumns.CATEGORY_TYPE, ""));
            if (rows.has(IndicatorColumns.SEX)
                    && rows.distinct(IndicatorColumns.SEX).contains(Totals.PERSONS)) {
                rows = rows.where(Map.of(IndicatorColumns.SEX, Totals.PERSONS));
            }
            String period = rows.distinct(IndicatorColumns.PERIOD).stream()
                    .max(Comparator.naturalOrder())
                    .orElse(null);
            Map<String, Headline> byArea = new LinkedHashMap<>();
            if (period != null) {
                DataTable now = rows.where(Map.of(IndicatorColumns.PERIOD, period));
                for (List<String> r : now.rows()) {
                    String code = now.get(r, IndicatorColumns.AREA_CODE);
                    byArea.putIfAbsent(
                            code,
                            new Headline(
                                    code,
                                    now.get(r, IndicatorColumns.AREA_NAME),
                                    now.get(r, IndicatorColumns.AREA_TYPE),
                                    now.get(r, IndicatorColumns.PARENT_CODE),
                                    now.number(r, IndicatorColumns.COUNT),
                                    now.number(r, IndicatorColumns.DENOMINATOR),
                                    now.number(r, IndicatorColumns.VALUE),
                                    now.number(r, IndicatorColumns.LOWER_CI95),
                                    now.number(r, IndicatorColumns.UPPER_CI95),
                                    verdict(now.get(r, IndicatorColumns.COMPARED_TO_ENGLAND)),
                                    verdict(now.get(r, IndicatorColumns.COMPARED_TO_PARENT)),
                                    now.get(r, IndicatorColumns.RECENT_TREND),
                                    now.get(r, IndicatorColumns.NOTE)));
                }
            }
            return new Latest(period, byArea);
        });
    }

    /** A comparison as published, or null for none ("Not compared", empty). */
    private static String verdict(String v) {
        Comparison c = Comparison.parse(v);
        return c == Comparison.NOT_COMPARED ? null : c.label();
    }

    private String englandCode() {
        return results.areas().stream()
                .filter(a -> AreaType.ENGLAND.label().equals(a.type()))
                .map(Area::code)
                .findFirst()
                .orElse(null);
    }

    private String areaName(String code) {
        return code == null ? null : results.area(code).map(Area::name).orElse(code);
    }

    // --- overview ---------------------------------------------------------------------------------

    /**
     * The pack cover's "At a glance" for any area: for each indicator's latest period, the area's published
     * significance against England (only where England has a published value, so a comparison exists) and
     * against its parent; counts by verdict with the indicators listed; and each child area's significant
     * verdicts against this area.
     */
    Map<String, Object> overview(Area area) {
        Map<String, List<Map<String, Object>>> vsEngland = new LinkedHashMap<>();
        Map<String, List<Map<String, Object>>> vsParent = new LinkedHashMap<>();
        for (String v :
                labels(Comparison.WORSE, Comparison.BETTER, Comparison.HIGHER, Comparison.LOWER, Comparison.SIMILAR)) {
            vsEngland.put(v, new ArrayList<>());
            vsParent.put(v, new ArrayList<>());
        }
        Map<String, Map<String, Integer>> children = new LinkedHashMap<>();
        Map<String, Map<String, List<Map<String, Object>>>> childItems = new LinkedHashMap<>();
        results.areas().stream()
                .filter(a -> area.code().equals(a.parentCode()))
                .forEach(a -> children.put(a.name(), new LinkedHashMap<>()));
        int indicators = 0;
        int published = 0;
        for (IndicatorInfo info : results.metadata().indicators()) {
            Latest l = latest(info.id());
            if (l.period() == null) {
                continue;
            }
            indicators++;
            Headline h = l.byArea().get(area.code());
            if (h == null) {
                continue;
            }
            if (h.value() != null) {
                published++;
            }
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", info.id());
            item.put("name", info.name());
            item.put("section", info.section());
            item.put("period", l.period());
            item.put("value", h.value());
            item.put("value_type", info.valueType());
            if (h.vsEngland() != null) {
                vsEngland.get(h.vsEngland()).add(item);
            }
            if (h.vsParent() != null) {
                vsParent.get(h.vsParent()).add(item);
            }
            for (Headline c : l.byArea().values()) {
                if (area.code().equals(c.parent())
                        && c.vsParent() != null
                        && !Comparison.SIMILAR.label().equals(c.vsParent())) {
                    children.computeIfAbsent(c.name(), k -> new LinkedHashMap<>())
                            .merge(c.vsParent(), 1, Integer::sum);
                    Map<String, Object> ci = new LinkedHashMap<>();
                    ci.put("id", info.id());
                    ci.put("name", info.name());
                    ci.put("section", info.section());
                    ci.put("value", c.value());
                    ci.put("value_type", info.valueType());
                    ci.put("period", l.period());
                    childItems
                            .computeIfAbsent(c.name(), k -> new LinkedHashMap<>())
                            .computeIfAbsent(c.vsParent(), k -> new ArrayList<>())
                            .add(ci);
                }
            }
        }
        List<String> glance = new ArrayList<>();
        int comparedEngland = vsEngland.values().stream().mapToInt(List::size).sum();
        glance.add(area.name() + ", latest period of each of " + indicators + " indicators: " + published
                + " published for this area; " + comparedEngland + " can be compared with England (a published "
                + "England value for the same period)" + (comparedEngland == 0 ? "." : ":"));
        vsEngland.forEach((v, list) -> {
            if (!list.isEmpty()) {
                glance.add((Comparison.SIMILAR.label().equals(v)
                                ? "Not significantly different from England"
                                : "Significantly " + v.toLowerCase(Locale.ROOT) + " than England")
                        + " (" + list.size() + ").");
            }
        });
        String parentName = areaName(area.parentCode());
        int comparedParent = vsParent.values().stream().mapToInt(List::size).sum();
        if (parentName != null && !area.parentCode().equals(englandCode())) {
            glance.add("Against " + parentName + ": " + comparedParent + " compared" + (comparedParent == 0 ? "." : ":")
                    + String.join(
                                    "",
                                    vsParent.entrySet().stream()
                                            .filter(e -> !e.getValue().isEmpty())
                                            .map(e -> " " + e.getKey().toLowerCase(Locale.ROOT) + " "
                                                    + e.getValue().size() + ";")
                                            .toList())
                            .replaceAll(";$", "."));
        }
        List<Map<String, Object>> childRows = new ArrayList<>();
        children.forEach((name, counts) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", name);
            m.put(
                    "code",
                    results.areas().stream()
                            .filter(a -> a.name().equals(name) && area.code().equals(a.parentCode()))
                            .map(Area::code)
                            .findFirst()
                            .orElse(null));
            m.put("counts", counts);
            m.put("items", childItems.getOrDefault(name, Map.of()));
            childRows.add(m);
            List<String> parts = new ArrayList<>();
            for (String v : labels(Comparison.WORSE, Comparison.BETTER, Comparison.HIGHER, Comparison.LOWER)) {
                if (counts.containsKey(v)) {
                    parts.add(v.toLowerCase(Locale.ROOT) + " on " + counts.get(v));
                }
            }
            if (!parts.isEmpty()) {
                glance.add(name + " against " + area.name() + ": significantly " + String.join(" and ", parts)
                        + (parts.size() == 1 && counts.values().iterator().next() == 1
                                ? " indicator."
                                : " indicators."));
            }
        });
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("area", area);
        out.put("parent", parentName);
        out.put("indicators", indicators);
        out.put("published", published);
        out.put("glance", glance);
        out.put("vs_england", vsEngland);
        out.put("vs_parent", vsParent);
        out.put("children", childRows);
        return out;
    }

    // --- area profile (spine chart) -----------------------------------------------------------------

    /**
     * One row per indicator: the area's latest headline value and count, England's value where published for
     * the same period, and the spread of values across areas of the same type (lowest, 25th and 75th
     * percentiles, highest), oriented worst to best where the indicator has a polarity. The marker is coloured
     * by the area's published significance against England, else against its parent (the row says which).
     */
    Map<String, Object> profile(Area area) {
        String england = englandCode();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (IndicatorInfo info : results.metadata().indicators()) {
            Latest l = latest(info.id());
            if (l.period() == null) {
                continue;
            }
            Headline h = l.byArea().get(area.code());
            String rangeType = rangeType(area);
            double[] values = l.byArea().values().stream()
                    .filter(x -> rangeType.equals(x.type()))
                    .map(Headline::value)
                    .filter(v -> v != null)
                    .mapToDouble(Double::doubleValue)
                    .sorted()
                    .toArray();
            Headline e = england == null ? null : l.byArea().get(england);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", info.id());
            m.put("name", info.name());
            m.put("section", info.section());
            m.put("period", l.period());
            m.put("value_type", info.valueType());
            m.put("polarity", polarity(info));
            m.put("count", h == null ? null : h.count());
            m.put("value", h == null ? null : h.value());
            m.put("lower_ci95", h == null ? null : h.lower());
            m.put("upper_ci95", h == null ? null : h.upper());
            m.put("suppressed", h == null || h.value() == null);
            m.put("note", h == null ? "Not published for this area" : h.note());
            m.put("england", e == null ? null : e.value());
            String parentName = areaName(area.parentCode());
            Headline p = area.parentCode() == null ? null : l.byArea().get(area.parentCode());
            m.put("parent", parentName);
            m.put("parent_value", p == null ? null : p.value());
            String sig = h == null ? null : h.vsEngland();
            String against = sig == null ? null : AreaType.ENGLAND.label();
            if (sig == null && h != null && h.vsParent() != null) {
                sig = h.vsParent();
                against = parentName;
            }
            m.put("significance", sig == null ? Comparison.NOT_COMPARED.label() : sig);
            m.put("compared_with", against);
            m.put("colour", Comparison.parse(sig).colour());
            m.put("range_type", rangeType);
            m.put("areas_of_type", values.length);
            if (values.length > 0) {
                boolean lowIsGood = "low".equals(polarity(info));
                m.put("min", values[0]);
                m.put("q25", quantile(values, 0.25));
                m.put("q75", quantile(values, 0.75));
                m.put("max", values[values.length - 1]);
                // drawn left to right: worst to best with a polarity, lowest to highest without
                m.put("left", lowIsGood ? values[values.length - 1] : values[0]);
                m.put("right", lowIsGood ? values[0] : values[values.length - 1]);
            }
            rows.add(m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("area", area);
        out.put("area_type", area.type());
        out.put("range_type", rangeType(area));
        out.put("rows", rows);
        out.put("legend", legend());
        return out;
    }

    /**
     * The areas whose spread the spine shows: those of the area's own type, as Fingertips does; where the area
     * is the only one of its type (the ICB: the results hold one), the type below it (its Places), which the
     * page then names.
     */
    private String rangeType(Area area) {
        long same = results.areas().stream()
                .filter(a -> area.type().equals(a.type()))
                .count();
        if (same > 1) {
            return area.type();
        }
        int i = IndicatorColumns.AREA_TYPES.indexOf(area.type());
        for (int k = i + 1; i >= 0 && k < IndicatorColumns.AREA_TYPES.size(); k++) {
            String t = IndicatorColumns.AREA_TYPES.get(k);
            if (results.areas().stream().filter(a -> t.equals(a.type())).count() > 1) {
                return t;
            }
        }
        return area.type();
    }

    /** "high" (high is good), "low" (low is good) or "none". */
    static String polarity(IndicatorInfo info) {
        String p = info.polarity() == null ? "" : info.polarity().toLowerCase(Locale.ROOT);
        return p.startsWith("high") ? "high" : p.startsWith("low") ? "low" : "none";
    }

    /** Linear interpolation between order statistics (R type 7, Excel PERCENTILE.INC) of sorted values. */
    static double quantile(double[] sorted, double p) {
        if (sorted.length == 1) {
            return sorted[0];
        }
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    private static List<Map<String, Object>> legend() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Comparison c : Comparison.values()) {
            out.add(Map.of("label", c.label(), "colour", c.colour()));
        }
        return out;
    }

    // --- comparison of chosen areas -----------------------------------------------------------------

    /**
     * The chosen areas' latest headline values with 95% intervals, drawn by the same chart machinery as the
     * indicator views (bars coloured by significance against England where published, else against each
     * area's parent, as the subtitle says), with the rows behind it.
     */
    Map<String, Object> compare(IndicatorInfo info, List<Area> chosen) {
        Latest l = latest(info.id());
        List<String> codes = chosen.stream().map(Area::code).toList();
        boolean england = codes.stream().map(c -> l.byArea().get(c)).anyMatch(h -> h != null && h.vsEngland() != null);
        String sig = england ? IndicatorColumns.COMPARED_TO_ENGLAND : IndicatorColumns.COMPARED_TO_PARENT;
        String subtitle = england
                ? "Colours: compared with England (95% confidence intervals)"
                : "Colours: each area compared with its parent area (95% CI); no published England value for "
                        + l.period();
        ChartSpec spec = new ChartSpec(
                "bar_ci",
                info.name() + ": chosen areas, " + l.period(),
                subtitle,
                ChartSpec.DataRef.ofIndicator(
                        info.id(),
                        Map.of(
                                IndicatorColumns.AREA_CODE,
                                String.join("|", codes),
                                IndicatorColumns.PERIOD,
                                l.period() == null ? "latest" : l.period(),
                                IndicatorColumns.CATEGORY_TYPE,
                                "")),
                ChartRole.encoding(Map.of(ChartRole.SIGNIFICANCE, sig)),
                null,
                null,
                null);
        Views.ViewChart c = views.drawOne(spec);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Area a : chosen) {
            Headline h = l.byArea().get(a.code());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", a.code());
            m.put("name", a.name());
            m.put("type", a.type());
            m.put("count", h == null ? null : h.count());
            m.put("denominator", h == null ? null : h.denominator());
            m.put("value", h == null ? null : h.value());
            m.put("lower_ci95", h == null ? null : h.lower());
            m.put("upper_ci95", h == null ? null : h.upper());
            m.put("compared_to_england", h == null ? null : h.vsEngland());
            m.put("compared_to_parent", h == null ? null : h.vsParent());
            m.put("suppressed", h == null || h.value() == null);
            rows.add(m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("indicator", info.id());
        out.put("name", info.name());
        out.put("period", l.period());
        out.put("value_type", info.valueType());
        out.put("option", c.option());
        out.put("error", c.error());
        out.put("key_points", c.keyPoints());
        out.put("rows", rows);
        return out;
    }

    // --- funnel plot ------------------------------------------------------------------------------

    /**
     * Areas of one type within {@code area} (by default the ICB's practices) on a funnel plot: value against
     * denominator with 95% and 99.8% control limits (PHEindicatormethods' method, {@link Funnels}) around the
     * pooled value of the areas plotted (their published counts over their published denominators, which is
     * the parent's value up to rounding). Areas with a suppressed count or denominator are listed, not drawn.
     * Proportions use Wilson limits, crude rates Poisson limits; other value types have no funnel.
     */
    Map<String, Object> funnel(IndicatorInfo info, Area area, String type) {
        Latest l = latest(info.id());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("indicator", info.id());
        out.put("name", info.name());
        out.put("period", l.period());
        out.put("area", area);
        out.put("area_type", type);
        out.put("value_type", info.valueType());
        Headline whole = l.byArea().get(area.code());
        out.put("area_value", whole == null ? null : whole.value());
        List<Headline> members = l.byArea().values().stream()
                .filter(h -> type.equals(h.type()) && within(h.code(), area.code()))
                .toList();
        List<Headline> drawn = new ArrayList<>();
        List<String> notDrawn = new ArrayList<>();
        for (Headline h : members) {
            if (h.count() != null && h.denominator() != null && h.denominator() > 0 && h.value() != null) {
                drawn.add(h);
            } else {
                notDrawn.add(h.name());
            }
        }
        out.put("suppressed", notDrawn);
        FunnelStatistic statistic = statistic(info);
        if (statistic == null || drawn.size() < 2) {
            out.put(
                    "error",
                    statistic == null
                            ? "No funnel plot for a " + info.valueType() + " (proportions and crude rates only)"
                            : "Fewer than two " + type + "s with published counts in " + area.name());
            out.put("points", List.of());
            return out;
        }
        List<FunnelArea> inputs = drawn.stream()
                .map(h -> statistic instanceof FunnelStatistic.Proportion
                        ? FunnelArea.proportion(h.count(), h.denominator())
                        : FunnelArea.rate(h.count(), h.value(), h.denominator()))
                .toList();
        FunnelLimits limits;
        List<FunnelSignificance> sig;
        try {
            limits = Funnels.limits(statistic, inputs);
            sig = Funnels.significance(statistic, inputs);
        } catch (IllegalArgumentException e) {
            out.put("error", "No funnel plot: " + e.getMessage());
            out.put("points", List.of());
            return out;
        }
        List<Map<String, Object>> points = new ArrayList<>();
        for (int i = 0; i < drawn.size(); i++) {
            Headline h = drawn.get(i);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", h.code());
            m.put("name", h.name());
            m.put("count", h.count());
            m.put("denominator", h.denominator());
            m.put("value", h.value());
            m.put("significance", sig.get(i).label());
            m.put("outside95", sig.get(i) != FunnelSignificance.NOT_SIGNIFICANT);
            m.put(
                    "outside998",
                    sig.get(i) == FunnelSignificance.HIGH_0_001 || sig.get(i) == FunnelSignificance.LOW_0_001);
            points.add(m);
        }
        // each limit line as [denominator, limit] points (for rates each line has its own denominators)
        Map<String, List<List<Double>>> lines = new LinkedHashMap<>();
        for (String k : List.of("lower95", "upper95", "lower998", "upper998")) {
            lines.put(k, new ArrayList<>());
        }
        for (FunnelLimits.Row r : limits.rows()) {
            add(lines.get("lower95"), r.lower95());
            add(lines.get("upper95"), r.upper95());
            add(lines.get("lower998"), r.lower998());
            add(lines.get("upper998"), r.upper998());
        }
        out.put("baseline", limits.baseline());
        out.put("limits", lines);
        out.put("points", points);
        out.put(
                "method",
                statistic.method() + " control limits at 95% and 99.8% (PHEindicatormethods) around the "
                        + "pooled value of the " + drawn.size() + " " + type + "s plotted");
        return out;
    }

    private static void add(List<List<Double>> line, FunnelLimits.Line l) {
        if (Double.isFinite(l.denominator()) && Double.isFinite(l.limit())) {
            line.add(Arrays.asList(l.denominator(), l.limit()));
        }
    }

    /** Proportions (Wilson) and crude rates (Poisson), on the indicator's multiplier; else null. */
    static FunnelStatistic statistic(IndicatorInfo info) {
        String t = info.valueType() == null ? "" : info.valueType().toLowerCase(Locale.ROOT);
        double multiplier = info.multiplier() == null ? (t.contains("100,000") ? 100_000 : 100) : info.multiplier();
        if (t.startsWith("proportion") || t.contains("percent") || t.equals("%")) {
            return new FunnelStatistic.Proportion(multiplier);
        }
        if (t.contains("crude rate")) {
            return FunnelStatistic.Rate.of(FunnelStatistic.Rate.Type.CRUDE, multiplier);
        }
        return null;
    }

    /** Whether an area lies within (or is) another, following parent codes. */
    private boolean within(String code, String ancestor) {
        String c = code;
        for (int depth = 0; c != null && depth < 10; depth++) {
            if (c.equals(ancestor)) {
                return true;
            }
            c = results.area(c).map(Area::parentCode).orElse(null);
        }
        return false;
    }

    // --- schematic map ----------------------------------------------------------------------------

    /**
     * A treemap of the area and everything below it (ICB, Place, neighbourhood, PCN, practice), each leaf
     * sized by the indicator's published denominator and coloured by its value in five equal-count bands (the
     * choropleth convention). There are no boundaries in the results: this is a schematic, not a map.
     */
    Map<String, Object> map(IndicatorInfo info, Area root) {
        Latest l = latest(info.id());
        Map<String, List<Area>> children = new LinkedHashMap<>();
        for (Area a : results.areas()) {
            if (a.parentCode() != null) {
                children.computeIfAbsent(a.parentCode(), k -> new ArrayList<>()).add(a);
            }
        }
        // the colour scale: quintile bands over the values of the leaves drawn
        List<Double> leafValues = new ArrayList<>();
        collectLeaves(root, children, l, leafValues);
        double[] sorted =
                leafValues.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        List<Map<String, Object>> bands = new ArrayList<>();
        double[] cuts = new double[6];
        if (sorted.length > 0) {
            for (int i = 0; i <= 5; i++) {
                cuts[i] = quantile(sorted, i / 5.0);
            }
            for (int i = 0; i < 5; i++) {
                bands.add(Map.of("from", cuts[i], "to", cuts[i + 1], "colour", BANDS[i]));
            }
        }
        List<String> notDrawn = new ArrayList<>();
        Map<String, Object> tree = node(root, children, l, cuts, sorted.length > 0, notDrawn);
        Map<String, Object> series = new LinkedHashMap<>();
        series.put("type", "treemap");
        series.put("name", info.name());
        series.put("roam", false);
        series.put("nodeClick", false);
        series.put("breadcrumb", Map.of("show", false));
        series.put("leafDepth", null);
        series.put("top", 60);
        series.put("bottom", 10);
        series.put("left", 10);
        series.put("right", 10);
        series.put("upperLabel", Map.of("show", true, "height", 18, "color", "#fff", "backgroundColor", "#003087"));
        series.put("label", Map.of("show", true, "fontSize", 10, "color", "#000", "overflow", "truncate"));
        series.put("itemStyle", Map.of("borderColor", "#fff"));
        series.put(
                "levels",
                List.of(
                        Map.of("itemStyle", Map.of("borderColor", "#003087", "borderWidth", 3, "gapWidth", 3)),
                        Map.of("itemStyle", Map.of("borderColor", "#41688f", "borderWidth", 3, "gapWidth", 2)),
                        Map.of("itemStyle", Map.of("borderColor", "#768692", "borderWidth", 2, "gapWidth", 1)),
                        Map.of("itemStyle", Map.of("borderColor", "#aeb7bd", "borderWidth", 1, "gapWidth", 1))));
        // no area below the root with a published denominator (the indicator is published only above it, or
        // every value there is suppressed): an empty map, the areas named in not_drawn, not a server error
        series.put(
                "data", tree == null ? List.of() : tree.get("children") == null ? List.of(tree) : tree.get("children"));
        Map<String, Object> option = new LinkedHashMap<>();
        option.put(
                "title",
                Map.of(
                        "text",
                        info.name() + ", " + l.period() + " \u2013 " + root.name(),
                        "subtext",
                        "Schematic: areas sized by the indicator's denominator (registered people), "
                                + "not a geographic map",
                        "left",
                        "center",
                        "textStyle",
                        Map.of("fontSize", 14)));
        option.put("tooltip", Map.of("show", true));
        option.put("animation", false);
        option.put("aria", Map.of("enabled", true));
        option.put("series", List.of(series));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("indicator", info.id());
        out.put("name", info.name());
        out.put("period", l.period());
        out.put("value_type", info.valueType());
        out.put("option", option);
        out.put("legend", bands);
        out.put("suppressed_colour", SUPPRESSED);
        out.put("not_drawn", notDrawn);
        return out;
    }

    static final String[] BANDS = {"#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"};
    static final String SUPPRESSED = "#d9d9d9";

    private void collectLeaves(Area a, Map<String, List<Area>> children, Latest l, List<Double> out) {
        List<Area> kids = children.getOrDefault(a.code(), List.of());
        if (kids.isEmpty()) {
            Headline h = l.byArea().get(a.code());
            if (h != null && h.value() != null && h.denominator() != null) {
                out.add(h.value());
            }
        }
        kids.forEach(k -> collectLeaves(k, children, l, out));
    }

    private Map<String, Object> node(
            Area a, Map<String, List<Area>> children, Latest l, double[] cuts, boolean scale, List<String> notDrawn) {
        Headline h = l.byArea().get(a.code());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", a.name());
        m.put("code", a.code());
        m.put("areaType", a.type());
        m.put("indicatorValue", h == null ? null : h.value());
        List<Area> kids = children.getOrDefault(a.code(), List.of());
        if (kids.isEmpty()) {
            if (h == null || h.denominator() == null) {
                notDrawn.add(a.name());
                return null;
            }
            m.put("value", h.denominator());
            m.put("itemStyle", Map.of("color", h.value() == null || !scale ? SUPPRESSED : band(h.value(), cuts)));
            return m;
        }
        List<Object> drawnKids = new ArrayList<>();
        for (Area k : kids) {
            Map<String, Object> child = node(k, children, l, cuts, scale, notDrawn);
            if (child != null) {
                drawnKids.add(child);
            }
        }
        if (drawnKids.isEmpty()) {
            return null;
        }
        m.put("children", drawnKids);
        return m;
    }

    private static String band(double v, double[] cuts) {
        for (int i = 1; i < 5; i++) {
            if (v < cuts[i]) {
                return BANDS[i - 1];
            }
        }
        return BANDS[4];
    }

    private static List<String> labels(Comparison... verdicts) {
        return java.util.Arrays.stream(verdicts).map(Comparison::label).toList();
    }
}
