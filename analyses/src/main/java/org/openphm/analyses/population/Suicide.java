package org.openphm.analyses.population;

import static org.openphm.engine.query.Expr.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.openphm.analyses.catalogue.Analysis;
import org.openphm.analyses.catalogue.AnalysisContext;
import org.openphm.analyses.catalogue.AnalysisInfo;
import org.openphm.analyses.catalogue.AnalysisTable;
import org.openphm.analyses.indicator.Geography;
import org.openphm.engine.query.Expr;
import org.openphm.model.AreaType;
import org.openphm.model.FinancialYear;
import org.openphm.model.Totals;
import org.openphm.model.results.ChartSpec;
import org.openphm.stats.Confidence;
import org.openphm.stats.Estimate;
import org.openphm.stats.Polarity;

/**
 * DP 3.2: mortality from suicide and injury of undetermined intent, directly standardised per 100,000 aged 10
 * and over, three financial years pooled, for the ICB, each Place and neighbourhood, persons and each sex, with
 * each area compared with the ICB. Counted with all-cause deaths in {@link MortalityCells}, so no extra scan.
 */
final class Suicide implements Analysis {

    static final String ID = "dp-3.2-suicide";
    static final int MIN_AGE = 10;
    /** ONS counts undetermined intent from 15: below it, a death of undetermined intent is rarely a suicide. */
    static final int UNDETERMINED_MIN_AGE = 15;

    private final SharedMortality mortality;

    Suicide(SharedMortality mortality) {
        this.mortality = mortality;
    }

    /**
     * ONS's definition of suicide: underlying cause intentional self-harm (ICD-10 X60-X84) at age 10 and over,
     * or injury or poisoning of undetermined intent (Y10-Y34) at 15 and over.
     */
    static Expr cause(Expr icd10, Expr age) {
        Expr selfHarm = or(
                icd10.startsWith("X6"),
                icd10.startsWith("X7"),
                icd10.startsWith("X80"),
                icd10.startsWith("X81"),
                icd10.startsWith("X82"),
                icd10.startsWith("X83"),
                icd10.startsWith("X84"));
        Expr undetermined = or(
                icd10.startsWith("Y1"),
                icd10.startsWith("Y2"),
                icd10.startsWith("Y30"),
                icd10.startsWith("Y31"),
                icd10.startsWith("Y32"),
                icd10.startsWith("Y33"),
                icd10.startsWith("Y34"));
        return or(and(selfHarm, age.ge(lit((long) MIN_AGE))), and(undetermined, age.ge(lit((long)
                UNDETERMINED_MIN_AGE))));
    }

    @Override
    public AnalysisInfo info() {
        return new AnalysisInfo(
                ID,
                "DP 3.2",
                "Suicide: mortality from suicide and injury of undetermined intent",
                "Deaths with an underlying cause of intentional self-harm (ICD-10 X60-X84, aged 10 and over) or "
                        + "injury or poisoning of undetermined intent (Y10-Y34, aged 15 and over), per 100,000 "
                        + "registered people aged 10 and over, directly age-standardised, three financial years "
                        + "pooled (the ONS definition of suicide that Fingertips' suicide rate uses).",
                "Deaths in three pooled financial years over three mid-year (30 September) registered populations; "
                        + "DSR per 100,000 on the ESP2013 bands from 10-14 up, Dobson 95% limits; each Place and "
                        + "neighbourhood compared with the ICB value (outside the area's 95% interval = "
                        + "significantly different). Not published below 10 deaths or when a band has nobody in it.",
                "patient (death_date, death_cause_icd10), registration, practice, lsoa; stats DirectStandardisation",
                List.of(
                        "Fingertips uses calendar years of death registration and resident population; this uses "
                                + "financial years of death and the registered population, so values are close to "
                                + "but not the same as the published ones.",
                        "Deaths awaiting an inquest have no underlying cause yet: the latest period undercounts "
                                + "until coroners conclude (ONS allows for a median registration delay of months).",
                        "No England comparator is loaded for this measure: load Fingertips' value into "
                                + "england_comparator to compare with England."),
                List.of(
                        ChartSpec.ofTable(
                                "bar_ci",
                                "Suicide rate per 100,000 (aged 10+), latest three years",
                                "Persons, directly standardised",
                                "rates",
                                Map.of(
                                        "sex",
                                        Totals.PERSONS,
                                        "area_type",
                                        AreaType.anyOf(AreaType.ICB, AreaType.PLACE),
                                        "period_role",
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
                                "Suicide rate per 100,000 (aged 10+) over time",
                                "Persons, directly standardised",
                                "rates",
                                Map.of(
                                        "sex",
                                        Totals.PERSONS,
                                        "area_type",
                                        AreaType.anyOf(AreaType.ICB, AreaType.PLACE)),
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
        return List.of(rates(mortality.get(context), context.geography(), context.years()));
    }

    static AnalysisTable rates(MortalityCells cells, Geography geography, List<FinancialYear> years) {
        List<List<Object>> rows = new ArrayList<>();
        List<List<FinancialYear>> periods = MortalityMeasures.pooledPeriods(years);
        for (List<FinancialYear> period : periods) {
            String role = period == periods.get(periods.size() - 1) ? "latest" : "earlier";
            for (String sex : Arrays.asList(null, "M", "F")) {
                Estimate icb = null;
                for (AreaType level : MortalityMeasures.LEVELS) {
                    for (Geography.Area area : geography.areas(level)) {
                        MortalityCells.Bands b = cells.bands(MortalityMeasures.in(area)
                                        .and(MortalityMeasures.within(period))
                                        .and(MortalityMeasures.sex(sex)))
                                .suicidesAsDeaths();
                        Estimate e = MortalityMeasures.dsr(b, MIN_AGE, Integer.MAX_VALUE, Confidence.P95);
                        if (level == AreaType.ICB) {
                            icb = e;
                        }
                        String vsIcb = level == AreaType.ICB
                                ? org.openphm.model.Comparison.NOT_COMPARED.label()
                                : MortalityMeasures.comparedWith(e, icb, Polarity.LOW_IS_GOOD);
                        rows.add(Arrays.asList(
                                area.type().label(),
                                area.code(),
                                area.name(),
                                MortalityMeasures.label(period),
                                role,
                                MortalityMeasures.sexLabel(sex),
                                Math.round(sum(b, true)),
                                Math.round(sum(b, false)),
                                MortalityMeasures.value(e.value()),
                                MortalityMeasures.value(e.lower()),
                                MortalityMeasures.value(e.upper()),
                                vsIcb,
                                e.note()));
                    }
                }
            }
        }
        return new AnalysisTable(
                "rates",
                "Suicide rate per 100,000 aged 10+, directly standardised",
                List.of(
                        LifeExpectancyAnalysis.areaType(),
                        LifeExpectancyAnalysis.areaCode(),
                        LifeExpectancyAnalysis.areaName(),
                        AnalysisTable.Column.text("period", "Three pooled financial years"),
                        AnalysisTable.Column.text(
                                "period_role", "latest = the most recent three years; earlier otherwise"),
                        AnalysisTable.Column.text("sex", "Persons, Male or Female"),
                        AnalysisTable.Column.count("deaths", "Deaths from suicide or undetermined intent"),
                        AnalysisTable.Column.count("population", "Person-years aged 10 and over"),
                        AnalysisTable.Column.number("value", "DSR per 100,000 (ESP2013, ages 10+)"),
                        AnalysisTable.Column.number("lower_ci95", "Lower 95% limit (Dobson)"),
                        AnalysisTable.Column.number("upper_ci95", "Upper 95% limit (Dobson)"),
                        AnalysisTable.Column.text(
                                "compared_to_icb", "Better, Similar or Worse than the ICB (95%; lower is better)"),
                        AnalysisTable.Column.text("note", "Why a value is missing")),
                rows);
    }

    private static double sum(MortalityCells.Bands b, boolean deaths) {
        double total = 0;
        for (double[] band : b.espBands(MIN_AGE, Integer.MAX_VALUE)) {
            total += deaths ? band[1] : band[2];
        }
        return total;
    }

    /** Fewer deaths from suicide is better: Fingertips' colouring of the suicide rate. */
}
