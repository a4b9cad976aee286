package org.openphm.analyses.population;

import static org.openphm.engine.query.Measure.countRows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openphm.analyses.catalogue.Analysis;
import org.openphm.analyses.catalogue.AnalysisContext;
import org.openphm.analyses.catalogue.AnalysisInfo;
import org.openphm.analyses.catalogue.AnalysisTable;
import org.openphm.analyses.indicator.Geography;
import org.openphm.analyses.indicator.RegisteredPopulation;
import org.openphm.analyses.output.Percentages;
import org.openphm.analyses.projection.DemographicProjection;
import org.openphm.analyses.projection.PopulationGrowth;
import org.openphm.analyses.projection.ProjectionCell;
import org.openphm.engine.Result;
import org.openphm.model.AreaType;
import org.openphm.model.ResultColumnType;
import org.openphm.model.Totals;
import org.openphm.model.results.ChartSpec;

/**
 * DP 2.2 and 2.3 (method DP 1.3): the registered population projected from the end of the latest financial year
 * to the last year of the population_projection feed, by area, sex and age group, with the DP's horizons.
 */
final class PopulationProjectionAnalysis implements Analysis {

    static final String ID = "dp-2.2-population-projection";
    /** The data pack's horizons: 2033/34 and 2043/44 (DP 4.7, 4.9), 2035 (DP 2.3), 2043 (DP 2.2). */
    static final List<Integer> HORIZONS = List.of(2034, 2035, 2043, 2044);

    @Override
    public AnalysisInfo info() {
        return new AnalysisInfo(
                ID,
                "DP 2.2",
                "Projected registered population",
                "The registered population at the end of the latest financial year (the base, 2025 in the DP), "
                        + "projected to each year of the local authorities' population projections, by area, sex, "
                        + "five-year band and the DP's age groups (under-20s, 30-39, 65+, 80+); DP 2.3's ten-year view "
                        + "is the 2035 horizon of the same table.",
                "DP 1.3: for each Place, sex and five-year band, the registered count at the base date times the "
                        + "growth of its local authority's projected residents of that sex and band from the base "
                        + "year; then summed. Neighbourhoods grow with their Place. Sex not stated grows with both "
                        + "sexes together. Year Y is the population at 31 March of Y (financial year Y-1/Y).",
                "patient, registration, practice, population_projection (local authority projections of residents)",
                List.of(
                        "Growth rates of resident projections applied to registered counts, as the DP does: list "
                                + "inflation in the base is carried forward.",
                        "The local projections include house-building planned in 2023; the Government's New Towns "
                                + "programme is not included (DP 1.3), so growth may be underestimated.",
                        "Practice mergers across Places or with practices outside the ICB would move registered "
                                + "patients between areas; not modelled."),
                List.of(
                        ChartSpec.ofTable(
                                "projection",
                                "Projected registered population by age group, ICB",
                                null,
                                "projection",
                                Map.of(
                                        "area_type",
                                        AreaType.ICB.label(),
                                        "sex",
                                        Totals.PERSONS,
                                        "age_group",
                                        "0-19|30-39|65+|80+"),
                                Map.of("x", "year", "y", "population", "series", "age_group"),
                                "people"),
                        ChartSpec.ofTable(
                                "projection",
                                "Projected registered population by Place",
                                null,
                                "projection",
                                Map.of(
                                        "area_type",
                                        AreaType.anyOf(AreaType.ICB, AreaType.PLACE),
                                        "sex",
                                        Totals.PERSONS,
                                        "age_group",
                                        Totals.ALL_AGES),
                                Map.of("x", "year", "y", "population", "series", "area_name"),
                                "people")));
    }

    @Override
    public List<AnalysisTable> compute(AnalysisContext context) {
        Result r = context.engine()
                .execute(RegisteredPopulation.at(context.latestYear().end())
                        .aggregate(
                                List.of("icb_code", "place_code", "neighbourhood_code", "sex", "age_band"),
                                countRows("people")));
        PopulationGrowth growth =
                PopulationGrowth.load(context.engine(), DemographicProjection.yearOf(context.latestYear()));
        Map<Geography.Area, Map<ProjectionCell, Double>> bases = new LinkedHashMap<>();
        for (int i = 0; i < r.size(); i++) {
            ProjectionCell cell =
                    new ProjectionCell(r.getString(i, "place_code"), r.getString(i, "sex"), r.getString(i, "age_band"));
            for (Geography.Area a : AreaRollup.areas(
                    context.geography(),
                    r.getString(i, "icb_code"),
                    r.getString(i, "place_code"),
                    r.getString(i, "neighbourhood_code"))) {
                bases.computeIfAbsent(a, k -> new HashMap<>())
                        .merge(cell, r.getLong(i, "people").doubleValue(), Double::sum);
            }
        }
        return tables(bases, growth);
    }

    static List<AnalysisTable> tables(Map<Geography.Area, Map<ProjectionCell, Double>> bases, PopulationGrowth growth) {
        List<List<Object>> projection = new ArrayList<>();
        List<List<Object>> horizons = new ArrayList<>();
        List<Integer> years = growth.years();
        List<AreaOrder> order =
                bases.keySet().stream().map(AreaOrder::new).sorted().toList();
        for (AreaOrder o : order) {
            Geography.Area area = o.area();
            DemographicProjection p = DemographicProjection.of(bases.get(area), growth);
            Map<Integer, Map<ProjectionCell, Double>> byYear = new LinkedHashMap<>();
            years.forEach(y -> byYear.put(y, p.population(y)));
            for (String sex : Arrays.asList(null, "F", "M")) {
                for (AgeGroups.Group g : AgeGroups.all()) {
                    double base = sum(byYear.get(growth.baseYear()), sex, g);
                    for (int y : years) {
                        double n = sum(byYear.get(y), sex, g);
                        projection.add(new ArrayList<>(Arrays.asList(
                                area.type().label(),
                                area.code(),
                                area.name(),
                                MortalityMeasures.sexLabel(sex),
                                g.label(),
                                g.kind(),
                                (long) y,
                                base,
                                n,
                                Percentages.change(n, base))));
                        if (sex == null && HORIZONS.contains(y)) {
                            horizons.add(new ArrayList<>(Arrays.asList(
                                    area.type().label(),
                                    area.code(),
                                    area.name(),
                                    g.label(),
                                    g.kind(),
                                    (long) growth.baseYear(),
                                    base,
                                    (long) y,
                                    n,
                                    Percentages.change(n, base))));
                        }
                    }
                }
            }
        }
        List<AnalysisTable.Column> areaColumns = List.of(
                LifeExpectancyAnalysis.areaType(),
                LifeExpectancyAnalysis.areaCode(),
                LifeExpectancyAnalysis.areaName());
        List<AnalysisTable.Column> pc = new ArrayList<>(areaColumns);
        pc.addAll(List.of(
                new AnalysisTable.Column("sex", ResultColumnType.STRING, "Persons, Female or Male"),
                new AnalysisTable.Column("age_group", ResultColumnType.STRING, "Age group"),
                new AnalysisTable.Column("age_group_kind", ResultColumnType.STRING, "Summary group or five-year band"),
                new AnalysisTable.Column("year", ResultColumnType.INTEGER, "Projection year (31 March of the year)"),
                AnalysisTable.Column.count("base_population", "Registered people at the base (observed)"),
                AnalysisTable.Column.count(
                        "population",
                        "Registered people: observed in the base year, projected "
                                + "after (modelled, published under the count rule like the observed one)"),
                AnalysisTable.Column.derived(
                        "change_pct",
                        "% change from the base year",
                        new AnalysisTable.PercentChange("population", "base_population"))));
        List<AnalysisTable.Column> hc = new ArrayList<>(areaColumns);
        hc.addAll(List.of(
                new AnalysisTable.Column("age_group", ResultColumnType.STRING, "Age group"),
                new AnalysisTable.Column("age_group_kind", ResultColumnType.STRING, "Summary group or five-year band"),
                new AnalysisTable.Column("base_year", ResultColumnType.INTEGER, "Base year"),
                AnalysisTable.Column.count("base_population", "Registered people at the base (observed)"),
                new AnalysisTable.Column("year", ResultColumnType.INTEGER, "Horizon year (2034 = end of 2033/34)"),
                AnalysisTable.Column.count(
                        "population", "Projected registered people (modelled, published under the " + "count rule)"),
                AnalysisTable.Column.derived(
                        "change_pct",
                        "% change from the base year",
                        new AnalysisTable.PercentChange("population", "base_population"))));
        return List.of(
                new AnalysisTable("projection", "Projected registered population by year", pc, projection),
                new AnalysisTable(
                        "horizons",
                        "Projected registered population at the data pack's horizons, persons",
                        hc,
                        horizons));
    }

    private record AreaOrder(Geography.Area area) implements Comparable<AreaOrder> {
        @Override
        public int compareTo(AreaOrder o) {
            int t = area.type().compareTo(o.area.type());
            return t != 0 ? t : area.code().compareTo(o.area.code());
        }
    }

    private static double sum(Map<ProjectionCell, Double> cells, String sex, AgeGroups.Group g) {
        double s = 0;
        for (Map.Entry<ProjectionCell, Double> e : cells.entrySet()) {
            if ((sex == null || sex.equals(e.getKey().sex()))
                    && g.containsBandStart().test(e.getKey().lowerAge())) {
                s += e.getValue();
            }
        }
        return s;
    }
}
