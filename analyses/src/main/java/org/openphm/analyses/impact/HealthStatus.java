package org.openphm.analyses.impact;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The health-status adjustment: if people stay healthy for longer, a band of older people uses services at the
 * rate a younger band does today. After s healthy years gained, the rate of a five-year band from from_age up
 * moves s/5 of the way to the rate of the band below it (the NHP model shifts single years of age; five-year
 * bands are the grain the data pack projects at). Rates are the ICB's, by sex and band, of the activity each
 * quantity follows ({@link Quantity#curve}).
 */
final class HealthStatus {
    private final double[][] rate;
    private final int[] younger;
    private final int[] lower;
    private final int fromAge;

    private HealthStatus(double[][] rate, int[] younger, int[] lower, int fromAge) {
        this.rate = rate;
        this.younger = younger;
        this.lower = lower;
        this.fromAge = fromAge;
    }

    static HealthStatus of(ImpactBaseline b, Map<String, Integer> sexBandIndex, List<Integer> lowerAge, int fromAge) {
        int n = lowerAge.size();
        double[][] sums = new double[Quantity.values().length][n];
        double[] people = new double[n];
        for (ImpactBaseline.Cell c : b.cells()) {
            int sb = sexBandIndex.get(c.sex() + "|" + c.ageBand());
            people[sb] += c.q()[Quantity.POPULATION.ordinal()];
            for (int k = 0; k < sums.length; k++) {
                sums[k][sb] += c.q()[k];
            }
        }
        double[][] rate = new double[sums.length][n];
        for (int k = 0; k < sums.length; k++) {
            for (int sb = 0; sb < n; sb++) {
                rate[k][sb] = people[sb] > 0 ? sums[k][sb] / people[sb] : 0;
            }
        }
        Map<String, Integer> bySexAge = new HashMap<>();
        sexBandIndex.forEach((k, i) -> bySexAge.put(k.split("\\|")[0] + "|" + lowerAge.get(i), i));
        int[] younger = new int[n];
        int[] lower = new int[n];
        sexBandIndex.forEach((k, i) -> {
            lower[i] = lowerAge.get(i);
            younger[i] = bySexAge.getOrDefault(k.split("\\|")[0] + "|" + (lowerAge.get(i) - 5), -1);
        });
        return new HealthStatus(rate, younger, lower, fromAge);
    }

    /** [sex-band][quantity][year index]: the factor on each quantity's baseline rate. */
    double[][][] factors(double healthyYearsPerYear, int years) {
        Quantity[] qs = Quantity.values();
        double[][][] out = new double[lower.length][qs.length][years];
        for (int sb = 0; sb < lower.length; sb++) {
            for (int k = 0; k < qs.length; k++) {
                Quantity curve = qs[k].curve();
                for (int t = 0; t < years; t++) {
                    out[sb][k][t] = curve == null ? 1 : factor(curve.ordinal(), sb, healthyYearsPerYear * t);
                }
            }
        }
        return out;
    }

    double factor(int curve, int sb, double healthyYears) {
        if (healthyYears == 0 || lower[sb] < fromAge || younger[sb] < 0 || rate[curve][sb] <= 0) {
            return 1;
        }
        double shift = Math.min(healthyYears, 5) / 5;
        return 1 - shift * (1 - rate[curve][younger[sb]] / rate[curve][sb]);
    }
}
