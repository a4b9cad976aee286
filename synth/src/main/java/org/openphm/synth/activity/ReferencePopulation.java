package org.openphm.synth.activity;

import java.util.HashMap;
import java.util.Map;
import org.openphm.model.FinancialYear;
import org.openphm.synth.icb.Place;
import org.openphm.synth.icb.SyntheticIcbDefinition;

/**
 * The registered population of the ICB the activity model is calibrated against: published counts (referrals,
 * admissions, detentions) become per-person rates by dividing them by the expected number of people, summed
 * over Place, sex and single year of age. Per-capita rates then scale with whatever population the people
 * model draws, so nothing in the activity model is a total.
 *
 * <p>The size is the ICB definition's registered patients; the age structure is an assumption of ours that
 * matches the DP's headline shape (15% aged 65+, DP 2.2) — not published age tables, which the project does not hold. Register prevalence by age is an
 * exponential age curve scaled to the DP 3.7 whole-population prevalence. If the people model's structure
 * differs, the activity counts move with it; ActivityCalibrationTest measures by how much.
 */
final class ReferencePopulation {

    static final int MAX_AGE = 99;

    /**
     * Percent of patients in the 5-year bands 0-4 ... 85-89, 90+, as the people model's ICB age profile
     * (65+ = 15.7%, DP 2.2 says 15%).
     */
    private static final double[] BAND_PERCENT = {
        6.0, 6.6, 6.8, 6.1, 5.7, 6.4, 7.3, 7.4, 7.0, 6.4, 6.6, 6.4, 5.6, 4.5, 3.9, 3.4, 2.1, 1.2, 0.6
    };

    /**
     * Assumed register prevalence curves: whole-population prevalence (DP 3.7 where it gives one), the youngest
     * age on the register, and the exponential slope of prevalence per year of age.
     */
    record RegisterCurve(double percentOfAll, int minAge, double slopePerYear) {}

    static final Map<String, RegisterCurve> REGISTERS = Map.ofEntries(
            Map.entry("HF", new RegisterCurve(1.3, 30, 0.085)),
            Map.entry("HYP", new RegisterCurve(10.8, 18, 0.055)),
            Map.entry("COPD", new RegisterCurve(1.8, 35, 0.07)),
            Map.entry("DM", new RegisterCurve(6.8, 17, 0.04)),
            Map.entry("EP", new RegisterCurve(0.9, 0, 0.0)),
            Map.entry("DEM", new RegisterCurve(0.7, 40, 0.16)),
            Map.entry("SMI", new RegisterCurve(1.1, 16, 0.0)),
            Map.entry("LD", new RegisterCurve(0.4, 0, 0.0)),
            Map.entry("CHD", new RegisterCurve(3.8, 30, 0.075)),
            Map.entry("DEP", new RegisterCurve(8.1, 18, 0.0)),
            Map.entry("AF", new RegisterCurve(1.6, 30, 0.09)), // not in DP 3.7: assumed
            Map.entry("AST", new RegisterCurve(6.0, 0, 0.0)), // not in DP 3.7: assumed
            Map.entry("PC", new RegisterCurve(0.5, 0, 0.08))); // not in DP 3.7: assumed

    /** Prevalence cap: no register covers everyone of an age. */
    private static final double CAP = 0.85;

    /** A cell of the reference population. */
    record Stratum(Place place, boolean female, int age) {}

    /** A quantity defined on a stratum (a rate per person-year, typically). */
    @FunctionalInterface
    interface PerPerson {
        double of(Stratum s);
    }

    private final SyntheticIcbDefinition icb;
    /** Registered patients on the reference date (31 March 2025), whom the targets' counts are of. */
    private final double size;
    /** Share of patients by Place index, as the people model draws them. */
    private final double[] placeShare;

    private final double[] personsByAge = new double[MAX_AGE + 1];
    private final Map<String, Double> scale = new HashMap<>();
    /** The generated population, when counted; calibration then uses it instead of the assumed structure. */
    private final Census census;

    /** The default ICB's, on the assumed structure. */
    ReferencePopulation() {
        this(SyntheticIcbDefinition.defaultIcb(), null);
    }

    ReferencePopulation(SyntheticIcbDefinition icb, Census census) {
        this.icb = icb;
        this.census = census;
        this.size = icb.registeredPatients();
        this.placeShare =
                icb.places().stream().mapToDouble(p -> p.shareOf(icb.places())).toArray();
        for (int band = 0; band < BAND_PERCENT.length; band++) {
            double persons = size * BAND_PERCENT[band] / 100.0;
            if (band < BAND_PERCENT.length - 1) {
                for (int a = band * 5; a < band * 5 + 5; a++) {
                    personsByAge[a] = persons / 5;
                }
            } else {
                // 90+: survivors thin out by about a quarter a year
                double norm = 0;
                for (int a = 90; a <= MAX_AGE; a++) {
                    norm += Math.pow(0.75, a - 90);
                }
                for (int a = 90; a <= MAX_AGE; a++) {
                    personsByAge[a] = persons * Math.pow(0.75, a - 90) / norm;
                }
            }
        }
        REGISTERS.forEach((register, curve) -> scale.put(register, solveScale(curve)));
    }

    /** Expected persons of one stratum. */
    double persons(Stratum s) {
        double female = femaleShare(s.age());
        return personsByAge[s.age()] * placeShare[s.place().index()] * (s.female() ? female : 1 - female);
    }

    /**
     * The registered population grows 6.1% in five years (DP 1.2), so a year's published count happened in a
     * population smaller than the ICB's size on the reference date (31 March 2025). This is the population at
     * the middle of the financial year relative to the reference date.
     */
    static double sizeIn(FinancialYear year) {
        double growthPerYear = Math.log(1.061) / 5;
        double yearsBefore = 2025.25 - (year.startYear() + 0.5);
        return Math.exp(-growthPerYear * yearsBefore);
    }

    /** Expected persons of one sex and age across the ICB. */
    double persons(boolean female, int age) {
        double share = femaleShare(age);
        return personsByAge[age] * (female ? share : 1 - share);
    }

    /** Women outlive men, so the oldest bands are mostly female. */
    static double femaleShare(int age) {
        return age >= 85 ? 0.63 : age >= 75 ? 0.55 : age >= 60 ? 0.51 : 0.49;
    }

    /**
     * Σ persons × f over all strata in the population of a financial year: the ICB's size that year (the
     * targets are its counts) with the structure of the generated population's census if there is one, else the
     * reference structure. A run of 100,000 people thus gets the same per-person rates as a full-scale run.
     */
    double expected(PerPerson f, FinancialYear year) {
        if (census == null) {
            return expected(f) * sizeIn(year);
        }
        double sum = 0;
        for (Place p : icb.places()) {
            for (int sex = 0; sex < 2; sex++) {
                for (int a = 0; a <= MAX_AGE; a++) {
                    double n = census.persons(year, p, sex == 1, a);
                    if (n > 0) {
                        sum += n * f.of(new Stratum(p, sex == 1, a));
                    }
                }
            }
        }
        return sum * total(year) / census.total(year);
    }

    /** The ICB whose population this is. */
    SyntheticIcbDefinition icb() {
        return icb;
    }

    /** The census of the generated population, or null when calibrating on the reference structure. */
    Census census() {
        return census;
    }

    /** The ICB's registered population in the middle of a financial year. */
    double total(FinancialYear year) {
        return size * sizeIn(year);
    }

    /** Σ persons × f over all strata: the expected yearly count of an event with per-person-year rate f. */
    double expected(PerPerson f) {
        double sum = 0;
        for (Place p : icb.places()) {
            for (int sex = 0; sex < 2; sex++) {
                for (int a = 0; a <= MAX_AGE; a++) {
                    Stratum s = new Stratum(p, sex == 1, a);
                    sum += persons(s) * f.of(s);
                }
            }
        }
        return sum;
    }

    /**
     * Probability that a person of this age is on the register: measured in the census when there is one,
     * else the assumed curve (0 for registers not modelled).
     */
    double prevalence(String register, int age) {
        if (register != null && census != null) {
            return census.prevalence(register, age);
        }
        RegisterCurve c = register == null ? null : REGISTERS.get(register);
        if (c == null) {
            return 0;
        }
        return curve(c, scale.get(register), age);
    }

    private static double curve(RegisterCurve c, double k, int age) {
        return age < c.minAge() ? 0 : Math.min(CAP, k * Math.exp(c.slopePerYear() * age));
    }

    /** Finds the curve's scale so that population prevalence equals the published whole-population figure. */
    private double solveScale(RegisterCurve c) {
        double lo = 0, hi = 1;
        while (wholePopulation(c, hi) < c.percentOfAll() / 100) {
            hi *= 2;
        }
        for (int i = 0; i < 100; i++) {
            double mid = (lo + hi) / 2;
            if (wholePopulation(c, mid) < c.percentOfAll() / 100) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }

    private double wholePopulation(RegisterCurve c, double k) {
        double on = 0;
        for (int a = 0; a <= MAX_AGE; a++) {
            on += personsByAge[a] * curve(c, k, a);
        }
        return on / size;
    }
}
