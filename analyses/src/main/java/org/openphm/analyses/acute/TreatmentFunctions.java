package org.openphm.analyses.acute;

import java.util.Map;
import org.openphm.model.Totals;

/**
 * Names of the treatment function codes (NHS Data Dictionary, TREATMENT FUNCTION CODE) the data pack's length
 * of stay tables show (DP 8.14, 8.15), plus common others; an unknown code is shown as the code.
 */
final class TreatmentFunctions {
    private TreatmentFunctions() {}

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("100", "General Surgery"),
            Map.entry("101", "Urology"),
            Map.entry("104", "Colorectal Surgery"),
            Map.entry("110", "Trauma and Orthopaedic"),
            Map.entry("120", "Ear Nose and Throat"),
            Map.entry("130", "Ophthalmology"),
            Map.entry("300", "General Internal Medicine"),
            Map.entry("301", "Gastroenterology"),
            Map.entry("303", "Clinical Haematology"),
            Map.entry("320", "Cardiology"),
            Map.entry("420", "Paediatric"),
            Map.entry("430", "Elderly Medicine"),
            Map.entry("501", "Obstetrics"),
            Map.entry("502", "Gynaecology"),
            Map.entry("711", "Child and Adolescent Psychiatry"));

    /** "300: General Internal Medicine", as the data pack labels rows. */
    static String label(String code) {
        if (Totals.ALL_ACTIVITY.equals(code)) {
            return Totals.ALL_ACTIVITY;
        }
        String name = NAMES.get(code);
        return name == null ? code : code + ": " + name;
    }
}
