package org.openphm.analyses.impact;

import static org.openphm.analyses.catalogue.AnalysisTable.Column.count;
import static org.openphm.analyses.catalogue.AnalysisTable.Column.derived;
import static org.openphm.analyses.catalogue.AnalysisTable.Column.integer;
import static org.openphm.analyses.catalogue.AnalysisTable.Column.number;
import static org.openphm.analyses.catalogue.AnalysisTable.Column.text;
import static org.openphm.analyses.catalogue.AnalysisTable.Column.wte;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.openphm.analyses.catalogue.AnalysisTable;
import org.openphm.model.FinancialYear;
import org.openphm.model.results.Precision;
import org.openphm.stats.sdc.DisclosureRule;

/**
 * The published tables of a scenario run: modelled activity (counts, under the count rule) and capacity and
 * cost (numbers) by area and year with their p10/p50/p90, the waterfalls, the effect by IMD quintile and ethnic
 * group, the Case for Change's claims and the parameters used. Only totals over many cells leave the model.
 */
public final class ImpactTables {
    private ImpactTables() {}

    static final String AS_IS = "As is";
    static final String SCENARIO = "Scenario";

    /** What the waterfall table breaks down. */
    static final List<Outcome> WATERFALL = List.of(
            Outcome.EMERGENCY_ADMISSIONS,
            Outcome.BED_DAYS,
            Outcome.BEDS,
            Outcome.COMMUNITY_REFERRALS,
            Outcome.COST,
            Outcome.COST_CASH,
            Outcome.WTE);

    /**
     * @param rule the count rule the tables are published under ({@code TableDisclosure.apply} takes it to the
     *     count columns): the waterfall's bars of a count are rounded to it here, since they are changes as well
     *     as counts and must add up as published
     */
    public static List<AnalysisTable> all(ImpactResult r, DisclosureRule rule) {
        return List.of(
                projection(r, true),
                projection(r, false),
                waterfall(r, rule),
                workforce(r),
                inequalities(r),
                CaseForChangeClaims.table(r),
                parameters(r.scenario()));
    }

    /** Outcomes by area, year and model, long (one row per model) so a fan chart draws one band per model. */
    static AnalysisTable projection(ImpactResult r, boolean counts) {
        List<List<Object>> rows = new ArrayList<>();
        for (int g = 0; g < r.groups().size(); g++) {
            ImpactModel.Group group = r.groups().get(g);
            if (!group.type().equals(ImpactModel.ICB) && !group.type().equals(ImpactModel.PLACE)) {
                continue;
            }
            for (Outcome o : Outcome.values()) {
                if (o.count() != counts || (o.icbOnly() && !group.icb())) {
                    continue;
                }
                for (int t = 0; t < r.years().size(); t++) {
                    for (boolean scenario : new boolean[] {false, true}) {
                        ImpactResult.Spread s = r.spread(g, o, t, scenario);
                        if (Double.isNaN(s.p50())) {
                            continue; // the funding gap before the allocation year
                        }
                        rows.add(Arrays.asList(
                                group.code(),
                                group.name(),
                                group.type(),
                                o.id(),
                                o.label(),
                                o.unit(),
                                r.years().get(t).label(),
                                scenario ? SCENARIO : AS_IS,
                                value(s.p10(), counts),
                                value(s.p50(), counts),
                                value(s.p90(), counts)));
                    }
                }
            }
        }
        List<AnalysisTable.Column> columns = new ArrayList<>(List.of(
                text("area_code", "ICB or Place code"),
                text("area_name", "Area name"),
                text("area_type", "ICB or Place"),
                text("outcome_id", "Outcome"),
                text("outcome", "Outcome, in words"),
                text("unit", "Unit"),
                text("year", "Financial year"),
                text("model", "As is, or the scenario")));
        String runs = r.runs() + " Monte Carlo runs";
        if (counts) {
            columns.addAll(List.of(
                    count("p10", "10th centile of " + runs + " (a modelled count)"),
                    count("p50", "Median of " + runs),
                    count("p90", "90th centile of " + runs)));
        } else {
            // named apart from the activity table's counts: a column name has one disclosure class in an analysis
            columns.addAll(List.of(
                    number("value_p10", "10th centile of " + runs).rounded(Precision.TWO_PLACES),
                    number("value_p50", "Median of " + runs).rounded(Precision.TWO_PLACES),
                    number("value_p90", "90th centile of " + runs).rounded(Precision.TWO_PLACES)));
        }
        return counts
                ? new AnalysisTable(
                        "activity", "Modelled activity by area, year and model (p10, p50, p90)", columns, rows)
                : new AnalysisTable(
                        "capacity-and-cost",
                        "Beds, staff, cost and funding gap by area, year and model " + "(p10, p50, p90)",
                        columns,
                        rows);
    }

    private static Object value(double v, boolean count) {
        return count ? (Object) Math.round(v) : (Object) v;
    }

    /**
     * Mean waterfalls of the ICB and each Place in each report year, as published wherever they are
     * ({@link ImpactResult#publishedWaterfall}): a count's bars (admissions, bed days, referrals) rounded to the
     * rule's base and withheld where it suppresses the baseline or the total, which the table's count columns
     * could not do (a change is no count to suppress, and the rounded bars must add up); beds, staff and money
     * to two places. The closing total is the sum of the bars as published, so they add up exactly.
     */
    static AnalysisTable waterfall(ImpactResult r, DisclosureRule rule) {
        List<List<Object>> rows = new ArrayList<>();
        for (int g = 0; g < r.groups().size() && r.hasWaterfall(g); g++) {
            ImpactModel.Group group = r.groups().get(g);
            for (int y = 0; y < r.reportIndex().size(); y++) {
                FinancialYear year = r.scenario().reportYears().get(y);
                for (Outcome o : WATERFALL) {
                    if (o.icbOnly() && !group.icb()) {
                        continue;
                    }
                    for (ImpactResult.Step s : r.publishedWaterfall(g, y, o, rule, 2)) {
                        rows.add(Arrays.asList(
                                group.code(),
                                group.name(),
                                group.type(),
                                o.id(),
                                o.label(),
                                year.label(),
                                s.order(),
                                s.label(),
                                s.total() ? "total" : "change",
                                Double.isNaN(s.value()) ? null : s.value()));
                    }
                }
            }
        }
        return new AnalysisTable(
                "waterfall",
                "What moves each outcome from the baseline to the report year: the "
                        + "mean change each factor makes, in a fixed order",
                List.of(
                        text("area_code", "ICB or Place code"),
                        text("area_name", "Area name"),
                        text("area_type", "ICB or Place"),
                        text("outcome_id", "Outcome"),
                        text("outcome", "Outcome, in words"),
                        text("year", "Report year"),
                        integer("step_order", "Order of the step"),
                        text("step", "Baseline, factor, or scenario total"),
                        text("kind", "total (a bar from zero) or change (a step from the running total)"),
                        number(
                                "change",
                                "The total, or the mean change this factor makes over the runs; for admissions, "
                                        + "bed days and referrals rounded to the nearest " + rule.roundTo()
                                        + " (the total the sum "
                                        + "of the rounded bars), and blank where the rule suppresses the baseline or the total "
                                        + "(a count of 1-" + rule.suppressAtOrBelow() + ")")),
                rows);
    }

    /**
     * Staff needed by service area and staff group in the report years (DP 12.1's table carried forward): a
     * group is its service area's WTE times the group's share of it today, so its centiles are the area's scaled.
     */
    static AnalysisTable workforce(ImpactResult r) {
        java.util.Map<String, Outcome> byArea = java.util.Map.of(
                "community",
                Outcome.WTE_COMMUNITY,
                "mental health",
                Outcome.WTE_MENTAL_HEALTH,
                "children",
                Outcome.WTE_CHILDREN);
        java.util.Map<String, Double> areaToday = new java.util.HashMap<>();
        r.baseline().staff().forEach(s -> areaToday.merge(s.serviceArea(), s.wte(), Double::sum));
        List<List<Object>> rows = new ArrayList<>();
        for (ImpactBaseline.Staff staff : r.baseline().staff()) {
            Outcome area = byArea.get(staff.serviceArea());
            for (int t : r.reportIndex()) {
                for (boolean scenario : new boolean[] {false, true}) {
                    double share = staff.wte() / areaToday.get(staff.serviceArea());
                    ImpactResult.Spread s = area == null
                            ? new ImpactResult.Spread(staff.wte(), staff.wte(), staff.wte(), staff.wte())
                            : r.spread(r.icb(), area, t, scenario);
                    double k = area == null ? 1 : share;
                    rows.add(Arrays.asList(
                            staff.serviceArea(),
                            staff.staffGroup(),
                            staff.wte(),
                            r.years().get(t).label(),
                            scenario ? SCENARIO : AS_IS,
                            s.p10() * k,
                            s.p50() * k,
                            s.p90() * k));
                }
            }
        }
        return new AnalysisTable(
                "workforce",
                "Staff needed by service area and staff group (WTE), as is and under " + "the scenario",
                List.of(
                        text("service_area", "Service area"),
                        text("staff_group", "Staff group"),
                        wte("wte_today", "WTE in post at the census"),
                        text("year", "Report year"),
                        text("model", "As is, or the scenario"),
                        wte("wte_p10", "10th centile"),
                        wte("wte_p50", "Median"),
                        wte("wte_p90", "90th centile")),
                rows);
    }

    /**
     * Emergency admissions per 1,000 registered people by IMD quintile and ethnic group: in the baseline, and at
     * the horizon as is and under the scenario; mitigators act on parts of activity (ACSC, end of life, ...)
     * whose share differs between groups, which is where a scenario changes the gap.
     */
    static AnalysisTable inequalities(ImpactResult r) {
        int t = r.years().size() - 1;
        String h = r.scenario().horizon().label();
        List<List<Object>> rows = new ArrayList<>();
        for (int g = 0; g < r.groups().size(); g++) {
            ImpactModel.Group group = r.groups().get(g);
            if (!group.type().equals(ImpactModel.IMD) && !group.type().equals(ImpactModel.ETHNIC)) {
                continue;
            }
            long popBase = Math.round(r.spread(g, Outcome.POPULATION, 0, false).p50());
            long base = Math.round(
                    r.spread(g, Outcome.EMERGENCY_ADMISSIONS, 0, false).p50());
            long popHorizon =
                    Math.round(r.spread(g, Outcome.POPULATION, t, false).p50());
            long asIs = Math.round(
                    r.spread(g, Outcome.EMERGENCY_ADMISSIONS, t, false).p50());
            long scenario = Math.round(
                    r.spread(g, Outcome.EMERGENCY_ADMISSIONS, t, true).p50());
            long avoided =
                    Math.round(-r.effect(g, Outcome.EMERGENCY_ADMISSIONS, t).p50());
            rows.add(Arrays.asList(
                    group.type(),
                    group.code(),
                    group.name(),
                    popBase,
                    base,
                    per1000(base, popBase),
                    popHorizon,
                    asIs,
                    per1000(asIs, popHorizon),
                    scenario,
                    per1000(scenario, popHorizon),
                    avoided,
                    per1000(avoided, popHorizon)));
        }
        return new AnalysisTable(
                "inequalities",
                "Emergency admissions per 1,000 people by IMD quintile and ethnic " + "group: baseline, and " + h
                        + " as is and under the scenario",
                List.of(
                        text("group_type", "IMD quintile or ethnic group"),
                        text("group_code", "Group"),
                        text("group_name", "Group, in words"),
                        count("population_base", "Registered people at the end of the baseline year"),
                        count("admissions_base", "Emergency admissions in the baseline year"),
                        derived(
                                "rate_base",
                                "Per 1,000 people, baseline",
                                new AnalysisTable.Ratio("admissions_base", "population_base", 1000)),
                        count("population_horizon", "Registered people in " + h + " (median of the runs)"),
                        count("admissions_as_is", "Emergency admissions in " + h + " as is (median)"),
                        derived(
                                "rate_as_is",
                                "Per 1,000 people in " + h + ", as is",
                                new AnalysisTable.Ratio("admissions_as_is", "population_horizon", 1000)),
                        count("admissions_scenario", "Emergency admissions in " + h + " under the scenario (median)"),
                        derived(
                                "rate_scenario",
                                "Per 1,000 people in " + h + ", scenario",
                                new AnalysisTable.Ratio("admissions_scenario", "population_horizon", 1000)),
                        count(
                                "admissions_avoided",
                                "Admissions the scenario avoids in " + h + " (median of the runs' " + "differences)"),
                        derived(
                                "avoided_per_1000",
                                "Admissions avoided per 1,000 people in " + h,
                                new AnalysisTable.Ratio("admissions_avoided", "population_horizon", 1000))),
                rows);
    }

    /** Every parameter as used, so a reader sees the assumptions beside the results. */
    static AnalysisTable parameters(Scenario s) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(Arrays.asList("baseline_year", s.baseline().label(), "", "The year the model starts from"));
        rows.add(Arrays.asList("horizon_year", s.horizon().label(), "", "The last year modelled"));
        rows.add(Arrays.asList("runs", String.valueOf(s.runs()), "", "Monte Carlo runs (seed " + s.seed() + ")"));
        for (Scenario.Variant v : s.variants()) {
            rows.add(Arrays.asList(
                    "population.variants." + v.name(),
                    v.growthMultiplier().describe() + " (probability " + v.probability() + ")",
                    "x principal growth",
                    "Population variant"));
        }
        s.housingUpliftPct()
                .forEach((place, i) -> rows.add(Arrays.asList(
                        "population.housing_uplift_pct." + place,
                        i.describe(),
                        "%",
                        "Extra population by " + s.horizon() + " from housing")));
        rows.add(Arrays.asList(
                "mitigators.start_year / full_by",
                s.mitigationStart() + " / " + s.mitigationFullBy(),
                "",
                "Mitigators phase in evenly over these years"));
        for (ScenarioParameter p : ScenarioParameter.values()) {
            Interval i = s.parameter(p);
            rows.add(Arrays.asList(
                    p.path(), i == null ? "from the workspace" : i.describe(), p.unit(), p.documentation()));
        }
        return new AnalysisTable(
                "parameters",
                "The scenario's parameters as used",
                List.of(
                        text("parameter", "Field of the scenario file"), text("value", "Value or interval"),
                        text("unit", "Unit"), text("meaning", "What it does, and the source of its default")),
                rows);
    }

    private static Double per1000(long n, long people) {
        return people == 0 ? null : n * 1000.0 / people;
    }
}
