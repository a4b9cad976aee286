package org.openphm.analyses.acute;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openphm.model.ReferenceCsv;

/**
 * The one ACSC code list of the data pack's avoidable-admission analyses: NHS Digital's CCG OIS 2.6
 * "Unplanned hospitalisation for chronic ambulatory care sensitive conditions" (specification v1.15, Dec 2018,
 * indicator I00757), whose Appendix 2 headings are the groups the data pack uses (DP 8.4: cardiovascular,
 * respiratory, neurological, nutritional/endocrine/metabolic, diseases of the blood). The synthetic activity
 * model draws its ACSC spells from the same list (synth/.../activity/AcscCondition.java).
 *
 * <p>Read from the model's reference resources (org/openphm/reference/acsc_icd10.csv and
 * acsc_exclusions.csv, sources in that folder's SOURCES.md), rows with list_id CCG_OIS_2_6.
 */
public record AcscCodeList(List<Condition> conditions) {

    public static final String LIST_ID = "CCG_OIS_2_6";

    /**
     * One clinical condition of the list (e.g. "Congestive heart failure") in its group, with the codes that
     * define it; codes sharing an exclusion and an additional condition are one {@link CodeRule}.
     */
    public record Condition(String group, String name, List<CodeRule> rules) {}

    /**
     * Primary-diagnosis codes that count when the exclusion does not apply and the additional condition does.
     *
     * @param prefix3             3-character codes: any primary diagnosis starting with them
     * @param exact4              4-character HES-style codes ("I10X" = I10 with no subdivision)
     * @param exclusion           null when none
     * @param requiresAnyDiagnosis the spell must also carry one of these 3-character codes in any position
     *                            (J20 acute bronchitis counts only with COPD); empty when no such condition
     */
    public record CodeRule(
            List<String> prefix3, List<String> exact4, Exclusion exclusion, List<String> requiresAnyDiagnosis) {}

    /** What removes a spell from a condition, as the specification states it. */
    public sealed interface Exclusion permits AnyDiagnosis, AnyProcedure {
        String id();

        List<String> codes();
    }

    /** Excluded if any diagnosis (primary or secondary) starts with one of the ICD-10 codes (e.g. D57). */
    public record AnyDiagnosis(String id, List<String> codes) implements Exclusion {}

    /** Excluded if any procedure starts with one of the OPCS-4 prefixes (e.g. K0 .. K74 for heart failure). */
    public record AnyProcedure(String id, List<String> codes) implements Exclusion {}

    private static final String RESOURCES = "/org/openphm/reference/";

    public static AcscCodeList ccgOis26() {
        Map<String, Exclusion> exclusions = new LinkedHashMap<>();
        for (ReferenceCsv.Row f : ReferenceCsv.read(AcscCodeList.class, RESOURCES + "acsc_exclusions.csv")) {
            if (!f.get("list_id").equals(LIST_ID)) {
                continue;
            }
            String id = f.get("exclusion_id");
            List<String> codes = List.of(f.get("codes_semicolon_separated").split(";"));
            exclusions.put(
                    id,
                    switch (f.get("code_system")) {
                        case "ICD-10" -> new AnyDiagnosis(id, codes);
                        case "OPCS-4" -> new AnyProcedure(id, codes);
                        default -> throw f.fault("code_system", "unknown code system " + f.get("code_system"));
                    });
        }
        // condition -> (exclusion id | additional condition) -> codes, in file order
        Map<String, String> groups = new LinkedHashMap<>();
        Map<String, Map<String, List<String[]>>> byCondition = new LinkedHashMap<>();
        for (ReferenceCsv.Row f : ReferenceCsv.read(AcscCodeList.class, RESOURCES + "acsc_icd10.csv")) {
            if (!f.get("list_id").equals(LIST_ID)) {
                continue;
            }
            String condition = f.get("condition");
            String exclusion = f.optional("exclusion_id");
            String additional = f.optional("additional_condition");
            groups.put(condition, f.get("condition_group"));
            byCondition
                    .computeIfAbsent(condition, k -> new LinkedHashMap<>())
                    .computeIfAbsent(exclusion + "|" + additional, k -> new ArrayList<>())
                    .add(new String[] {f.get("icd10_code"), f.get("code_match"), exclusion, additional});
        }
        List<Condition> conditions = new ArrayList<>();
        byCondition.forEach((name, rules) -> {
            List<CodeRule> codeRules = new ArrayList<>();
            rules.values().forEach(codes -> {
                List<String> prefix3 = new ArrayList<>();
                List<String> exact4 = new ArrayList<>();
                for (String[] c : codes) {
                    switch (c[1]) {
                        case "prefix3" -> prefix3.add(c[0]);
                        case "exact4" -> exact4.add(c[0]);
                        default -> throw new IllegalStateException("unknown ACSC code match " + c[1]);
                    }
                }
                String exclusionId = codes.get(0)[2];
                Exclusion exclusion = exclusionId.isEmpty() ? null : exclusions.get(exclusionId);
                if (!exclusionId.isEmpty() && exclusion == null) {
                    throw new IllegalStateException("ACSC exclusion " + exclusionId + " is not in acsc_exclusions.csv");
                }
                codeRules.add(new CodeRule(prefix3, exact4, exclusion, diagnosisCodes(codes.get(0)[3])));
            });
            conditions.add(new Condition(groups.get(name), name, codeRules));
        });
        return new AcscCodeList(List.copyOf(conditions));
    }

    /** The groups in the order the list first names them. */
    public List<String> groups() {
        return conditions.stream().map(Condition::group).distinct().toList();
    }

    /** "only if any diagnosis field (DIAG_3_CONCAT) contains J41, J42, ..." -> [J41, J42, ...]. */
    static List<String> diagnosisCodes(String additionalCondition) {
        List<String> codes = new ArrayList<>();
        Matcher m = Pattern.compile("\\b[A-Z][0-9]{2}\\b").matcher(additionalCondition);
        while (m.find()) {
            codes.add(m.group());
        }
        if (!additionalCondition.isBlank() && codes.isEmpty()) {
            throw new IllegalStateException("cannot read the ACSC additional condition: " + additionalCondition);
        }
        return codes;
    }
}
