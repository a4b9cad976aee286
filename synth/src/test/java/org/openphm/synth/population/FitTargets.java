package org.openphm.synth.population;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The whole-population prevalence (% of registered patients on 31 March 2025) the fitter aims at for each
 * register: DP 3.7 where it gives one, otherwise our choice (CALIBRATION.md says why each), and the
 * under-18 prevalence for autism and ADHD (DP 3.9 gives only charts).
 */
final class FitTargets {
    private FitTargets() {}

    static final Map<String, Double> WHOLE_POPULATION = new LinkedHashMap<>(PackTargets.WHOLE_POPULATION);

    static {
        // AF: DP 3.11 implies 2.0% (HYP->AF 14.2% x 10.8% / AF->HYP 75.2%); slightly lower so every Place
        // stays at or below England (DP 5.3).
        WHOLE_POPULATION.put("AF", 1.85);
        // COPD and stroke: DP 3.7 gives 1.8% and 1.9%, but DP 5.7 and 5.19 say every Place is below England
        // (QOF 2019/20 England 1.94% and 1.80%, rising); aim inside the DP 3.7 tolerance but low enough that the
        // oldest Place (Central Bedfordshire) stays below England.
        WHOLE_POPULATION.put("COPD", 1.72);
        // (1.75 since the diagnosis-date fix: the 2023/24 level QofFidelityTest compares with England is no longer
        // depressed by the old model, so stroke's Place effects were lowered instead, Bedford most.)
        WHOLE_POPULATION.put("STIA", 1.75);
        // Asthma ~6.3% of people 6+ (England 6.5%, Luton lowest, DP 5.2).
        WHOLE_POPULATION.put("AST", 5.9);
        // NDH ~7% of adults, above England (DP 3.10).
        WHOLE_POPULATION.put("NDH", 5.5);
        // PAD below England's 0.6% in every Place (DP 5.16).
        WHOLE_POPULATION.put("PAD", 0.42);
        // RA ~0.75% of 16+ (England 0.77%).
        WHOLE_POPULATION.put("RA", 0.58);
        // Osteoporosis ~0.7% of 50+ (England ~0.9-1.1%, MK very low, DP 5.15).
        WHOLE_POPULATION.put("OST", 0.23);
        // Palliative care below England's ~0.5% except Bedford (DP 5.17).
        WHOLE_POPULATION.put("PC", 0.42);
    }

    /** % of under-18s on 31 March 2025. */
    static final Map<String, Double> UNDER_18 = PackTargets.ordered("AUT", 2.2, "ADHD", 1.5);
}
