package org.openphm.interop;

import java.util.Map;

/**
 * The measurements of the canonical observation table, by LOINC code (the code OMOP keeps in
 * measurement_source_value and FHIR in Observation.code): blood pressure, BMI and HbA1c.
 */
final class Vitals {
    private Vitals() {}

    record Code(String canonical, boolean hba1cPercent) {}

    /** LOINC 8480-6 systolic BP, 8462-4 diastolic BP, 39156-5 BMI, 4548-4 HbA1c (% of total Hb), 59261-8 HbA1c (mmol/mol). */
    private static final Map<String, Code> LOINC = Map.of(
            "8480-6",
            new Code("BP_SYS", false),
            "8462-4",
            new Code("BP_DIA", false),
            "39156-5",
            new Code("BMI", false),
            "4548-4",
            new Code("HBA1C", true),
            "59261-8",
            new Code("HBA1C", false));

    static Code of(String loinc) {
        return loinc == null ? null : LOINC.get(loinc.strip());
    }

    /**
     * The canonical value: HbA1c in % (NGSP/DCCT) becomes mmol/mol (IFCC) by the IFCC-NGSP master equation,
     * IFCC = 10.929 × (NGSP − 2.15) (Hoelzel et al., Clin Chem 2004;50:166-74).
     */
    static double value(Code code, double v) {
        return code.hba1cPercent() ? Math.round(10.929 * (v - 2.15) * 10) / 10.0 : v;
    }
}
