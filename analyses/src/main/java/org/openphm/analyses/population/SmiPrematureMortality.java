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

/**
 * DP 4.2: premature (18-74) mortality of adults on the SMI register against adults not on it, directly
 * standardised, and the excess: the SMI rate as a percentage of the rate of everyone else (the DP's "between
 * 446% and 337% of the background risk").
 */
final class SmiPrematureMortality implements Analysis {

    static final String ID = "dp-4.2-smi-premature-mortality";
    static final int MIN_AGE = 18;
    static final int MAX_AGE = 74;
    private final SharedMortality mortality;

    SmiPrematureMortality(SharedMortality mortality) {
        this.mortality = mortality;
    }

    @Override
    public AnalysisInfo info() {
        return new AnalysisInfo(
                ID,
                "DP 4.2",
                "Premature mortality in adults with serious mental illness",
                "Deaths at ages 18-74 per 100,000 adults of those ages on the SMI register, and of those not on it, "
                        + "directly standardised, by area and three-year period; the excess is the SMI rate as a "
                        + "percentage of the rate of adults without SMI (NHS Digital's 'excess under 75 mortality in "
                        + "adults with serious mental illness' compares the two groups the same way).",
                "Deaths in three pooled financial years over three mid-year (30 September) populations; SMI status "
                        + "on the day of death and on 30 September. DSR per 100,000 standardised to the ESP2013 bands "
                        + "15-19 (ages 18-19 only) to 70-74, Dobson limits; not published below 10 deaths or when a "
                        + "band has nobody in it. The excess ratio has no confidence interval (a ratio of two DSRs).",
                "patient (death_date), condition (SMI register), registration, practice; stats DirectStandardisation",
                List.of(
                        "SMI here is the QOF mental health register in primary care; the Fingertips indicator the DP "
                                + "shows counts anyone in contact with secondary mental health services within five "
                                + "years of death, a wider group, so rates are not directly comparable.",
                        "Registered, not resident, population; financial, not calendar, years.",
                        "Small numbers: a Place has few hundred adults with SMI per age band; neighbourhood rates "
                                + "are shown but are often suppressed for fewer than 10 deaths."),
                List.of(
                        ChartSpec.ofTable(
                                "bar_ci",
                                "Premature mortality in adults with SMI, per 100,000",
                                null,
                                "dsr",
                                Map.of(
                                        "group",
                                        "On SMI register",
                                        "area_type",
                                        AreaType.anyOf(AreaType.ICB, AreaType.PLACE),
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
                                "per 100,000"),
                        ChartSpec.ofTable(
                                "trend",
                                "Excess premature mortality in adults with SMI (% of the rate " + "without SMI)",
                                null,
                                "excess",
                                Map.of("area_type", AreaType.anyOf(AreaType.ICB, AreaType.PLACE)),
                                Map.of("x", "period", "y", "excess_pct", "series", "area_name"),
                                "%")));
    }

    @Override
    public List<AnalysisTable> compute(AnalysisContext context) {
        return tables(mortality.get(context), context.geography(), context.years());
    }

    static List<AnalysisTable> tables(MortalityCells cells, Geography geography, List<FinancialYear> years) {
        List<List<Object>> dsr = new ArrayList<>();
        List<List<Object>> excess = new ArrayList<>();
        for (List<FinancialYear> period : MortalityMeasures.pooledPeriods(years)) {
            // LEVELS starts with the ICB: each group's ICB rate is the comparator of its Places and neighbourhoods
            Estimate[] icb = new Estimate[2];
            for (var level : MortalityMeasures.LEVELS) {
                for (Geography.Area area : geography.areas(level)) {
                    Estimate[] byGroup = new Estimate[2];
                    for (boolean smi : new boolean[] {true, false}) {
                        MortalityCells.Bands b = cells.bands(MortalityMeasures.in(area)
                                .and(MortalityMeasures.within(period))
                                .and(c -> c.smi() == smi));
                        Estimate e = MortalityMeasures.dsr(b, MIN_AGE, MAX_AGE, Confidence.P95);
                        byGroup[smi ? 0 : 1] = e;
                        if (level == org.openphm.model.AreaType.ICB) {
                            icb[smi ? 0 : 1] = e;
                        }
                        String vsIcb = level == org.openphm.model.AreaType.ICB
                                ? org.openphm.model.Comparison.NOT_COMPARED.label()
                                : MortalityMeasures.comparedWith(
                                        e, icb[smi ? 0 : 1], org.openphm.stats.Polarity.LOW_IS_GOOD);
                        double deaths = 0;
                        double population = 0;
                        for (double[] band : b.espBands(MIN_AGE, MAX_AGE)) {
                            deaths += band[1];
                            population += band[2];
                        }
                        dsr.add(new ArrayList<>(Arrays.asList(
                                area.type().label(),
                                area.code(),
                                area.name(),
                                MortalityMeasures.label(period),
                                smi ? "On SMI register" : "Not on SMI register",
                                Math.round(deaths),
                                Math.round(population),
                                MortalityMeasures.value(e.value()),
                                MortalityMeasures.value(e.lower()),
                                MortalityMeasures.value(e.upper()),
                                e.note(),
                                vsIcb)));
                    }
                    boolean both = byGroup[0].hasValue() && byGroup[1].hasValue() && byGroup[1].value() > 0;
                    excess.add(new ArrayList<>(Arrays.asList(
                            area.type().label(),
                            area.code(),
                            area.name(),
                            MortalityMeasures.label(period),
                            both ? byGroup[0].value() : null,
                            both ? byGroup[1].value() : null,
                            both ? 100 * byGroup[0].value() / byGroup[1].value() : null,
                            both ? "" : "Not calculated: a DSR is missing")));
                }
            }
        }
        return List.of(
                new AnalysisTable(
                        "dsr",
                        "Deaths at 18-74 per 100,000, directly standardised, by SMI status",
                        List.of(
                                LifeExpectancyAnalysis.areaType(),
                                LifeExpectancyAnalysis.areaCode(),
                                LifeExpectancyAnalysis.areaName(),
                                new AnalysisTable.Column(
                                        "period", ResultColumnType.STRING, "Three pooled financial years"),
                                new AnalysisTable.Column(
                                        "group", ResultColumnType.STRING, "On or not on the SMI register"),
                                new AnalysisTable.Column("deaths", ResultColumnType.COUNT, "Deaths at 18-74"),
                                new AnalysisTable.Column("population", ResultColumnType.COUNT, "Person-years at 18-74"),
                                new AnalysisTable.Column("value", ResultColumnType.NUMBER, "DSR per 100,000 (ESP2013)"),
                                new AnalysisTable.Column(
                                        "lower_ci95", ResultColumnType.NUMBER, "Lower 95% limit (Dobson)"),
                                new AnalysisTable.Column(
                                        "upper_ci95", ResultColumnType.NUMBER, "Upper 95% limit (Dobson)"),
                                new AnalysisTable.Column("note", ResultColumnType.STRING, "Why a value is missing"),
                                AnalysisTable.Column.text(
                                        "compared_to_icb",
                                        "Better, Similar or Worse than the ICB's"
                                                + " rate for the same group (95%; lower is better)")),
                        dsr),
                new AnalysisTable(
                        "excess",
                        "Premature mortality of adults with SMI as a percentage of the rest",
                        List.of(
                                LifeExpectancyAnalysis.areaType(),
                                LifeExpectancyAnalysis.areaCode(),
                                LifeExpectancyAnalysis.areaName(),
                                new AnalysisTable.Column(
                                        "period", ResultColumnType.STRING, "Three pooled financial years"),
                                new AnalysisTable.Column(
                                        "smi_dsr", ResultColumnType.NUMBER, "DSR with SMI per 100,000"),
                                new AnalysisTable.Column(
                                        "other_dsr", ResultColumnType.NUMBER, "DSR without SMI per 100,000"),
                                new AnalysisTable.Column(
                                        "excess_pct", ResultColumnType.NUMBER, "SMI DSR / other DSR x 100"),
                                new AnalysisTable.Column("note", ResultColumnType.STRING, "Why a value is missing")),
                        excess));
    }
}
