package org.openphm.synth.population;

import java.util.Map;

/**
 * The hand-set part of one register's model: who gets it (age shape, sex, deprivation, ethnicity,
 * latent health, BMI; the Place's part is in the ICB's definition) and when it was first recorded. Intercepts and the pairwise terms that reproduce the
 * DP 3.11 multimorbidity matrix are fitted ({@link FittedParams}); everything here is an epidemiological
 * assumption, documented in synth/CALIBRATION.md.
 *
 * @param ageKnots     ages at which the age shape is given (log-odds, linear between knots, flat outside)
 * @param ageLogits    log-odds shape at those ages (only differences matter; the intercept is fitted)
 * @param minAge       no one younger is on the register (QOF age base or natural onset)
 * @param male         log-odds for men against women
 * @param deprivation  log-odds per unit of deprivation score (+1 most deprived decile, -1 least)
 * @param frailty      loading on the latent health state, the shared cause of co-occurrence
 * @param bmi          log-odds per kg/m2 of BMI above 27 (adults with a BMI)
 * @param ethnicity    log-odds by ethnic family (see {@link EthnicFamily})
 * @param timing       how long before the observation date the condition was first recorded
 */
record ConditionSpec(
        String id,
        double[] ageKnots,
        double[] ageLogits,
        int minAge,
        double male,
        double deprivation,
        double frailty,
        double bmi,
        Map<EthnicFamily, Double> ethnicity,
        DiagnosisTiming timing) {

    double ageShape(double age) {
        if (age <= ageKnots[0]) {
            return ageLogits[0];
        }
        for (int i = 1; i < ageKnots.length; i++) {
            if (age <= ageKnots[i]) {
                double f = (age - ageKnots[i - 1]) / (ageKnots[i] - ageKnots[i - 1]);
                return ageLogits[i - 1] + f * (ageLogits[i] - ageLogits[i - 1]);
            }
        }
        return ageLogits[ageLogits.length - 1];
    }

    /** When a condition present at an observation date was first recorded. */
    sealed interface DiagnosisTiming permits SinceOnset, InChildhood {}

    /**
     * Diagnosed at some age since the condition's onset ages, at the time the person's own chance of being on the
     * register (the model's log-odds traced back along their age, with this register's secular trend) first
     * reached the level drawn for them: so the register at an earlier date holds the people the model puts on it
     * at their age then, and prevalence by age stays the calibrated one, moved only by the trend.
     *
     * @param trend secular change in the log-odds of being on the register, per calendar year (recording and
     *              incidence changes; the DP 5.x trend statements and England QOF trends, see CALIBRATION.md)
     */
    record SinceOnset(double trend) implements DiagnosisTiming {}

    /**
     * Diagnosed in childhood at about meanAge (at least minDiagnosisAge); the lifetime chance rises by
     * cohortTrend log-odds per birth year (autism and ADHD recording rising since 2019, DP 3.9).
     */
    record InChildhood(double minDiagnosisAge, double meanExtraYears, double cohortTrend) implements DiagnosisTiming {}
}
