package org.openphm.analyses.conditions;

import static org.openphm.analyses.conditions.Columns.*;
import static org.openphm.analyses.output.Percentages.change;
import static org.openphm.engine.query.Measure.countRows;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openphm.analyses.catalogue.Analysis;
import org.openphm.analyses.catalogue.AnalysisContext;
import org.openphm.analyses.catalogue.AnalysisInfo;
import org.openphm.analyses.catalogue.AnalysisTable;
import org.openphm.analyses.icb.IcbProfile;
import org.openphm.analyses.indicator.Geography;
import org.openphm.analyses.indicator.RegisteredPopulation;
import org.openphm.analyses.projection.DemographicProjection;
import org.openphm.analyses.projection.PopulationGrowth;
import org.openphm.analyses.projection.ProjectionCell;
import org.openphm.analyses.qof.QofRegister;
import org.openphm.analyses.qof.QofRegisters;
import org.openphm.engine.Engine;
import org.openphm.engine.Result;
import org.openphm.model.AreaType;
import org.openphm.model.results.ChartSpec;

/**
 * DP 3.1: people with each QOF condition projected to 2043 — today's prevalence in each Place × sex × age band
 * (over the whole registered population, as the DP's visualisation does) applied to the projected population
 * of that cell (DP 1.3 method, {@link DemographicProjection}), then summed to Places and the ICB.
 */
public final class ConditionProjections implements Analysis {

    public static final String ID = "dp-3.1-condition-projections";
    /** The data pack's horizon (CfC: dementia +71% by 2043). */
    static final int HORIZON = 2043;

    @Override
    public AnalysisInfo info() {
        return new AnalysisInfo(
                ID,
                "DP 3.1",
                "Projections for common QOF conditions",
                "Projected number of registered people on each QOF register, each year from the base year to the "
                        + "end of the population projection, if today's age/sex prevalence in each Place holds.",
                "Base: people on each register (diagnosed, not resolved) and registered people on the last day of "
                        + "the latest financial year, by Place, sex and five-year age band; prevalence per cell = on "
                        + "register / registered (whole population, all ages); projected people = prevalence x the "
                        + "cell's registered population grown by its local authority's projected growth for that sex "
                        + "and band (DP 1.3), summed to Places and the ICB.",
                "GP condition registers and registrations; population_projection (ONS SNPP-style growth by LA)",
                List.of(
                        "Assumes age/sex prevalence stays as today: no change in incidence, survival or recording.",
                        "Uses the whole population as the denominator, so prevalence differs from QOF's published "
                                + "age-based figures (DP 3.1).",
                        "Residents' projected growth is applied to the registered population (list inflation kept)."),
                List.of(
                        ChartSpec.ofTable(
                                "projection",
                                "Projected people with each condition",
                                IcbProfile.current().icbLabel(),
                                "projection",
                                Map.of("area_type", AreaType.ICB.label()),
                                Map.of("x", "year", "y", "people", "series", "condition_name"),
                                ""),
                        ChartSpec.ofTable(
                                "ranked_table",
                                "Relative rise by " + HORIZON,
                                IcbProfile.current().icbLabel(),
                                "by-horizon",
                                Map.of("area_type", AreaType.ICB.label()),
                                Map.of("y", "change_pct"),
                                "%"),
                        ChartSpec.ofTable(
                                "ranked_table",
                                "Absolute rise by " + HORIZON,
                                IcbProfile.current().icbLabel(),
                                "by-horizon",
                                Map.of("area_type", AreaType.ICB.label()),
                                Map.of("y", "change_people"),
                                "")));
    }

    @Override
    public List<AnalysisTable> compute(AnalysisContext context) {
        LocalDate base = context.latestYear().end();
        Engine engine = context.engine();
        Map<ProjectionCell, Double> population = DemographicProjection.registeredCells(engine, base);
        DemographicProjection projection = DemographicProjection.of(
                population, PopulationGrowth.load(engine, DemographicProjection.yearOf(context.latestYear())));
        Map<String, Map<ProjectionCell, Double>> onRegister = onRegister(engine, base);
        return tables(context.geography(), projection, onRegister);
    }

    /** People on each register by projection cell. */
    static Map<String, Map<ProjectionCell, Double>> onRegister(Engine engine, LocalDate date) {
        List<String> ids = QofRegisters.ALL.stream().map(QofRegister::id).toList();
        Result r = engine.execute(RegisteredPopulation.at(date)
                .join(ConditionRegisters.on(date, ids), "person_id")
                .aggregate(List.of("condition", "place_code", "sex", "age_band"), countRows("people")));
        Map<String, Map<ProjectionCell, Double>> out = new HashMap<>();
        for (int i = 0; i < r.size(); i++) {
            out.computeIfAbsent(r.getString(i, "condition"), c -> new HashMap<>())
                    .put(
                            new ProjectionCell(
                                    r.getString(i, "place_code"), r.getString(i, "sex"), r.getString(i, "age_band")),
                            r.getLong(i, "people").doubleValue());
        }
        return out;
    }

    static List<AnalysisTable> tables(
            Geography geography,
            DemographicProjection projection,
            Map<String, Map<ProjectionCell, Double>> onRegister) {
        List<Integer> years = projection.growth().years();
        int horizon = years.contains(HORIZON) ? HORIZON : years.get(years.size() - 1);
        List<List<Object>> series = new ArrayList<>();
        List<Row> atHorizon = new ArrayList<>();
        for (QofRegister register : QofRegisters.ALL) {
            Map<ProjectionCell, Double> rates = DemographicProjection.rates(
                    onRegister.getOrDefault(register.id(), Map.of()), projection.basePopulation());
            Map<Integer, Map<String, Double>> byArea = new HashMap<>();
            for (int year : years) {
                byArea.put(year, ProjectionAreas.totals(projection.expected(rates, year), geography));
            }
            Map<String, Double> base = byArea.get(years.get(0));
            for (String area : base.keySet()) {
                Geography.Area a = geography.area(area);
                double b = base.get(area);
                for (int year : years) {
                    double p = byArea.get(year).getOrDefault(area, 0.0);
                    series.add(Arrays.asList(
                            a.code(),
                            a.name(),
                            a.type().label(),
                            register.id(),
                            register.name(),
                            (long) year,
                            b,
                            p,
                            p - b,
                            change(p, b)));
                }
                double h = byArea.get(horizon).getOrDefault(area, 0.0);
                atHorizon.add(new Row(a, register, b, h));
            }
        }
        return List.of(
                new AnalysisTable(
                        "projection",
                        "Projected people on each register by year",
                        concat(
                                List.of(
                                        text("area_code", "ICB or Place code"), text("area_name", "Area name"),
                                        text("area_type", "ICB or Place"), text("condition", "Register id"),
                                        text("condition_name", "Condition"),
                                                integer(
                                                        "year",
                                                        "Projection (mid-)year; the base year is "
                                                                + "the latest financial year's 31 March")),
                                growth("People on the register: observed in the base year, projected after"),
                                List.of()),
                        series),
                horizonTable(atHorizon, horizon));
    }

    record Row(Geography.Area area, QofRegister register, double base, double horizon) {}

    static AnalysisTable horizonTable(List<Row> rows, int horizon) {
        List<List<Object>> out = new ArrayList<>();
        Map<String, List<Row>> byArea = new java.util.LinkedHashMap<>();
        rows.forEach(r ->
                byArea.computeIfAbsent(r.area().code(), k -> new ArrayList<>()).add(r));
        byArea.forEach((code, list) -> {
            List<Row> byAbsolute = list.stream()
                    .sorted(Comparator.comparingDouble((Row r) -> r.horizon() - r.base())
                            .reversed())
                    .toList();
            List<Row> byRelative = list.stream()
                    .sorted(Comparator.comparingDouble((Row r) -> r.base() > 0 ? r.horizon() / r.base() : 0)
                            .reversed())
                    .toList();
            for (Row r : byRelative) {
                out.add(Arrays.asList(
                        r.area().code(),
                        r.area().name(),
                        r.area().type().label(),
                        r.register().id(),
                        r.register().name(),
                        (long) horizon,
                        r.base(),
                        r.horizon(),
                        r.horizon() - r.base(),
                        change(r.horizon(), r.base()),
                        (long) byAbsolute.indexOf(r) + 1,
                        (long) byRelative.indexOf(r) + 1));
            }
        });
        return new AnalysisTable(
                "by-horizon",
                "Growth of each register to the horizon, ranked",
                concat(
                        List.of(
                                text("area_code", "ICB or Place code"),
                                text("area_name", "Area name"),
                                text("area_type", "ICB or Place"),
                                text("condition", "Register id"),
                                text("condition_name", "Condition"),
                                integer("horizon", "Horizon year (2043, or the projection's last year)")),
                        growth("Projected people at the horizon"),
                        List.of(
                                integer("rank_absolute", "1 = largest absolute rise"),
                                integer("rank_relative", "1 = largest relative rise"))),
                out);
    }

    private static List<AnalysisTable.Column> concat(
            List<AnalysisTable.Column> before, List<AnalysisTable.Column> growth, List<AnalysisTable.Column> after) {
        List<AnalysisTable.Column> all = new ArrayList<>(before);
        all.addAll(growth);
        all.addAll(after);
        return all;
    }

    /**
     * The observed base, the projected people and the change between them. Projected people are published under
     * the count rule like the observed base, and the changes are computed again from the two as published, so the
     * model cannot be divided back into the exact base.
     */
    private static List<AnalysisTable.Column> growth(String people) {
        return List.of(
                AnalysisTable.Column.count("base_people", "People on the register in the base year (observed)"),
                AnalysisTable.Column.count("people", people + " (modelled; published under the count rule)"),
                AnalysisTable.Column.derived(
                        "change_people",
                        "Change on the base year",
                        new AnalysisTable.Difference("people", "base_people")),
                AnalysisTable.Column.derived(
                        "change_pct",
                        "Percentage change on the base year",
                        new AnalysisTable.PercentChange("people", "base_people")));
    }
}
