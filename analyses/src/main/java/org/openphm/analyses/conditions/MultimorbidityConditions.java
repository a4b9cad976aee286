package org.openphm.analyses.conditions;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The conditions of the data pack's multimorbidity pages (DP 3.7, 3.11, 3.12 — NHS England's PAPI dashboard
 * selection), by canonical register id, with the names the pages use. DP 3.11 shows the first thirteen; DP 3.7
 * adds chronic pain, epilepsy and physical disability.
 */
public final class MultimorbidityConditions {
    private MultimorbidityConditions() {}

    public record Condition(String id, String name) {}

    public static final List<Condition> ALL = List.of(
            new Condition("AF", "Atrial Fibrillation"),
            new Condition("CAN", "Cancer"),
            new Condition("STIA", "Cerebrovascular Disease"),
            new Condition("CKD", "Chronic Kidney Disease"),
            new Condition("CPAIN", "Chronic Pain"),
            new Condition("COPD", "COPD"),
            new Condition("CHD", "Coronary Heart Disease"),
            new Condition("DEM", "Dementia"),
            new Condition("DEP", "Depression"),
            new Condition("DM", "Diabetes"),
            new Condition("EP", "Epilepsy"),
            new Condition("HF", "Heart Failure"),
            new Condition("HYP", "Hypertension"),
            new Condition("LD", "Learning Disability"),
            new Condition("PDIS", "Physical Disability"),
            new Condition("SMI", "Serious Mental Illness"));

    /** The reference conditions of DP 3.7 (mental health and LD). */
    public static final List<String> MENTAL_HEALTH_AND_LD = List.of("DEP", "LD", "SMI");

    public static List<String> ids() {
        return ALL.stream().map(Condition::id).toList();
    }

    public static Map<String, String> names() {
        return ALL.stream().collect(Collectors.toMap(Condition::id, Condition::name));
    }
}
