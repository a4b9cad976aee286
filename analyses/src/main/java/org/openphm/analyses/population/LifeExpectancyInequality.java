package org.openphm.analyses.population;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.openphm.analyses.catalogue.Analysis;
import org.openphm.analyses.catalogue.AnalysisContext;
import org.openphm.analyses.catalogue.AnalysisInfo;
import org.openphm.analyses.catalogue.AnalysisTable;
import org.openphm.analyses.indicator.Geography;
import org.openphm.model.AreaType;
import org.openphm.model.FinancialYear;
import org.openphm.model.ResultColumnType;
import org.openphm.model.results.ChartSpec;
import org.openphm.stats.Confidence;
import org.openphm.stats.Estimate;
import org.openphm.stats.LifeExpectancy;
import org.openphm.stats.SlopeIndex;

/**
 * DP 4.1: the slope index of inequality in life expectancy at birth — the modelled gap in years between the most
 * and the least deprived ends of an area — by Place (and the ICB) and sex, over IMD deciles, for every three-year
 * period (the DP's trend: "getting worse for women"; "highest in Bedford").
 */
final class LifeExpectancyInequality implements Analysis {

    static final String ID = "dp-4.1-life-expectancy-inequality";
    static final int DECILES = 10;
    private final SharedMortality mortality;

    LifeExpectancyInequality(SharedMortality mortality) {
        this.mortality = mortality;
    }

    @Override
    public AnalysisInfo info() {
        return new AnalysisInfo(
                ID,
                "DP 4.1",
                "Slope index of inequality in life expectancy",
                "The slope index of inequality (SII) in life expectancy at birth across the IMD 2019 deciles of the "
                        + "area's registered population, by Place and sex, over three pooled financial years: the gap "
                        + "in years between the most and least deprived ends of the area, modelled over all deciles.",
                "Life expectancy at birth in each decile (Chiang II, as DP 2.4); SII by weighted least squares of "
                        + "decile life expectancy on the cumulative population midpoint of each decile (most deprived "
                        + "first), confidence limits by simulation from each decile's standard error (100,000 draws, "
                        + "seeded), as PHEindicatormethods phe_sii and Fingertips. Deciles where life expectancy is "
                        + "not calculated (5,000 people or fewer) are left out; fewer than 5 deciles give no SII.",
                "patient (death_date, lsoa), lsoa (imd_decile), registration, practice; stats LifeExpectancy, SlopeIndex",
                List.of(
                        "Fingertips ranks LSOAs into deciles of deprivation within each local authority; the "
                                + "workspace holds only national IMD deciles per LSOA, so the deciles here are England's, "
                                + "and a Place with few very deprived or very affluent LSOAs has fewer deciles to fit.",
                        "Registered, not resident, population; financial, not calendar, years.",
                        "People whose LSOA is not in the lsoa table are left out of the SII."),
                List.of(
                        ChartSpec.ofTable(
                                "bar_ci",
                                "Slope index of inequality in life expectancy, females",
                                null,
                                "sii",
                                Map.of("sex", "Female", "period", "latest"),
                                Map.of("x", "area_name", "y", "sii", "lower", "lower_ci95", "upper", "upper_ci95"),
                                "years"),
                        ChartSpec.ofTable(
                                "bar_ci",
                                "Slope index of inequality in life expectancy, males",
                                null,
                                "sii",
                                Map.of("sex", "Male", "period", "latest"),
                                Map.of("x", "area_name", "y", "sii", "lower", "lower_ci95", "upper", "upper_ci95"),
                                "years"),
                        ChartSpec.ofTable(
                                "trend",
                                "Slope index of inequality in life expectancy over time",
                                null,
                                "sii",
                                Map.of("sex", "Female"),
                                Map.of("x", "period", "y", "sii", "series", "area_name"),
                                "years")));
    }

    @Override
    public List<AnalysisTable> compute(AnalysisContext context) {
        MortalityCells cells = mortality.get(context);
        return tables(cells, context.geography(), context.years());
    }

    static List<AnalysisTable> tables(MortalityCells cells, Geography geography, List<FinancialYear> years) {
        List<List<Object>> sii = new ArrayList<>();
        List<List<Object>> byDecile = new ArrayList<>();
        for (List<FinancialYear> period : MortalityMeasures.pooledPeriods(years)) {
            for (AreaType level : List.of(AreaType.ICB, AreaType.PLACE)) {
                for (Geography.Area area : geography.areas(level)) {
                    for (String sex : List.of("F", "M")) {
                        List<SlopeIndex.Quantile> quantiles = new ArrayList<>();
                        for (int d = 1; d <= DECILES; d++) {
                            String decile = Integer.toString(d);
                            MortalityCells.Bands b = cells.bands(MortalityMeasures.in(area)
                                    .and(MortalityMeasures.sex(sex))
                                    .and(MortalityMeasures.within(period))
                                    .and(c -> decile.equals(c.imdDecile())));
                            LifeExpectancy.Result le = MortalityMeasures.lifeExpectancy(b);
                            Estimate e =
                                    le.at(0).map(LifeExpectancy.Row::estimate).orElse(null);
                            String note = le.notCalculatedReason()
                                    .map(r -> "Not calculated: " + r)
                                    .orElse(e == null ? "" : e.note());
                            boolean usable = e != null && e.hasValue() && e.hasInterval();
                            if (usable) {
                                // Person-years over the pooled years: each decile's share of the area's population.
                                quantiles.add(SlopeIndex.Quantile.withLimits(
                                        d, b.totalPopulation(), e.value(), e.lower(), e.upper()));
                            }
                            byDecile.add(new ArrayList<>(Arrays.asList(
                                    area.type().label(),
                                    area.code(),
                                    area.name(),
                                    MortalityMeasures.sexLabel(sex),
                                    MortalityMeasures.label(period),
                                    (long) d,
                                    Math.round(b.totalPopulation()),
                                    Math.round(b.totalDeaths()),
                                    usable ? e.value() : null,
                                    usable ? e.lower() : null,
                                    usable ? e.upper() : null,
                                    note)));
                        }
                        sii.add(siiRow(area, sex, period, quantiles));
                    }
                }
            }
        }
        return List.of(
                new AnalysisTable(
                        "sii",
                        "Slope index of inequality in life expectancy at birth",
                        List.of(
                                LifeExpectancyAnalysis.areaType(),
                                LifeExpectancyAnalysis.areaCode(),
                                LifeExpectancyAnalysis.areaName(),
                                new AnalysisTable.Column("sex", ResultColumnType.STRING, "Female or Male"),
                                new AnalysisTable.Column(
                                        "period", ResultColumnType.STRING, "Three pooled financial years"),
                                new AnalysisTable.Column(
                                        "deciles_used", ResultColumnType.INTEGER, "Deciles with a life expectancy"),
                                new AnalysisTable.Column(
                                        "sii", ResultColumnType.NUMBER, "Slope index of inequality, years"),
                                new AnalysisTable.Column("lower_ci95", ResultColumnType.NUMBER, "Lower 95% limit"),
                                new AnalysisTable.Column("upper_ci95", ResultColumnType.NUMBER, "Upper 95% limit"),
                                new AnalysisTable.Column("lower_ci998", ResultColumnType.NUMBER, "Lower 99.8% limit"),
                                new AnalysisTable.Column("upper_ci998", ResultColumnType.NUMBER, "Upper 99.8% limit"),
                                new AnalysisTable.Column("note", ResultColumnType.STRING, "Why a value is missing")),
                        sii),
                new AnalysisTable(
                        "by-decile",
                        "Life expectancy at birth by IMD decile (the SII's inputs)",
                        List.of(
                                LifeExpectancyAnalysis.areaType(),
                                LifeExpectancyAnalysis.areaCode(),
                                LifeExpectancyAnalysis.areaName(),
                                new AnalysisTable.Column("sex", ResultColumnType.STRING, "Female or Male"),
                                new AnalysisTable.Column(
                                        "period", ResultColumnType.STRING, "Three pooled financial years"),
                                new AnalysisTable.Column(
                                        "imd_decile", ResultColumnType.INTEGER, "IMD 2019 decile, 1 = most deprived"),
                                new AnalysisTable.Column("population", ResultColumnType.COUNT, "Person-years"),
                                new AnalysisTable.Column("deaths", ResultColumnType.COUNT, "Deaths"),
                                new AnalysisTable.Column(
                                        "value", ResultColumnType.NUMBER, "Life expectancy at birth, years"),
                                new AnalysisTable.Column("lower_ci95", ResultColumnType.NUMBER, "Lower 95% limit"),
                                new AnalysisTable.Column("upper_ci95", ResultColumnType.NUMBER, "Upper 95% limit"),
                                new AnalysisTable.Column("note", ResultColumnType.STRING, "Why a value is missing")),
                        byDecile));
    }

    private static List<Object> siiRow(
            Geography.Area area, String sex, List<FinancialYear> period, List<SlopeIndex.Quantile> quantiles) {
        List<Object> row = new ArrayList<>(Arrays.asList(
                area.type().label(),
                area.code(),
                area.name(),
                MortalityMeasures.sexLabel(sex),
                MortalityMeasures.label(period),
                (long) quantiles.size()));
        if (quantiles.size() < 5) {
            row.addAll(Arrays.asList(
                    null,
                    null,
                    null,
                    null,
                    null,
                    "Not calculated: life expectancy in only " + quantiles.size() + " deciles (5 are needed)"));
            return row;
        }
        SlopeIndex.Result r = SlopeIndex.calculate(quantiles, SlopeIndex.Options.defaults(SlopeIndex.ValueType.NORMAL));
        SlopeIndex.Interval ci95 = r.at(Confidence.P95);
        SlopeIndex.Interval ci998 = r.at(Confidence.P998);
        row.addAll(Arrays.asList(
                r.sii(),
                ci95.siiLower(),
                ci95.siiUpper(),
                ci998.siiLower(),
                ci998.siiUpper(),
                quantiles.size() < DECILES ? "Fitted over " + quantiles.size() + " deciles" : ""));
        return row;
    }
}
