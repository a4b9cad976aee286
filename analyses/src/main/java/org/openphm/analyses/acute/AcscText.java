package org.openphm.analyses.acute;

import java.util.List;

/** Definition, source and caveats shared by the ACSC analyses and indicator (DP 8.4-8.11). */
final class AcscText {
    private AcscText() {}

    static final String DEFINITION = "Emergency admissions (spells with an emergency admission method) whose "
            + "primary diagnosis is a chronic ambulatory care sensitive condition of NHS Digital's CCG OIS 2.6 list "
            + "(chronic hepatitis B, diabetes, iron-deficiency anaemia, dementia, convulsions and epilepsy, "
            + "congestive heart failure, angina, hypertension, atrial fibrillation, COPD, asthma), grouped by the "
            + "list's Appendix 2 headings, with the list's exclusions: hypertension and heart failure with a "
            + "cardiac procedure (OPCS K0-K4, K50, K52, K55-K57, K60, K61, K66-K69, K71, K73, K74), angina with "
            + "any operative procedure (OPCS A-T, V, W, X0-X2, X4, X5), hepatitis B with sickle-cell disorder "
            + "(D57) in any position; acute bronchitis (J20) counts only with COPD (J41-J44, J47) in any position.";

    static final String SOURCE = "Inpatient spells (SUS APC; canonical table spell) attributed to the GP practice "
            + "of registration on the day of admission (registration, practice), with age at admission (patient). "
            + "Code list: NHS Digital Indicator Specification CCG OIS 2.6 v1.15 (Dec 2018, I00757), "
            + "OpenPHM's reference tables acsc_icd10.csv and acsc_exclusions.csv (list CCG_OIS_2_6).";

    static final String METHOD = "Counted in the engine from one grouped scan per analysis: ICB and Place, all "
            + "ages / adults (18+ at admission) / children, by financial year of admission; share = ACSC emergency "
            + "admissions / all emergency admissions of the same cohort; change = on the previous financial year.";

    static final List<String> CAVEATS = List.of(
            "Only the primary procedure is held (the canonical spell has no secondary procedure fields), so the "
                    + "list's 'any of the 24 procedure fields' exclusions are applied to the primary procedure only: "
                    + "a few excluded spells may be counted.",
            "Transfers in (ADMISORC 51-53), episode status and patient classification are not held: every spell "
                    + "with an emergency admission method counts, with its spell-level primary diagnosis.",
            "Spells of people not registered with a practice of the workspace on the day of admission are not "
                    + "attributed to any area and are not counted.",
            "The data pack's share is 'of all hospital admissions for this cohort'; here it is of emergency "
                    + "admissions, the comparison the ACSC definition makes (state which when quoting).");
}
