package org.openphm.synth.activity;

import java.time.LocalDate;
import org.openphm.synth.SyntheticPerson;

/**
 * The registered, living population by Place, sex and single year of age on 30 September (the middle) of each
 * financial year 2019/20 to 2025/26, counted from the people actually generated.
 *
 * <p>Why: published counts become per-person rates by dividing by the population they happened in. Given a
 * census of the generated population (a cheap counting pass before generation, since people are
 * deterministic for a seed), the activity model calibrates on it and hits the DP's counts whatever the people
 * model's age structure; without one it uses the built-in reference population.
 */
public final class Census {
    private static final int YEARS = FinancialYear.LAST - FinancialYear.FIRST + 1;
    private final double[][][][] counts =
            new double[YEARS][Place.values().length][2][ReferencePopulation.MAX_AGE + 1];

    /** Counts one person in every year in which they are registered and alive on 30 September. */
    public void add(SyntheticPerson person) {
        for (int y = 0; y < YEARS; y++) {
            LocalDate mid = LocalDate.of(FinancialYear.FIRST + y, 9, 30);
            if (!person.registeredOn(mid) || person.birthMonth().atDay(1).isAfter(mid)) {
                continue;
            }
            int age = Math.min(person.ageOn(mid), ReferencePopulation.MAX_AGE);
            counts[y][Place.of(person.placeCode()).ordinal()]["F".equals(person.sex()) ? 1 : 0][age]++;
        }
    }

    double persons(FinancialYear year, Place place, boolean female, int age) {
        return counts[year.index()][place.ordinal()][female ? 1 : 0][age];
    }

    /** Everyone counted in a year. */
    double total(FinancialYear year) {
        double sum = 0;
        for (double[][] place : counts[year.index()]) {
            for (double[] sex : place) {
                for (double n : sex) {
                    sum += n;
                }
            }
        }
        return sum;
    }
}
