package org.openphm.synth.activity;

import java.time.LocalDate;
import java.util.SplittableRandom;
import org.openphm.model.FinancialYear;
import org.openphm.synth.Seeds;
import org.openphm.synth.SyntheticPerson;

/**
 * Emergency admissions for intentional self-harm (DP 3.2, 3.6), made by recoding some general emergency spells: an
 * injury or poisoning as the primary diagnosis (ICD-10 S/T) with an intentional self-harm external cause (X60-X84)
 * as the first secondary code, as HES records them. Recoding leaves every count, stay and cost the activity model
 * is calibrated to as it was, and the decision uses its own random stream (from the person and the day), so the
 * main stream — and everything drawn after — is untouched.
 *
 * <p>Probabilities per emergency spell by age and sex are fitted to the spell rates of the full-scale synthetic
 * population (2024/25) to give about 85 admissions per 100,000 a year (England about 120 in 2022/23-2023/24 —
 * BLMK lower, DP 3.2), with women about 1.7 times men and girls and young women aged 10-24 highest (DP 3.2, 3.6),
 * falling 3% a year (DP 3.2: "declining in BLMK and in England"), and three times as likely with depression or
 * serious mental illness on the register (divided back out on average).
 */
final class SelfHarm {
    private SelfHarm() {}

    /** A self-harm coding: the injury or poisoning, and the external cause. */
    record Coding(String primary, String externalCause) {}

    private static final int[] AGE_FROM = {10, 15, 25, 45, 65};
    private static final double[] FEMALE = {0.044, 0.054, 0.018, 0.0075, 0.0011};
    private static final double[] MALE = {0.009, 0.027, 0.017, 0.0068, 0.0014};
    private static final double MENTAL_ILLNESS_RATIO = 3.0;
    /** The mean of the mental-illness multiplier over adults (about 8% on the depression or SMI register). */
    private static final double MEAN_MULTIPLIER = 1.16;

    private static final double YEARLY_FALL = 0.03;
    private static final int REFERENCE_YEAR = 2024;
    private static final int STREAM = 97;

    private static final String[][] POISONING = {{"T391", "X600"}, {"T424", "X610"}, {"T436", "X610"}, {"T509", "X640"}
    };
    private static final String[][] INJURY = {{"S518", "X780"}, {"S619", "X780"}, {"T149", "X840"}};

    static Coding recode(SyntheticPerson person, int age, LocalDate admitted, FinancialYear year) {
        int band = -1;
        for (int i = 0; i < AGE_FROM.length; i++) {
            if (age >= AGE_FROM[i]) {
                band = i;
            }
        }
        if (band < 0) {
            return null;
        }
        double p = ("F".equals(person.sex()) ? FEMALE : MALE)[band]
                * (1 + YEARLY_FALL * (REFERENCE_YEAR - year.startYear()))
                * (person.hasCondition("DEP", admitted) || person.hasCondition("SMI", admitted)
                        ? MENTAL_ILLNESS_RATIO
                        : 1.0)
                / MEAN_MULTIPLIER;
        SplittableRandom r = Seeds.forPerson(person.index(), admitted.toEpochDay(), STREAM);
        if (r.nextDouble() >= p) {
            return null;
        }
        // four in five self-harm admissions are poisonings (self-poisoning dominates in HES)
        String[][] codes = r.nextDouble() < 0.8 ? POISONING : INJURY;
        String[] c = codes[r.nextInt(codes.length)];
        return new Coding(c[0], c[1]);
    }
}
