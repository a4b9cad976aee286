package org.openphm.analyses.population;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openphm.analyses.catalogue.Analysis;
import org.openphm.analyses.catalogue.AnalysisContext;
import org.openphm.analyses.catalogue.AnalysisInfo;
import org.openphm.analyses.catalogue.AnalysisTable;
import org.openphm.analyses.indicator.Geography;
import org.openphm.analyses.output.NumberFormat;
import org.openphm.analyses.projection.DemographicProjection;
import org.openphm.analyses.projection.ProjectionCell;
import org.openphm.model.AreaType;
import org.openphm.model.FinancialYear;
import org.openphm.model.ResultColumnType;
import org.openphm.model.results.ChartSpec;

/**
 * DP 4.5: deaths among registered patients projected to the end of the population projection: the latest
 * year's death rates by Place, sex and five-year band, improved each year as ONS assumes, times the projected
 * registered population (DP 2.2).
 */
final class PredictedDeaths implements Analysis {

    static final String ID = "dp-4.5-predicted-deaths";
    /**
     * Annual fall in age-specific death rates: the long-term mortality improvement rate of the ONS 2024-based (and
     * 2022-based) national population projections, 1.1% a year for ages 0 to 90 ("National population projections,
     * mortality assumptions: 2024-based", ons.gov.uk). The DP's projection uses the local authorities' forecast
     * deaths, which carry the same kind of assumption; the feed here holds population only.
     */
    static final double ANNUAL_IMPROVEMENT = 0.011;

    private final SharedMortality mortality;

    PredictedDeaths(SharedMortality mortality) {
        this.mortality = mortality;
    }

    @Override
    public AnalysisInfo info() {
        return new AnalysisInfo(
                ID,
                "DP 4.5",
                "Predicted numbers of deaths",
                "Deaths among the registered population in each financial year from the latest to the end of the "
                        + "population projection, by area, with the deaths observed in the latest year.",
                "Death rates of the latest financial year by Place, sex and five-year band (deaths over the "
                        + "30 September registered population), reduced by "
                        + NumberFormat.plain(ANNUAL_IMPROVEMENT * 100)
                        + "% a year (the ONS long-term mortality improvement assumption), times the projected "
                        + "registered population of each cell (DP 1.3 method, dp-2.2-population-projection), summed. "
                        + "Financial year Y-1/Y uses the population of year Y. Also shown with rates held constant.",
                "patient (death_date), registration, practice, population_projection; ONS national population "
                        + "projections mortality assumptions (2024-based)",
                List.of(
                        "One year's death rates carry that year's random variation into every projected year; "
                                + "Places and small bands are noisier than the ICB.",
                        "The improvement rate is the national long-term assumption applied uniformly to all ages "
                                + "and both sexes; ONS tapers it above age 90 and varies it in the early years.",
                        "The DP notes its own projection may overestimate: observed deaths in 2024/25 were 7,652.",
                        "Registered, not resident, population."),
                List.of(ChartSpec.ofTable(
                        "projection",
                        "Predicted deaths among registered patients",
                        null,
                        "by-year",
                        Map.of("area_type", AreaType.anyOf(AreaType.ICB, AreaType.PLACE)),
                        Map.of("x", "period", "y", "predicted_deaths", "series", "area_name"),
                        "deaths")));
    }

    @Override
    public List<AnalysisTable> compute(AnalysisContext context) {
        FinancialYear latest = context.latestYear();
        MortalityCells cells = mortality.get(context);
        DemographicProjection projection = DemographicProjection.registered(context.engine(), latest.end());
        return List.of(table(cells, projection, context.geography(), latest));
    }

    static AnalysisTable table(
            MortalityCells cells, DemographicProjection projection, Geography geography, FinancialYear latest) {
        Map<ProjectionCell, Double> deaths = new HashMap<>();
        Map<ProjectionCell, Double> people = new HashMap<>();
        for (MortalityCells.Cell c : cells.cells()) {
            if (!c.year().equals(latest)) {
                continue;
            }
            int espStart = Math.min(c.bandStart() / 5 * 5, 90);
            ProjectionCell cell =
                    new ProjectionCell(c.place(), c.sex(), espStart == 90 ? "90+" : espStart + "-" + (espStart + 4));
            deaths.merge(cell, c.deaths(), Double::sum);
            people.merge(cell, c.population(), Double::sum);
        }
        Map<ProjectionCell, Double> rates = DemographicProjection.rates(deaths, people);
        int baseYear = projection.growth().baseYear();
        List<List<Object>> rows = new ArrayList<>();
        List<Geography.Area> areas = new ArrayList<>(geography.areas(AreaType.ICB));
        areas.addAll(geography.areas(AreaType.PLACE));
        for (Geography.Area area : areas) {
            java.util.function.Predicate<ProjectionCell> inArea =
                    area.type() == AreaType.ICB ? c -> true : c -> area.code().equals(c.placeCode());
            double observed = total(deaths, inArea);
            double unrated = DemographicProjection.unratedEvents(filter(deaths, inArea), people);
            Double base = null;
            for (int y : projection.growth().years()) {
                double constant = total(projection.expected(rates, y), inArea);
                double improved = constant * Math.pow(1 - ANNUAL_IMPROVEMENT, y - baseYear);
                if (base == null) {
                    base = improved;
                }
                rows.add(new ArrayList<>(Arrays.asList(
                        area.type().label(),
                        area.code(),
                        area.name(),
                        new FinancialYear(y - 1).label(),
                        (long) y,
                        y == baseYear ? Math.round(observed) : null,
                        improved,
                        constant,
                        base > 0 ? 100 * (improved - base) / base : null,
                        unrated > 0
                                ? Math.round(unrated) + " deaths in cells with no mid-year population were not "
                                        + "rated"
                                : "")));
            }
        }
        return new AnalysisTable(
                "by-year",
                "Predicted deaths by financial year",
                List.of(
                        LifeExpectancyAnalysis.areaType(),
                        LifeExpectancyAnalysis.areaCode(),
                        LifeExpectancyAnalysis.areaName(),
                        new AnalysisTable.Column("period", ResultColumnType.STRING, "Financial year"),
                        new AnalysisTable.Column(
                                "projection_year", ResultColumnType.INTEGER, "Population projection year used"),
                        new AnalysisTable.Column(
                                "observed_deaths", ResultColumnType.COUNT, "Deaths observed (latest year only)"),
                        new AnalysisTable.Column(
                                "predicted_deaths",
                                ResultColumnType.NUMBER,
                                "Predicted deaths with mortality improvement"),
                        new AnalysisTable.Column(
                                "predicted_deaths_constant_rates",
                                ResultColumnType.NUMBER,
                                "Predicted deaths with the latest year's rates held constant"),
                        new AnalysisTable.Column(
                                "change_pct",
                                ResultColumnType.NUMBER,
                                "% change in predicted deaths from the latest year"),
                        new AnalysisTable.Column("note", ResultColumnType.STRING, "Caveat on the row")),
                rows);
    }

    private static double total(Map<ProjectionCell, Double> m, java.util.function.Predicate<ProjectionCell> keep) {
        return m.entrySet().stream()
                .filter(e -> keep.test(e.getKey()))
                .mapToDouble(Map.Entry::getValue)
                .sum();
    }

    private static Map<ProjectionCell, Double> filter(
            Map<ProjectionCell, Double> m, java.util.function.Predicate<ProjectionCell> keep) {
        Map<ProjectionCell, Double> out = new HashMap<>();
        m.forEach((k, v) -> {
            if (keep.test(k)) {
                out.put(k, v);
            }
        });
        return out;
    }
}
