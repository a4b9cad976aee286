package org.openphm.synth.activity;

import java.time.LocalDate;
import java.util.Arrays;
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
    /** In a {@link #part}, the children's person-years in the order counted, to be summed by the whole. */
    private final ChildLog childLog;

    /** An empty census of a population shaped like {@code icb}. */
    public Census(SyntheticIcbDefinition icb) {
        this(icb, null);
    }

    private Census(SyntheticIcbDefinition icb, ChildLog childLog) {
        this.icb = icb;
        this.counts = new double[YEARS][icb.places().size()][2][ReferencePopulation.MAX_AGE + 1];
        registers.forEach(r -> onRegisterByBand.put(r, new double[BANDS]));
        this.childLog = childLog;
    }

    /**
     * An empty census of one run of consecutive people, to be added to the whole with {@link #addAll}: parts
     * counted on several threads and added in the order of their people give the census of counting everyone in
     * one.
     */
    public static Census part(SyntheticIcbDefinition icb) {
        return new Census(icb, new ChildLog());
    }

    /**
     * Adds a part's counts. Whole counts add exactly in any order; the children's sums of reals would not (the
     * last bits depend on the order of additions, and the activity rates on them), so the part's children are
     * added here one by one in the order it counted them.
     */
    public void addAll(Census part) {
        if (part.childLog == null || part.icb != icb) {
            throw new IllegalArgumentException("only a part of a census of the same ICB can be added");
        }
        for (int y = 0; y < YEARS; y++) {
            for (int p = 0; p < counts[y].length; p++) {
                for (int s = 0; s < 2; s++) {
                    add(counts[y][p][s], part.counts[y][p][s]);
                }
            }
        }
        add(personsByBand, part.personsByBand);
        onRegisterByBand.forEach((register, on) -> add(on, part.onRegisterByBand.get(register)));
        part.childLog.replay(this::child);
    }

    /** Equal when every count and sum is the same to the last bit (the children's log of a part aside). */
    @Override
    public boolean equals(Object o) {
        return o instanceof Census c
                && c.icb == icb
                && Arrays.deepEquals(c.counts, counts)
                && Arrays.equals(c.personsByBand, personsByBand)
                && sameArrays(c.onRegisterByBand, onRegisterByBand)
                && sameArrays(c.children, children);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(counts);
    }

    private static boolean sameArrays(Map<String, double[]> a, Map<String, double[]> b) {
        return a.keySet().equals(b.keySet())
                && a.entrySet().stream().allMatch(e -> Arrays.equals(e.getValue(), b.get(e.getKey())));
    }

    private static void add(double[] into, double[] from) {
        for (int i = 0; i < into.length; i++) {
            into[i] += from[i];
        }
    }

    /** The ICB whose population is counted. */
    public SyntheticIcbDefinition icb() {
        return icb;
    }

    /** Counts one person in every year in which they are registered and alive on 30 September. */
    public void add(SyntheticPerson person) {
        add(person, 1);
    }

    /**
     * Counts one person of a sample, standing for {@code weight} people, in every year in which they are
     * registered and alive on 30 September. Children's means are of the people counted (a weight is the same
     * for everyone in a sample).
     */
    public void add(SyntheticPerson person, int weight) {
        for (int y = 0; y < YEARS; y++) {
            LocalDate mid = LocalDate.of(ActivitySpan.FIRST + y, 9, 30);
            if (!person.registeredOn(mid) || person.birthMonth().atDay(1).isAfter(mid)) {
                continue;
            }
            int age = Math.min(person.ageOn(mid), ReferencePopulation.MAX_AGE);
            counts[y][icb.place(person.placeCode()).index()]["F".equals(person.sex()) ? 1 : 0][age] += weight;
            personsByBand[age / 5] += weight;
            if (age < 18) {
                String ethnicity = person.ethnicity() == null ? "Z" : person.ethnicity();
                double h = person.health(), d = (5.5 - person.imdDecile()) / 4.5;
                if (childLog != null) {
                    childLog.add(ethnicity, h, d);
                } else {
                    child(ethnicity, h, d);
                }
            }
            // the person's few registers, not every register asked of each person (counts of one: order is free)
            for (Map.Entry<String, LocalDate> c : person.conditions().entrySet()) {
                double[] on = onRegisterByBand.get(c.getKey());
                if (on != null && c.getValue() != null && !c.getValue().isAfter(mid)) {
                    on[age / 5] += weight;
                }
            }
        }
    }

    private void child(String ethnicity, double h, double d) {
        double[] c = children.computeIfAbsent(ethnicity, k -> new double[4]);
        c[0]++;
        c[1] += h;
        c[2] += d;
        c[3] += h * d;
    }

    /** A child's person-year: ethnic category, health and deprivation score, in the order counted. */
    private static final class ChildLog {
        private String[] ethnicity = new String[256];
        private double[] health = new double[256];
        private double[] deprivation = new double[256];
        private int size;

        interface Sink {
            void child(String ethnicity, double h, double d);
        }

        void add(String e, double h, double d) {
            if (size == ethnicity.length) {
                ethnicity = Arrays.copyOf(ethnicity, 2 * size);
                health = Arrays.copyOf(health, 2 * size);
                deprivation = Arrays.copyOf(deprivation, 2 * size);
            }
            ethnicity[size] = e;
            health[size] = h;
            deprivation[size] = d;
            size++;
        }

        void replay(Sink sink) {
            for (int i = 0; i < size; i++) {
                sink.child(ethnicity[i], health[i], deprivation[i]);
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
    public double total(FinancialYear year) {
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
