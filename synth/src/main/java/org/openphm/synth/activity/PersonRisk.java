package org.openphm.synth.activity;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.openphm.synth.SyntheticPerson;

/**
 * Multipliers that make one person's use of services differ from the average person of their age and sex:
 * latent health, deprivation, ethnicity and condition registers. Each is built to average 1 over the
 * reference population, so calibrated totals hold while individuals differ — the sick use more, and analyses
 * find the gradients rather than having them written in.
 */
final class PersonRisk {
    private PersonRisk() {}

    /**
     * Mean of SyntheticPerson.health. The people model draws health = exp(0.5 × latent) with latent normal,
     * mean 0.3 × deprivation score and SD 1, so its mean is about exp(0.125) ≈ 1.13 (1.14 with the deprivation
     * spread). The multiplier is linear in health, so it averages exactly 1 when this is the population's mean.
     */
    static final double HEALTH_MEAN = 1.14;

    static double health(double health, double strength) {
        return Math.max(0.1, 1 + strength * (health - HEALTH_MEAN));
    }

    /** Linear gradient across IMD deciles, 1 = most deprived; averages 1 over evenly spread deciles. */
    static double deprivation(int imdDecile, double strength) {
        return Math.max(0.1, 1 + strength * (5.5 - imdDecile) / 4.5);
    }

    /**
     * Rate ratio of being on a register, divided by its average at this age so that a service's age curve is
     * kept: with prevalence p and ratio r, people on the register get r / (1 + (r − 1)p), the rest 1 / (…).
     */
    static double register(
            SyntheticPerson person,
            String register,
            double rateRatio,
            LocalDate on,
            int age,
            ReferencePopulation reference) {
        if (register == null || rateRatio == 1) {
            return 1;
        }
        return register(person, register, rateRatio, on, reference.prevalence(register, age));
    }

    /** {@link #register} given the register's prevalence at the person's age. */
    static double register(SyntheticPerson person, String register, double rateRatio, LocalDate on, double prevalence) {
        double ratio = person.hasCondition(register, on) ? rateRatio : 1;
        return ratio / (1 + (rateRatio - 1) * prevalence);
    }

    /**
     * Assumed BLMK ethnic mix (NHS ethnic category): 64% White and 5% not stated as DP 1.2 says; the split
     * within groups is our assumption. Used only to keep ethnicity multipliers averaging 1.
     */
    static final Map<String, Double> ETHNIC_MIX = Map.ofEntries(
            Map.entry("A", 0.525),
            Map.entry("B", 0.01),
            Map.entry("C", 0.10),
            Map.entry("D", 0.01),
            Map.entry("E", 0.005),
            Map.entry("F", 0.01),
            Map.entry("G", 0.01),
            Map.entry("H", 0.05),
            Map.entry("J", 0.07),
            Map.entry("K", 0.02),
            Map.entry("L", 0.03),
            Map.entry("M", 0.015),
            Map.entry("N", 0.04),
            Map.entry("P", 0.01),
            Map.entry("R", 0.005),
            Map.entry("S", 0.02),
            Map.entry("Z", 0.05),
            Map.entry("99", 0.02));

    /**
     * Ethnicity rate ratios in which some groups are anchored to published ratios (e.g. DP 4.3) and every other
     * group shares one ratio chosen so that the mix averages 1.
     */
    static Map<String, Double> anchoredEthnicity(Map<String, Double> anchors) {
        return anchoredEthnicity(anchors, ETHNIC_MIX);
    }

    /** As above over a given ethnic mix (category -> share, not stated as Z). */
    static Map<String, Double> anchoredEthnicity(Map<String, Double> anchors, Map<String, Double> mix) {
        double anchoredShare = 0, anchoredMass = 0;
        for (Map.Entry<String, Double> e : anchors.entrySet()) {
            double share = mix.getOrDefault(e.getKey(), 0.0);
            anchoredShare += share;
            anchoredMass += share * e.getValue();
        }
        double rest = (1 - anchoredMass) / (1 - anchoredShare);
        Map<String, Double> ratios = new HashMap<>();
        mix.keySet().forEach(code -> ratios.put(code, anchors.getOrDefault(code, rest)));
        ETHNIC_MIX.keySet().forEach(code -> ratios.putIfAbsent(code, anchors.getOrDefault(code, rest)));
        return ratios;
    }

    static double ethnicity(Map<String, Double> ratios, String code) {
        if (code == null) {
            code = "Z";
        }
        return ratios.getOrDefault(code, 1.0);
    }
}
