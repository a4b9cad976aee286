package org.openphm.analyses.population;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.openphm.analyses.indicator.Geography;
import org.openphm.model.AreaType;
import org.openphm.model.FinancialYear;
import org.openphm.model.Totals;
import org.openphm.stats.Confidence;
import org.openphm.stats.DirectStandardisation;
import org.openphm.stats.Estimate;
import org.openphm.stats.EuropeanStandardPopulation;
import org.openphm.stats.LifeExpectancy;

/**
 * The mortality measures of DP 2.4, 4.1 and 4.2 over {@link MortalityCells}: which cells an area, sex and period
 * select, and the DSR and life table computed from them by the stats module.
 */
final class MortalityMeasures {
    private MortalityMeasures() {}

    /** Fingertips pools three years of deaths for life expectancy and for SMI premature mortality. */
    static final int POOLED_YEARS = 3;

    /** Area levels with enough deaths for these measures (PCNs and practices have too few). */
    static final List<AreaType> LEVELS = List.of(AreaType.ICB, AreaType.PLACE, AreaType.NEIGHBOURHOOD);

    /** The cells of one area. */
    static Predicate<MortalityCells.Stratum> in(Geography.Area area) {
        return switch (area.type()) {
            case ICB -> c -> area.code().equals(c.icb());
            case PLACE -> c -> area.code().equals(c.place());
            case NEIGHBOURHOOD -> c -> area.code().equals(c.neighbourhood());
            default -> throw new IllegalArgumentException("mortality is not computed for " + area.type());
        };
    }

    /** "F", "M", or null for persons. */
    static Predicate<MortalityCells.Stratum> sex(String sex) {
        return sex == null ? c -> true : c -> sex.equals(c.sex());
    }

    static Predicate<MortalityCells.Stratum> within(List<FinancialYear> years) {
        return c -> years.contains(c.year());
    }

    /** Every run of {@link #POOLED_YEARS} consecutive years, latest last (empty when there are fewer years). */
    static List<List<FinancialYear>> pooledPeriods(List<FinancialYear> years) {
        List<List<FinancialYear>> out = new ArrayList<>();
        for (int end = POOLED_YEARS - 1; end < years.size(); end++) {
            out.add(years.subList(end - POOLED_YEARS + 1, end + 1));
        }
        return out;
    }

    static String label(List<FinancialYear> years) {
        return years.size() == 1
                ? years.get(0).label()
                : years.get(0).label() + " - " + years.get(years.size() - 1).label();
    }

    static String sexLabel(String sex) {
        return sex == null ? Totals.PERSONS : sex.equals("F") ? "Female" : "Male";
    }

    /** DSR per 100,000 over the ESP2013 bands covering minAge to maxAge; missing when a band has nobody in it. */
    static Estimate dsr(MortalityCells.Bands bands, int minAge, int maxAge, double confidence) {
        double[] weights = EuropeanStandardPopulation.weights();
        List<DirectStandardisation.Band> esp = new ArrayList<>();
        for (double[] b : bands.espBands(minAge, maxAge)) {
            if (!(b[2] > 0)) {
                return Estimate.missing(
                        Confidence.normalise(confidence),
                        DirectStandardisation.METHOD,
                        "no population in ESP2013 band "
                                + EuropeanStandardPopulation.bands()
                                        .get((int) b[0])
                                        .label() + ": a DSR needs every band");
            }
            esp.add(new DirectStandardisation.Band(b[1], b[2], weights[(int) b[0]]));
        }
        return DirectStandardisation.dsr(esp, 100_000, confidence).estimate();
    }

    static LifeExpectancy.Result lifeExpectancy(MortalityCells.Bands bands) {
        return LifeExpectancy.calculate(bands.lifeTableBands(), Confidence.P95);
    }

    static Double value(double v) {
        return Double.isNaN(v) ? null : v;
    }

    /**
     * Fingertips' comparison of an area with a reference area (here the ICB): is the reference's value outside
     * the area's 95% interval? Worded by the measure's polarity; "Not compared" when either value is missing.
     */
    static String comparedWith(Estimate area, Estimate reference, org.openphm.stats.Polarity polarity) {
        if (area == null || reference == null || !area.hasValue() || !reference.hasValue()) {
            return org.openphm.model.Comparison.NOT_COMPARED.label();
        }
        return polarity.assess(org.openphm.stats.Comparison.benchmarkValue(area, reference.value()))
                .label();
    }
}
