package org.openphm.analyses.population;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.openphm.analyses.catalogue.Analysis;
import org.openphm.analyses.catalogue.AnalysisContext;
import org.openphm.analyses.catalogue.AnalysisInfo;
import org.openphm.analyses.catalogue.AnalysisTable;
import org.openphm.analyses.indicator.Geography;
import org.openphm.model.AreaType;
import org.openphm.model.FinancialYear;
import org.openphm.model.ResultColumnType;
import org.openphm.model.Totals;
import org.openphm.model.results.ChartSpec;
import org.openphm.stats.Confidence;
import org.openphm.stats.Estimate;
import org.openphm.stats.LifeExpectancy;

/**
 * DP 2.4: life expectancy at birth and at 65 by area and sex (Chiang II with Silcocks limits, three pooled years
 * of deaths as Fingertips), and the all-age all-cause mortality DSR by area, sex and year (the trend the DP
 * compares with pre-COVID years). DP 2.5, healthy life expectancy, is declared here too: it needs survey data.
 */
final class LifeExpectancyAnalysis implements Analysis {

    static final String ID = "dp-2.4-life-expectancy";
    private final SharedMortality mortality;

    LifeExpectancyAnalysis(SharedMortality mortality) {
        this.mortality = mortality;
    }

    @Override
    public AnalysisInfo info() {
        return new AnalysisInfo(
                ID,
                "DP 2.4",
                "Life expectancy and all-cause mortality",
                "Life expectancy at birth and at age 65 of the registered population, by area and sex, over three "
                        + "pooled financial years; all-age all-cause mortality per 100,000, directly standardised, by "
                        + "area, sex and year.",
                "Life expectancy: Chiang's method II abridged life table over the 20 Fingertips age bands (0, 1-4, "
                        + "5-9, ... 85-89, 90+), confidence limits by Silcocks et al; deaths of three financial years "
                        + "summed over three mid-year (30 September) registered populations, as Fingertips pools three "
                        + "calendar years. Not calculated where the population is 5,000 or fewer; a value is withheld "
                        + "when its 95% interval is wider than 20 years. Mortality: deaths in the year per 100,000 "
                        + "registered on 30 September, directly standardised to the 2013 European Standard Population "
                        + "with Dobson limits (not published below 10 deaths). A death is placed in the area of the "
                        + "practice the person was registered with when they died.",
                "patient (death_date), registration, practice; stats LifeExpectancy, DirectStandardisation",
                List.of(
                        "Registered, not resident, population: list inflation (people who have left but are still "
                                + "registered) lowers mortality and raises life expectancy against ONS/Fingertips "
                                + "figures, which use resident mid-year estimates and registered deaths.",
                        "Financial years, not the calendar years Fingertips pools.",
                        "No England comparator for life expectancy is held in the workspace, so significance "
                                + "against England is not stated.",
                        "DP 2.5 healthy life expectancy needs the ONS Annual Population Survey's self-reported "
                                + "health, which this workspace does not hold: it is not computed, rather than invented."),
                List.of(
                        ChartSpec.ofTable(
                                "bar_ci",
                                "Female life expectancy at birth by Place",
                                null,
                                "life-expectancy",
                                Map.of(
                                        "area_type",
                                        AreaType.anyOf(AreaType.ICB, AreaType.PLACE),
                                        "sex",
                                        "Female",
                                        "age",
                                        "0",
                                        "period",
                                        "latest"),
                                Map.of(
                                        "x",
                                        "area_name",
                                        "y",
                                        "value",
                                        "lower",
                                        "lower_ci95",
                                        "upper",
                                        "upper_ci95",
                                        "significance",
                                        "compared_to_icb"),
                                "years"),
                        ChartSpec.ofTable(
                                "bar_ci",
                                "Male life expectancy at birth by Place",
                                null,
                                "life-expectancy",
                                Map.of(
                                        "area_type",
                                        AreaType.anyOf(AreaType.ICB, AreaType.PLACE),
                                        "sex",
                                        "Male",
                                        "age",
                                        "0",
                                        "period",
                                        "latest"),
                                Map.of(
                                        "x",
                                        "area_name",
                                        "y",
                                        "value",
                                        "lower",
                                        "lower_ci95",
                                        "upper",
                                        "upper_ci95",
                                        "significance",
                                        "compared_to_icb"),
                                "years"),
                        ChartSpec.ofTable(
                                "trend",
                                "All-age all-cause mortality, persons",
                                null,
                                "mortality",
                                Map.of(
                                        "area_type",
                                        AreaType.anyOf(AreaType.ICB, AreaType.PLACE),
                                        "sex",
                                        Totals.PERSONS),
                                Map.of(
                                        "x",
                                        "period",
                                        "y",
                                        "value",
                                        "series",
                                        "area_name",
                                        "lower",
                                        "lower_ci95",
                                        "upper",
                                        "upper_ci95"),
                                "per 100,000")));
    }

    @Override
    public List<AnalysisTable> compute(AnalysisContext context) {
        MortalityCells cells = mortality.get(context);
        return List.of(
                lifeExpectancy(cells, context.geography(), context.years()),
                mortality(cells, context.geography(), context.years()));
    }

    static AnalysisTable lifeExpectancy(MortalityCells cells, Geography geography, List<FinancialYear> years) {
        List<List<Object>> rows = new ArrayList<>();
        for (List<FinancialYear> period : MortalityMeasures.pooledPeriods(years)) {
            // LEVELS starts with the ICB, so its figures are at hand when its Places and neighbourhoods come
            java.util.Map<String, LifeExpectancy.Result> icb = new java.util.HashMap<>();
            for (var level : MortalityMeasures.LEVELS) {
                for (Geography.Area area : geography.areas(level)) {
                    for (String sex : List.of("F", "M")) {
                        Predicate<MortalityCells.Stratum> keep = MortalityMeasures.in(area)
                                .and(MortalityMeasures.sex(sex))
                                .and(MortalityMeasures.within(period));
                        MortalityCells.Bands bands = cells.bands(keep);
                        LifeExpectancy.Result le = MortalityMeasures.lifeExpectancy(bands);
                        if (level == org.openphm.model.AreaType.ICB) {
                            icb.put(sex, le);
                        }
                        for (int age : List.of(0, 65)) {
                            List<Object> row = leRow(
                                    area,
                                    MortalityMeasures.sexLabel(sex),
                                    MortalityMeasures.label(period),
                                    age,
                                    le,
                                    bands);
                            row.add(
                                    level == org.openphm.model.AreaType.ICB
                                            ? org.openphm.model.Comparison.NOT_COMPARED.label()
                                            : comparedToIcb(le, icb.get(sex), age));
                            rows.add(row);
                        }
                    }
                }
            }
        }
        return new AnalysisTable(
                "life-expectancy",
                "Life expectancy by area, sex and three-year period",
                List.of(
                        areaType(),
                        areaCode(),
                        areaName(),
                        new AnalysisTable.Column("sex", ResultColumnType.STRING, "Female or Male"),
                        new AnalysisTable.Column("period", ResultColumnType.STRING, "Three pooled financial years"),
                        new AnalysisTable.Column(
                                "age", ResultColumnType.INTEGER, "Age life expectancy is measured from (0 = at birth)"),
                        new AnalysisTable.Column("value", ResultColumnType.NUMBER, "Life expectancy in years"),
                        new AnalysisTable.Column("lower_ci95", ResultColumnType.NUMBER, "Lower 95% limit"),
                        new AnalysisTable.Column("upper_ci95", ResultColumnType.NUMBER, "Upper 95% limit"),
                        new AnalysisTable.Column(
                                "deaths", ResultColumnType.COUNT, "Deaths at this age and over in the period"),
                        new AnalysisTable.Column(
                                "population", ResultColumnType.COUNT, "Person-years at this age and over"),
                        new AnalysisTable.Column("note", ResultColumnType.STRING, "Why a value is missing"),
                        AnalysisTable.Column.text(
                                "compared_to_icb",
                                "Better, Similar or Worse than the ICB: the ICB's"
                                        + " life expectancy against the area's 95% interval (higher is better)")),
                rows);
    }

    /** The ICB's life expectancy at this age against the area's 95% interval; higher is better. */
    private static String comparedToIcb(LifeExpectancy.Result area, LifeExpectancy.Result icb, int age) {
        Estimate a = area.at(age).map(LifeExpectancy.Row::estimate).orElse(null);
        Estimate i = icb == null
                ? null
                : icb.at(age).map(LifeExpectancy.Row::estimate).orElse(null);
        return MortalityMeasures.comparedWith(a, i, org.openphm.stats.Polarity.HIGH_IS_GOOD);
    }

    private static List<Object> leRow(
            Geography.Area area,
            String sex,
            String period,
            int age,
            LifeExpectancy.Result le,
            MortalityCells.Bands bands) {
        var row = le.at(age);
        Estimate e = row.map(LifeExpectancy.Row::estimate).orElse(null);
        String note = le.notCalculatedReason().map(r -> "Not calculated: " + r).orElse(e == null ? "" : e.note());
        return new ArrayList<>(java.util.Arrays.asList(
                area.type().label(),
                area.code(),
                area.name(),
                sex,
                period,
                (long) age,
                e == null ? null : MortalityMeasures.value(e.value()),
                e == null ? null : MortalityMeasures.value(e.lower()),
                e == null ? null : MortalityMeasures.value(e.upper()),
                Math.round(row.map(LifeExpectancy.Row::deathsUsed).orElse(age == 0 ? bands.totalDeaths() : Double.NaN)),
                Math.round(row.map(LifeExpectancy.Row::populationUsed)
                        .orElse(age == 0 ? bands.totalPopulation() : Double.NaN)),
                note));
    }

    static AnalysisTable mortality(MortalityCells cells, Geography geography, List<FinancialYear> years) {
        List<List<Object>> rows = new ArrayList<>();
        for (FinancialYear year : years) {
            for (var level : MortalityMeasures.LEVELS) {
                for (Geography.Area area : geography.areas(level)) {
                    for (String sex : java.util.Arrays.asList(null, "F", "M")) {
                        MortalityCells.Bands b = cells.bands(MortalityMeasures.in(area)
                                .and(MortalityMeasures.sex(sex))
                                .and(c -> c.year().equals(year)));
                        Estimate e = MortalityMeasures.dsr(b, 0, 200, Confidence.P95);
                        rows.add(new ArrayList<>(java.util.Arrays.asList(
                                area.type().label(),
                                area.code(),
                                area.name(),
                                MortalityMeasures.sexLabel(sex),
                                year.label(),
                                Math.round(b.totalDeaths()),
                                Math.round(b.totalPopulation()),
                                MortalityMeasures.value(e.value()),
                                MortalityMeasures.value(e.lower()),
                                MortalityMeasures.value(e.upper()),
                                e.note())));
                    }
                }
            }
        }
        return new AnalysisTable(
                "mortality",
                "All-age all-cause mortality, directly standardised, by year",
                List.of(
                        areaType(),
                        areaCode(),
                        areaName(),
                        new AnalysisTable.Column("sex", ResultColumnType.STRING, "Persons, Female or Male"),
                        new AnalysisTable.Column("period", ResultColumnType.STRING, "Financial year"),
                        new AnalysisTable.Column("deaths", ResultColumnType.COUNT, "Deaths in the year"),
                        new AnalysisTable.Column("population", ResultColumnType.COUNT, "Registered on 30 September"),
                        new AnalysisTable.Column("value", ResultColumnType.NUMBER, "DSR per 100,000 (ESP2013)"),
                        new AnalysisTable.Column("lower_ci95", ResultColumnType.NUMBER, "Lower 95% limit (Dobson)"),
                        new AnalysisTable.Column("upper_ci95", ResultColumnType.NUMBER, "Upper 95% limit (Dobson)"),
                        new AnalysisTable.Column("note", ResultColumnType.STRING, "Why a value is missing")),
                rows);
    }

    static AnalysisTable.Column areaType() {
        return new AnalysisTable.Column("area_type", ResultColumnType.STRING, "ICB, Place or Neighbourhood");
    }

    static AnalysisTable.Column areaCode() {
        return new AnalysisTable.Column("area_code", ResultColumnType.STRING, "Area code");
    }

    static AnalysisTable.Column areaName() {
        return new AnalysisTable.Column("area_name", ResultColumnType.STRING, "Area name");
    }
}
