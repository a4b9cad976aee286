package org.openphm.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** The code sets and code shapes of the canonical model. */
public final class CodeSets {
    private CodeSets() {}

    public static final Domain.Codes SEX = codes("sex", "F", "Female", "M", "Male", "U", "Unknown / not stated");

    public static final Domain.Codes SEX_FM = codes("sex_fm", "F", "Female", "M", "Male");

    /** NHS Data Dictionary ETHNIC CATEGORY (2001 census classification), as carried by GP and SUS data. */
    public static final Domain.Codes ETHNICITY = codes(
            "ethnic_category",
            "A",
            "White - British",
            "B",
            "White - Irish",
            "C",
            "White - Any other White background",
            "D",
            "Mixed - White and Black Caribbean",
            "E",
            "Mixed - White and Black African",
            "F",
            "Mixed - White and Asian",
            "G",
            "Mixed - Any other mixed background",
            "H",
            "Asian or Asian British - Indian",
            "J",
            "Asian or Asian British - Pakistani",
            "K",
            "Asian or Asian British - Bangladeshi",
            "L",
            "Asian or Asian British - Any other Asian background",
            "M",
            "Black or Black British - Caribbean",
            "N",
            "Black or Black British - African",
            "P",
            "Black or Black British - Any other Black background",
            "R",
            "Other ethnic groups - Chinese",
            "S",
            "Other ethnic groups - Any other ethnic group",
            "Z",
            "Not stated",
            "99",
            "Not known");

    /**
     * Condition registers: the QOF 2023-24 registers (group codes of NHS Digital's QOF control files; the
     * mental-health register MH is called SMI here, as the data pack does) plus the non-QOF conditions the
     * data pack counts (DP 3.7, 3.9). Denominator age bases live in the reference table condition_register.
     */
    public static final Domain.Codes CONDITION = codes(
            "condition",
            "AF",
            "Atrial fibrillation",
            "AST",
            "Asthma",
            "CAN",
            "Cancer",
            "CHD",
            "Coronary heart disease",
            "CKD",
            "Chronic kidney disease (stage 3-5)",
            "COPD",
            "Chronic obstructive pulmonary disease",
            "DEM",
            "Dementia",
            "DEP",
            "Depression",
            "DM",
            "Diabetes mellitus",
            "EP",
            "Epilepsy",
            "HF",
            "Heart failure",
            "HYP",
            "Hypertension",
            "LD",
            "Learning disability",
            "SMI",
            "Serious mental illness (QOF MH register)",
            "NDH",
            "Non-diabetic hyperglycaemia",
            "OB",
            "Obesity",
            "OST",
            "Osteoporosis",
            "PAD",
            "Peripheral arterial disease",
            "PC",
            "Palliative care",
            "RA",
            "Rheumatoid arthritis",
            "STIA",
            "Stroke and transient ischaemic attack",
            "CPAIN",
            "Chronic pain",
            "PDIS",
            "Physical disability",
            "AUT",
            "Autism",
            "ADHD",
            "ADHD");

    public static final Domain.Codes DATASET =
            codes("dataset", "CSDS", "Community Services Data Set", "MHSDS", "Mental Health Services Data Set");

    public static final Domain.Codes ADMISSION_METHOD = codes(
            "admission_method",
            "elective",
            "Elective (waiting list, booked, planned)",
            "emergency",
            "Emergency",
            "other",
            "Other (maternity, transfers)");

    public static final Domain.Codes OBSERVATION_CODE = codes(
            "observation_code",
            "BP_SYS",
            "Systolic blood pressure (mmHg)",
            "BP_DIA",
            "Diastolic blood pressure (mmHg)",
            "BMI",
            "Body mass index (kg/m2)",
            "HBA1C",
            "HbA1c (mmol/mol)");

    /**
     * A Place: an English local authority, as ONS codes it — unitary authority (E06), non-metropolitan district
     * (E07), metropolitan district (E08), London borough (E09) or county (E10). A shape, not a list, so any ICB's
     * Places ingest; which Places an ICB has, and their names, are its practice and lsoa reference tables.
     */
    public static final Domain.Shape PLACE =
            new Domain.Shape("place", Pattern.compile("E(0[6-9]|10)[0-9]{6}"), "E08000025");

    public static final Domain.Codes FEEDBACK_TYPE = codes(
            "feedback_type",
            "complaint",
            "Complaint",
            "concern",
            "Concern",
            "enquiry",
            "Enquiry",
            "compliment",
            "Compliment",
            "information_request",
            "Information request");

    public static final Domain.Codes POLARITY = codes(
            "polarity",
            "high",
            "Higher is better",
            "low",
            "Lower is better",
            "none",
            "No judgement of better or worse");

    /** ICD-10 code, with or without the dot, 3 or 4 characters (HES style 'X' filler allowed). */
    public static final Domain.Shape ICD10 =
            new Domain.Shape("icd10", Pattern.compile("[A-Z][0-9]{2}(\\.?[0-9X])?[0-9A-Z]?"), "I50.0, I500, J46X");

    /** OPCS-4 procedure code. */
    public static final Domain.Shape OPCS4 =
            new Domain.Shape("opcs4", Pattern.compile("[A-Z][0-9]{2}(\\.?[0-9])?"), "K40.1, W371");

    /** LSOA 2021 code (England). */
    public static final Domain.Shape LSOA = new Domain.Shape("lsoa2021", Pattern.compile("E01[0-9]{6}"), "E01017539");

    /** GP practice ODS code. */
    public static final Domain.Shape PRACTICE =
            new Domain.Shape("ods_practice", Pattern.compile("[A-Z][0-9]{5}"), "E81001");

    public static final Domain.Shape MONTH =
            new Domain.Shape("month", Pattern.compile("[0-9]{4}-(0[1-9]|1[0-2])"), "2024-04");

    /** Financial year, e.g. 2024/25. */
    public static final Domain.Shape FINANCIAL_YEAR =
            new Domain.Shape("financial_year", Pattern.compile("[0-9]{4}/[0-9]{2}"), "2024/25");

    /** Five-year age band label, e.g. 0-4, 85-89, 90+. */
    public static final Domain.Shape AGE_BAND =
            new Domain.Shape("age_band", Pattern.compile("[0-9]{1,2}-[0-9]{1,2}|[0-9]{1,3}\\+"), "65-69, 90+");

    /** Ten-character NHS number (digits only, spaces allowed on input). Check digit validated separately. */
    public static final Domain.Shape NHS_NUMBER =
            new Domain.Shape("nhs_number", Pattern.compile("[0-9]{3} ?[0-9]{3} ?[0-9]{4}"), "943 476 5919");

    public static final Domain.Range IMD_DECILE = new Domain.Range(1, 10);
    public static final Domain.Range IMD_QUINTILE = new Domain.Range(1, 5);
    public static final Domain.Range NON_NEGATIVE = new Domain.Range(0, Double.MAX_VALUE);
    /** Likelihood or consequence on the NHS 5 x 5 risk matrix (1 rare / negligible .. 5 almost certain / catastrophic). */
    public static final Domain.Range RISK_RATING = new Domain.Range(1, 5);

    private static Domain.Codes codes(String id, String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return new Domain.Codes(id, m);
    }
}
