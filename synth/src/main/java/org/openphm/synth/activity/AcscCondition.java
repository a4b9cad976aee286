package org.openphm.synth.activity;

import java.util.Map;
import org.openphm.synth.icb.Place;

/**
 * Chronic ambulatory care sensitive conditions as NHS Digital's CCG OIS 2.6 specification lists them (the list
 * CCG_OIS_2_6 in model's org/openphm/reference/acsc_icd10.csv). It is the list whose body-system groups are the data
 * pack's (DP 8.4: cardiovascular, respiratory, neurological, nutritional/endocrine/metabolic, diseases of the blood;
 * plus mental and behavioural, infections). Diagnosis codes are HES-style 4-character ICD-10 drawn from that list;
 * procedures are ones the list's exclusions (acsc_exclusions.csv) do not remove, so every spell written here is
 * counted as ACSC by an analysis that applies the specification.
 *
 * <p>Shares are the composition of ACSC admissions in 2024/25 (percent): cardiovascular largest with heart
 * failure and hypertension its top diagnoses (DP 8.4); a Place may have its own split (its definition's
 * acsc_condition_percent). The exact splits are our assumption: the DP gives the order only.
 */
enum AcscCondition {
    HEART_FAILURE(Group.CARDIOVASCULAR, "HF", 15, new String[] {"I500", "I501", "I509", "I110"}, 17, 0),
    HYPERTENSION(Group.CARDIOVASCULAR, "HYP", 4, new String[] {"I10X", "I119"}, 9, 0),
    ATRIAL_FIBRILLATION(Group.CARDIOVASCULAR, "AF", 6, new String[] {"I480", "I481", "I489"}, 6, 0),
    ANGINA(Group.CARDIOVASCULAR, "CHD", 8, new String[] {"I200", "I209", "I259"}, 6, 0),
    COPD(Group.RESPIRATORY, "COPD", 20, new String[] {"J440", "J441", "J449", "J439"}, 19, 0),
    ASTHMA(Group.RESPIRATORY, "AST", 6, new String[] {"J459", "J46X"}, 10, 42),
    EPILEPSY(Group.NEUROLOGICAL, "EP", 25, new String[] {"G400", "G403", "G409", "G411"}, 12, 40),
    DIABETES(Group.NUTRITIONAL, "DM", 8, new String[] {"E101", "E110", "E115", "E119"}, 9, 12),
    IRON_DEFICIENCY_ANAEMIA(Group.BLOOD, null, 1, new String[] {"D509", "D519", "D529"}, 6, 6),
    DEMENTIA(Group.MENTAL, "DEM", 10, new String[] {"F03X", "F019", "F009"}, 5, 0),
    HEPATITIS_B(Group.INFECTIONS, null, 1, new String[] {"B181"}, 1, 0);

    /** CCG OIS 2.6 Appendix 2 groups, with the data pack's share of ACSC spells without a procedure (DP 8.4). */
    enum Group {
        CARDIOVASCULAR("Cardiovascular diseases", 0.52, 1.0, 1.10, new String[] {"U201", "U051"}),
        RESPIRATORY("Respiratory diseases", 0.68, 0.95, 1.00, new String[] {"E851", "U071", "U201"}),
        NEUROLOGICAL("Neurological disorders", 0.64, 0.75, 0.95, new String[] {"U051", "A841"}),
        NUTRITIONAL("Nutritional, endocrine and metabolic", 0.70, 1.60, 1.05, new String[] {"U051", "X339"}),
        BLOOD("Diseases of the blood", 0.63, 0.80, 0.80, new String[] {"X339", "G451"}),
        MENTAL("Mental and behavioural disorders", 0.61, 0.90, 1.20, new String[] {"U051"}),
        INFECTIONS("Infections", 0.61, 0.90, 0.90, new String[] {"U081"});

        final String label;
        final double noProcedure;
        /**
         * Length of stay relative to the treatment function's mean (assumed), set so that nutritional, endocrine
         * and metabolic admissions stay longest (DP 8.11) although dementia admissions are mostly of the very
         * old under elderly medicine, whose stays are long anyway.
         */
        final double stayRatio;
        /** HRG-like cost weight relative to the average non-elective episode. */
        final double costWeight;
        /** Diagnostic or supportive procedures that none of the CCG OIS 2.6 exclusions remove. */
        final String[] procedures;

        Group(String label, double noProcedure, double stayRatio, double costWeight, String[] procedures) {
            this.label = label;
            this.noProcedure = noProcedure;
            this.stayRatio = stayRatio;
            this.costWeight = costWeight;
            this.procedures = procedures;
        }
    }

    final Group group;
    /** Register whose patients have this admission far more often; null for conditions without one. */
    final String register;

    final double registerRateRatio;
    final String[] icd10;
    /** Percent of the ICB's ACSC admissions of adults and of children for this condition (a Place may differ). */
    private final double adults, children;

    AcscCondition(
            Group group, String register, double registerRateRatio, String[] icd10, double adults, double children) {
        this.group = group;
        this.register = register;
        this.registerRateRatio = registerRateRatio;
        this.icd10 = icd10;
        this.adults = adults;
        this.children = children;
    }

    /**
     * Percent of the Place's ACSC admissions in this age group that are for this condition: the Place's own
     * split where its definition gives one (conditions it does not list have none), else the ICB's.
     */
    double share(Place place, boolean child) {
        Map<String, Map<String, Double>> own = place.acute().acscConditionPercent();
        if (own == null) {
            return child ? children : adults;
        }
        return own.getOrDefault(child ? "children" : "adults", Map.of()).getOrDefault(name(), 0.0);
    }

    /** Fails on a Place's ACSC split that names an age group or condition the model does not have. */
    static void check(Place place) {
        Map<String, Map<String, Double>> own = place.acute().acscConditionPercent();
        if (own == null) {
            return;
        }
        java.util.Set<String> names = new java.util.HashSet<>();
        for (AcscCondition c : values()) {
            names.add(c.name());
        }
        own.forEach((group, split) -> {
            if (!group.equals("adults") && !group.equals("children")) {
                throw new IllegalArgumentException(
                        "Place " + place.code() + ": acsc_condition_percent has adults and children, not " + group);
            }
            for (String condition : split.keySet()) {
                if (!names.contains(condition)) {
                    throw new IllegalArgumentException("Place " + place.code() + ": " + condition
                            + " is not an ACSC condition (" + String.join(", ", names) + ")");
                }
            }
        });
    }
}
