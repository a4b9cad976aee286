package org.openphm.synth.activity;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openphm.model.FinancialYear;
import org.openphm.synth.SyntheticPerson;
import org.openphm.synth.icb.Place;
import org.openphm.synth.icb.SyntheticIcbDefinition;

/**
 * The registered, living population by Place, sex and single year of age on 30 September (the middle) of each
 * financial year 2019/20 to 2025/26, counted from the people actually generated.
 *
 * <p>Why: published counts become per-person rates by dividing by the population they happened in. Given a
 * census of the generated population (a cheap counting pass before generation, since people are
 * deterministic for a seed), the activity model calibrates on it and hits the DP's counts whatever the people
 * model's age structure and register prevalence; without one it uses the built-in reference population.
 * Register prevalence is counted by 5-year age band over all years, since rate ratios for being on a
 * register are normalised by it (PersonRisk.register).
 */
public final class Census {
    private static final int YEARS = ActivitySpan.LAST - ActivitySpan.FIRST + 1;
    private static final int BANDS = ReferencePopulation.MAX_AGE / 5 + 1;
    private final SyntheticIcbDefinition icb;
    private final double[][][][] counts;
    private final double[] personsByBand = new double[BANDS];
    private final Map<String, double[]> onRegisterByBand = new HashMap<>();
    private final List<String> registers = List.copyOf(ReferencePopulation.REGISTERS.keySet());
    /** Children's person-years by ethnic category: {n, Σ health, Σ deprivation score, Σ health × score}. */
    private final Map<String, double[]> children = new HashMap<>();

    /** An empty census of a population shaped like {@code icb}. */
    public Census(SyntheticIcbDefinition icb) {
        this.icb = icb;
        this.counts = new double[YEARS][icb.places().size()][2][ReferencePopulation.MAX_AGE + 1];
        registers.forEach(r -> onRegisterByBand.put(r, new double[BANDS]));
    }

    /** The ICB whose population is counted. */
    public SyntheticIcbDefinition icb() {
        return icb;
    }

    /** Counts one person in every year in which they are registered and alive on 30 September. */
    public void add(SyntheticPerson person) {
        for (int y = 0; y < YEARS; y++) {
            LocalDate mid = LocalDate.of(ActivitySpan.FIRST + y, 9, 30);
            if (!person.registeredOn(mid) || person.birthMonth().atDay(1).isAfter(mid)) {
                continue;
            }
            int age = Math.min(person.ageOn(mid), ReferencePopulation.MAX_AGE);
            counts[y][icb.place(person.placeCode()).index()]["F".equals(person.sex()) ? 1 : 0][age]++;
            personsByBand[age / 5]++;
            if (age < 18) {
                double h = person.health(), d = (5.5 - person.imdDecile()) / 4.5;
                double[] c = children.computeIfAbsent(
                        person.ethnicity() == null ? "Z" : person.ethnicity(), k -> new double[4]);
                c[0]++;
                c[1] += h;
                c[2] += d;
                c[3] += h * d;
            }
            for (String register : registers) {
                if (person.hasCondition(register, mid)) {
                    onRegisterByBand.get(register)[age / 5]++;
                }
            }
        }
    }

    /**
     * Mean over children of one ethnic category (null = all children) of the product of the linear health and
     * deprivation multipliers (PersonRisk.health × PersonRisk.deprivation, ignoring their floor). In the people
     * model ethnicity, deprivation and health go together, so a published ratio between ethnic groups already
     * contains these; the ethnicity multiplier must supply only the rest.
     */
    double childRisk(String ethnicity, double healthStrength, double deprivationStrength) {
        double n = 0, h = 0, d = 0, hd = 0;
        for (Map.Entry<String, double[]> e : children.entrySet()) {
            if (ethnicity == null || e.getKey().equals(ethnicity)) {
                n += e.getValue()[0];
                h += e.getValue()[1];
                d += e.getValue()[2];
                hd += e.getValue()[3];
            }
        }
        if (n == 0) {
            return 1;
        }
        double mh = h / n, md = d / n, mhd = hd / n, a = healthStrength, b = deprivationStrength;
        return 1 + a * (mh - PersonRisk.HEALTH_MEAN) + b * md + a * b * (mhd - PersonRisk.HEALTH_MEAN * md);
    }

    /** Children's ethnic mix (category -> share; not stated as Z). */
    Map<String, Double> childMix() {
        double n = children.values().stream().mapToDouble(c -> c[0]).sum();
        Map<String, Double> mix = new HashMap<>();
        children.forEach((code, c) -> mix.put(code, c[0] / n));
        return mix;
    }

    /** Share of people of this age on the register (pooled over the years and the age's 5-year band). */
    double prevalence(String register, int age) {
        int band = Math.min(age, ReferencePopulation.MAX_AGE) / 5;
        double[] on = onRegisterByBand.get(register);
        return on == null || personsByBand[band] == 0 ? 0 : on[band] / personsByBand[band];
    }

    double persons(FinancialYear year, Place place, boolean female, int age) {
        return counts[ActivitySpan.index(year)][place.index()][female ? 1 : 0][age];
    }

    /** Everyone counted in a year. */
    double total(FinancialYear year) {
        double sum = 0;
        for (double[][] place : counts[ActivitySpan.index(year)]) {
            for (double[] sex : place) {
                for (double n : sex) {
                    sum += n;
                }
            }
        }
        return sum;
    }
}
