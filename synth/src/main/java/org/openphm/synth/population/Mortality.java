package org.openphm.synth.population;

import java.util.Map;
import org.openphm.synth.icb.Place;

/**
 * Who dies: a Gompertz-Makeham baseline by age and sex (shaped like the ONS national life tables, female
 * hazard 4% at 80 and doubling every ~7 years), multiplied by the person's latent health, deprivation (a
 * slope by Place, from the ICB's definition), the Place's own ratio and conditions. The
 * multiplier is capped so that deaths can be drawn by rejection; the scale is fitted so the population's
 * mean hazard equals the crude death rate of DP 4.5.
 */
final class Mortality {
    static final double MULTIPLIER_CAP = 12.0;
    /** Hazard ratio per register on it (one-sided: conditions raise the hazard). */
    private static final Map<String, Double> CONDITION_RATIO = Map.ofEntries(
            Map.entry("HF", 1.8),
            Map.entry("CAN", 1.7),
            Map.entry("DEM", 2.2),
            Map.entry("COPD", 1.6),
            Map.entry("CKD", 1.4),
            Map.entry("STIA", 1.25),
            Map.entry("LD", 2.2),
            Map.entry("DM", 1.3),
            Map.entry("CHD", 1.2),
            Map.entry("AF", 1.15),
            Map.entry("PDIS", 1.3),
            Map.entry("EP", 1.4));
    /** SMI: premature mortality 3.4 to 4.5 times background (DP 4.2), much of it before 75. */
    private static final double SMI_UNDER_75 = 3.2;

    private static final double SMI_75_PLUS = 1.4;
    /** The only age at which the multiplier changes: SMI's ratio falls from this age. */
    static final double SMI_OLDER_FROM = 75;

    private Mortality() {}

    static double baseline(double age, String sex) {
        if (age < 1) {
            return 0.0035;
        }
        double female = 0.00015 + Math.exp(-10.8 + 0.095 * age);
        double maleRatio = age < 75 ? 1.45 : Math.max(1.15, 1.45 - 0.015 * (age - 75));
        return "M".equals(sex) ? female * maleRatio : female;
    }

    /** The largest baseline hazard: the bound of the first rejection step. */
    static double maxBaseline() {
        return MAX_BASELINE;
    }

    private static final double MAX_BASELINE = baseline(104, "M");

    /** The oldest whole age {@link #midYearBaseline} has in its table. */
    private static final int TABLE_TO_AGE = 120;

    /** Per sex (0 not male, 1 male), the baseline at age + 0.5 for each whole age: the first rejection step of
     * every death drawn asks it, about fifty times a death. */
    private static final double[][] MID_YEAR = new double[2][TABLE_TO_AGE + 1];

    static {
        for (int age = 0; age <= TABLE_TO_AGE; age++) {
            MID_YEAR[0][age] = baseline(age + 0.5, "F");
            MID_YEAR[1][age] = baseline(age + 0.5, "M");
        }
    }

    /** {@code baseline(age + 0.5, sex)}, looked up for ages up to 120. */
    static double midYearBaseline(int age, String sex) {
        return age >= 0 && age <= TABLE_TO_AGE ? MID_YEAR["M".equals(sex) ? 1 : 0][age] : baseline(age + 0.5, sex);
    }

    /**
     * The register ratios by position in ConditionCatalogue.CHAIN (1 where none applies): looked up per person
     * and age step while diagnosis times are traced back, where a map lookup by id dominated generation time.
     */
    private static final double[] RATIO_BY_INDEX = ConditionCatalogue.CHAIN.stream()
            .mapToDouble(c -> CONDITION_RATIO.getOrDefault(c.id(), 1.0))
            .toArray();

    static {
        // PersonModel.diagnosisTime walks back from the observation time and stops at the first step below its
        // target, which finds the right step only while a register's excess hazard is never negative.
        if (CONDITION_RATIO.values().stream().anyMatch(r -> r < 1) || SMI_UNDER_75 < 1 || SMI_75_PLUS < 1) {
            throw new IllegalStateException("a register's hazard ratio is below 1: see PersonModel.diagnosisTime");
        }
    }

    private static final int SMI = ConditionCatalogue.indexOf("SMI");

    /** The person's multiplier of the baseline, capped. */
    static double multiplier(double latent, double deprivation, Place place, double age, boolean[] has) {
        return multiplier(personal(latent, deprivation, place), age, has);
    }

    /** The part of the multiplier that does not depend on age or registers, so loops over ages compute it once. */
    static double personal(double latent, double deprivation, Place place) {
        return Math.exp(0.45 * latent + place.mortality().deprivationSlope() * deprivation)
                * place.mortality().ratio();
    }

    /** The multiplier from {@link #personal}: the registers' ratios applied in catalogue order, capped. */
    static double multiplier(double personal, double age, boolean[] has) {
        double m = personal;
        for (int i = 0; i < has.length; i++) {
            if (has[i]) {
                m *= i == SMI ? (age < SMI_OLDER_FROM ? SMI_UNDER_75 : SMI_75_PLUS) : RATIO_BY_INDEX[i];
            }
        }
        return Math.min(m, MULTIPLIER_CAP);
    }
}
