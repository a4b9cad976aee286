package org.openphm.analyses.risk;

import java.time.LocalDate;

/**
 * The people of a risk cohort as validation and the fairness audit see them, without their features: the outcome
 * (one or more emergency admissions in the 12 months after the index date), deaths without an admission (reported,
 * not dropped: they count as no admission, which is what a list made on the index date would have seen), the
 * groups of the audit and the baseline score. Arrays are in person order (person_id ascending).
 */
public record RiskPeople(
        LocalDate index,
        boolean[] admitted,
        int diedWithoutAdmission,
        String[] ethnicGroup,
        String[] imdQuintile,
        String[] sex,
        int[] age,
        double[] priorEmergencies) {

    public int size() {
        return admitted.length;
    }

    public int admissions() {
        int n = 0;
        for (boolean a : admitted) {
            n += a ? 1 : 0;
        }
        return n;
    }
}
