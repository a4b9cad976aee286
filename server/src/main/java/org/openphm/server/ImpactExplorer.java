package org.openphm.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.openphm.analyses.impact.CaseForChangeClaims;
import org.openphm.analyses.impact.ImpactBaseline;
import org.openphm.analyses.impact.ImpactModel;
import org.openphm.analyses.impact.ImpactResult;
import org.openphm.analyses.impact.Interval;
import org.openphm.analyses.impact.MitigatorNames;
import org.openphm.analyses.impact.Outcome;
import org.openphm.analyses.impact.Scenario;
import org.openphm.analyses.impact.ScenarioParameter;
import org.openphm.analyses.output.TableDisclosure;
import org.openphm.engine.Engine;
import org.openphm.engine.duckdb.DuckDbEngine;
import org.openphm.model.FinancialYear;
import org.openphm.stats.sdc.DisclosureRule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard's scenario explorer (issue 12, item 4): the Case for Change scenario with its main levers on
 * sliders. The workspace is read once, in the background at start, and every Monte Carlo run's demographic sums
 * are prepared then ({@link ImpactModel#prepare}); a slider only re-evaluates the runs of the area shown with the
 * levers it set ({@link ImpactModel.Prepared#evaluate}), never reading patient data, so an answer takes
 * milliseconds.
 *
 * <p>Only modelled totals of the ICB and its Places leave: no IMD quintile or ethnic group (they are not even
 * prepared), no baseline cells. Counts of activity ({@link Outcome#count()}: admissions, bed days, referrals)
 * are published as the pack's activity table publishes them, under {@link #RULE} (1 to 7 suppressed, the rest
 * rounded to its base: {@link TableDisclosure#count}), and so is the emergency admissions waterfall, whose bars
 * are rounded to the base and add up, as in the pack's waterfall table ({@link ImpactResult#publishedWaterfall}).
 * Beds, staff and money are not counts: the pack's capacity-and-cost table publishes them as numbers, and so does
 * this, beds and pounds whole, staff to tenths.
 */
public final class ImpactExplorer {
    public static final String LEVERS_PATH = "/api/impact/levers";
    public static final String PATH = "/api/impact";
    static final String SCENARIO = "impact/case-for-change.yaml";

    private static final Logger LOG = LoggerFactory.getLogger(ImpactExplorer.class);

    /** The disclosure rule of the published pack's counts, which this publishes too. */
    static final DisclosureRule RULE = DisclosureRule.nhsDefault();

    /**
     * A slider: a scenario parameter and the range a user may set it in. The ranges are wider than any plausible
     * plan, so a user can see where an assumption stops mattering; occupancy stays above zero (beds divide by it).
     */
    record Lever(String id, ScenarioParameter parameter, double min, double max, double step) {
        String label() {
            return ScenarioParameter.MITIGATORS.contains(parameter)
                    ? MitigatorNames.of(parameter)
                    : switch (parameter) {
                        case EFFICIENCY -> "Cost efficiency";
                        case GROWTH_EMERGENCY -> "Emergency admissions growth beyond demography";
                        case OCCUPANCY -> "Target bed occupancy";
                        default -> parameter.name();
                    };
        }
    }

    static final List<Lever> LEVERS = List.of(
            new Lever("acsc", ScenarioParameter.ACSC_AVOIDANCE, 0, 100, 1),
            new Lever("frequent_attender", ScenarioParameter.FREQUENT_ATTENDER, 0, 100, 1),
            new Lever("end_of_life", ScenarioParameter.END_OF_LIFE, 0, 100, 1),
            new Lever("length_of_stay", ScenarioParameter.LENGTH_OF_STAY, 0, 100, 1),
            new Lever("discharge_delay", ScenarioParameter.DISCHARGE_DELAY, 0, 100, 1),
            new Lever("virtual_ward", ScenarioParameter.VIRTUAL_WARD, 0, 100, 1),
            new Lever("community_shift", ScenarioParameter.COMMUNITY_SHIFT, 0, 100, 1),
            new Lever("efficiency", ScenarioParameter.EFFICIENCY, 0, 5, 0.1),
            new Lever("emergency_growth", ScenarioParameter.GROWTH_EMERGENCY, -3, 5, 0.1),
            new Lever("occupancy", ScenarioParameter.OCCUPANCY, 75, 100, 0.5));

    /** What the explorer reports for every area; the ICB-only outcomes (staff, funding gap) for the ICB alone. */
    static final List<Outcome> OUTCOMES = List.of(
            Outcome.EMERGENCY_ADMISSIONS,
            Outcome.BED_DAYS,
            Outcome.BEDS,
            Outcome.COMMUNITY_REFERRALS,
            Outcome.MENTAL_HEALTH_REFERRALS,
            Outcome.COST_CASH,
            Outcome.WTE,
            Outcome.FUNDING_GAP);

    static final List<Outcome> WATERFALLS = List.of(Outcome.EMERGENCY_ADMISSIONS, Outcome.BEDS);

    /** A plain decimal: no exponents, hex, NaN or Infinity, which Double.parseDouble would also take. */
    private static final Pattern NUMBER = Pattern.compile("-?\\d{1,6}(\\.\\d{1,6})?");

    /** The prepared runs of the ICB and its Places; a request evaluates only the area it shows. */
    private record Ready(Scenario scenario, ImpactModel.Prepared prepared, List<ImpactModel.Group> areas) {}

    private final Path workspace;
    private final Scenario scenario;
    private final ObjectMapper json = new ObjectMapper();
    private volatile Ready ready;
    private volatile String failure;

    private ImpactExplorer(Path workspace, Scenario scenario) {
        this.workspace = workspace;
        this.scenario = scenario;
    }

    /** Starts preparing from the workspace (if any) on a background thread and returns at once. */
    static ImpactExplorer start(Path workspace) {
        Scenario s;
        try {
            s = Scenario.readResource(SCENARIO);
        } catch (IOException e) {
            throw new UncheckedIOException("the shipped scenario is part of the jar", e);
        }
        ImpactExplorer explorer = new ImpactExplorer(workspace, s);
        if (workspace != null) {
            Thread t = new Thread(explorer::prepare, "impact-explorer");
            t.setDaemon(true); // a server stopped mid-preparation must not be kept alive by it
            t.start();
        }
        return explorer;
    }

    private void prepare() {
        long t0 = System.nanoTime();
        try {
            ImpactBaseline baseline;
            try (Engine engine = DuckDbEngine.open(workspace)) {
                baseline = ImpactBaseline.of(engine, scenario, step -> LOG.debug("Reading {}", step));
            }
            ImpactModel.Prepared prepared = ImpactModel.prepare(baseline, scenario, true);
            List<ImpactModel.Group> areas = prepared.groups().stream()
                    .filter(g -> g.type().equals(ImpactModel.ICB) || g.type().equals(ImpactModel.PLACE))
                    .toList();
            ready = new Ready(scenario, prepared, areas);
            LOG.info(
                    "Scenario explorer ready: {} runs of \"{}\" prepared in {} s",
                    scenario.runs(),
                    scenario.name(),
                    String.format("%.1f", (System.nanoTime() - t0) / 1e9));
        } catch (RuntimeException | Error e) {
            failure = String.valueOf(e.getMessage());
            LOG.error("Scenario explorer: could not prepare the impact model from {}", workspace.getFileName(), e);
        }
    }

    void routes(RoutesConfig routes) {
        routes.get(LEVERS_PATH, this::levers);
        routes.get(PATH, this::impact);
    }

    private Ready ready() {
        if (workspace == null) {
            throw new NotFound(
                    "the scenario explorer needs the workspace: start the server with phm serve " + "--workspace W");
        }
        Ready r = ready;
        if (r != null) {
            return r;
        }
        if (failure != null) {
            throw new Unavailable(
                    "the scenario explorer could not be prepared from this workspace: " + ApiErrors.shown(failure, 200)
                            + " (see the server's log)",
                    false);
        }
        throw new Unavailable(
                "the scenario explorer is preparing: reading the workspace and drawing " + scenario.runs()
                        + " Monte Carlo runs; try again in a few seconds",
                true);
    }

    private void levers(Context ctx) {
        Params.only(ctx);
        Ready r = ready();
        List<Object> levers = new ArrayList<>();
        for (Lever l : LEVERS) {
            Interval i = r.scenario().parameter(l.parameter());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", l.id());
            m.put("parameter", l.parameter().name());
            m.put("field", l.parameter().path());
            m.put("label", l.label());
            m.put("unit", l.parameter().unit());
            m.put("min", l.min());
            m.put("max", l.max());
            m.put("step", l.step());
            m.put("default", i.centre());
            m.put("low", i.low());
            m.put("high", i.high());
            m.put("documentation", l.parameter().documentation());
            levers.add(m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("scenario", r.scenario().name());
        out.put("runs", r.scenario().runs());
        out.put("band", band(r.scenario()));
        out.put("levers", levers);
        out.put("areas", r.areas().stream().map(ImpactExplorer::area).toList());
        out.put("years", r.scenario().years().stream().map(FinancialYear::label).toList());
        out.put(
                "report_years",
                r.scenario().reportYears().stream().map(FinancialYear::label).toList());
        out.put(
                "outcomes",
                OUTCOMES.stream()
                        .map(o -> Map.of("id", o.id(), "label", o.label(), "unit", o.unit(), "icb_only", o.icbOnly()))
                        .toList());
        send(ctx, out);
    }

    private void impact(Context ctx) {
        long t0 = System.nanoTime();
        List<String> allowed = new ArrayList<>(List.of("area"));
        LEVERS.forEach(l -> allowed.add(l.id()));
        Params.only(ctx, allowed.toArray(String[]::new));
        Map<ScenarioParameter, Interval> set = new EnumMap<>(ScenarioParameter.class);
        for (Lever l : LEVERS) {
            Double v = value(ctx, l);
            if (v != null) {
                set.put(l.parameter(), Interval.fixed(v));
            }
        }
        Ready r = ready();
        List<String> codes = r.areas().stream().map(ImpactModel.Group::code).toList();
        String code = Params.oneOf(ctx, "area", codes, codes.get(0));
        ImpactModel.Group area = r.areas().get(codes.indexOf(code));
        List<FinancialYear> report = r.scenario().reportYears();
        // the waterfall of the last report year only: the others would cost twice as long again, unseen
        Scenario levers = r.scenario().with(set).withReportYears(List.of(report.get(report.size() - 1)));
        ImpactResult result = r.prepared().evaluate(levers, g -> g.code().equals(code));
        int g = result.group(area.type(), area.code());

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("area", area(area));
        out.put("scenario", levers.name());
        out.put("runs", result.runs());
        out.put("band", band(levers));
        Map<String, Object> given = new LinkedHashMap<>();
        for (Lever l : LEVERS) {
            Interval i = levers.parameter(l.parameter());
            given.put(
                    l.id(),
                    set.containsKey(l.parameter())
                            ? Map.of("fixed", true, "value", i.low())
                            : Map.of("fixed", false, "low", i.low(), "high", i.high()));
        }
        out.put("levers", given);
        out.put("years", result.years().stream().map(FinancialYear::label).toList());
        List<Object> outcomes = new ArrayList<>();
        for (Outcome o : OUTCOMES) {
            if (o.icbOnly() && !area.icb()) {
                continue;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", o.id());
            m.put("label", o.label());
            m.put("unit", o.unit());
            m.put("as_is", spreads(result, g, o, false));
            m.put("scenario", spreads(result, g, o, true));
            outcomes.add(m);
        }
        out.put("outcomes", outcomes);
        int last = 0; // the one report year evaluated, the scenario's last
        List<Object> waterfalls = new ArrayList<>();
        for (Outcome o : WATERFALLS) {
            List<Object> steps = new ArrayList<>();
            for (ImpactResult.Step s : result.publishedWaterfall(g, last, o, RULE, decimals(o))) {
                Map<String, Object> step = new LinkedHashMap<>();
                step.put("order", s.order());
                step.put("label", s.label());
                step.put("kind", s.total() ? "total" : "change");
                step.put("value", Double.isNaN(s.value()) ? null : s.value());
                steps.add(step);
            }
            waterfalls.add(Map.of(
                    "outcome",
                    o.id(),
                    "label",
                    o.label(),
                    "unit",
                    o.unit(),
                    "year",
                    levers.reportYears().get(last).label(),
                    "steps",
                    steps));
        }
        out.put("waterfalls", waterfalls);
        if (area.icb()) {
            List<Object> claims = new ArrayList<>();
            for (CaseForChangeClaims.Claim c : CaseForChangeClaims.evaluate(result)) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", c.id());
                m.put("claim", c.claim());
                m.put("measure", c.measure());
                m.put("year", c.year());
                m.put("seed_value", c.seedValue());
                m.put("p10", round(c.p10(), 1));
                m.put("p50", round(c.p50(), 1));
                m.put("p90", round(c.p90(), 1));
                m.put("verdict", c.verdict());
                m.put("basis", c.basis());
                claims.add(m);
            }
            out.put("claims", claims);
        }
        out.put("elapsed_ms", Math.round((System.nanoTime() - t0) / 1e5) / 10.0);
        send(ctx, out);
    }

    /** A lever's value as given: null when absent; a 400 naming it when empty, not a number, or out of range. */
    private static Double value(Context ctx, Lever l) {
        String v = ctx.queryParam(l.id());
        if (v == null) {
            return null;
        }
        if (v.isEmpty()) {
            throw new BadRequest(
                    l.id(),
                    "parameter '" + l.id() + "' is empty: give a value or leave it out for the "
                            + "scenario's own interval",
                    List.of());
        }
        String range =
                fmt(l.min()) + " to " + fmt(l.max()) + " (" + l.parameter().unit() + ")";
        if (!NUMBER.matcher(v).matches()) {
            throw new BadRequest(
                    l.id(),
                    "'" + ApiErrors.shown(v) + "' is not a valid " + l.id() + ": give a number " + "from " + range
                            + ", or leave it out for the scenario's own interval",
                    List.of());
        }
        double d = Double.parseDouble(v);
        if (d < l.min() || d > l.max()) {
            throw new BadRequest(
                    l.id(),
                    l.id() + " " + ApiErrors.shown(v) + " is out of range: give a number from " + range,
                    List.of());
        }
        return d;
    }

    /** The runs' p10, p50 and p90 of each year; null where the outcome is not modelled (the gap before its year). */
    private static Map<String, Object> spreads(ImpactResult r, int g, Outcome o, boolean scenario) {
        int n = r.years().size();
        List<Number> p10 = new ArrayList<>(n);
        List<Number> p50 = new ArrayList<>(n);
        List<Number> p90 = new ArrayList<>(n);
        for (int t = 0; t < n; t++) {
            ImpactResult.Spread s = r.spread(g, o, t, scenario);
            p10.add(published(s.p10(), o));
            p50.add(published(s.p50(), o));
            p90.add(published(s.p90(), o));
        }
        return Map.of("p10", p10, "p50", p50, "p90", p90);
    }

    /** A value as published: a count under {@link #RULE}, anything else rounded; null where not modelled. */
    private static Number published(double v, Outcome o) {
        if (Double.isNaN(v)) {
            return null;
        }
        if (o.count()) {
            return TableDisclosure.count(v, RULE); // a Long, as the pack's (a conditional would make it a Double)
        }
        return round(v, decimals(o));
    }

    /** Staff to tenths, which are meaningful (a part-time post); beds and pounds whole. Not for counts. */
    private static int decimals(Outcome o) {
        return o == Outcome.WTE ? 1 : 0;
    }

    private static Double round(double v, int decimals) {
        if (Double.isNaN(v)) {
            return null;
        }
        double scale = Math.pow(10, decimals);
        return Math.round(v * scale) / scale;
    }

    private static Map<String, Object> area(ImpactModel.Group g) {
        return Map.of("code", g.code(), "name", g.name(), "type", g.type());
    }

    private static String band(Scenario s) {
        return "p10\u2013p90 of " + s.runs() + " runs";
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    private void send(Context ctx, Object body) {
        try {
            ctx.contentType("application/json; charset=utf-8");
            ctx.result(json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not serialise the response", e);
        }
    }
}
