package org.openphm.synth.population;

import java.util.SplittableRandom;

/**
 * Adult body mass index: log-normal around 26 kg/m2 (England adult mean ~27, Health Survey for England),
 * rising into middle age, higher with deprivation and worse latent health, by ethnic family. BMI feeds the
 * diabetes, hypertension and NDH risks, and defines the obesity register as QOF 2023-24 does (DP 5.14).
 */
final class Bmi {
    private Bmi() {}

    static double draw(
            double age, String sex, double deprivation, EthnicFamily fam, double latent, SplittableRandom r) {
        double ageEffect = ageEffect(age);
        double eth = switch (fam) {
            case BLACK -> 0.04;
            case SOUTH_ASIAN -> -0.02;
            case OTHER -> -0.04;
            default -> 0;
        };
        double mu =
                Math.log(26.3) + ageEffect + 0.04 * deprivation + eth + 0.04 * latent + ("M".equals(sex) ? 0.01 : 0);
        return Math.exp(mu + 0.18 * Distributions.normal(r));
    }

    /** Log BMI by age against an 18-year-old's minus 0.08: rising into middle age, falling after 70. */
    static double ageEffect(double age) {
        return age < 55 ? -0.08 + 0.12 * (age - 18) / 37 : age < 70 ? 0.04 : 0.04 - 0.08 * Math.min(1, (age - 70) / 20);
    }

    /**
     * A recorded BMI at another age than the one drawn: the person's BMI moved along the age curve, with
     * year-to-year variation (SD about 2% of BMI, ~0.5 kg/m2; weight fluctuation and measurement).
     */
    static double at(double drawn, double drawnAge, double age, SplittableRandom r) {
        return drawn * Math.exp(ageEffect(age) - ageEffect(drawnAge) + 0.02 * Distributions.normal(r));
    }

    /**
     * QOF 2023-24 obesity: BMI >= 30, or >= 27.5 for people of South Asian, Chinese, other Asian, Middle
     * Eastern, Black African or African-Caribbean family background (DP 5.14 definitions table).
     */
    static double obesityThreshold(EthnicFamily fam) {
        return fam == EthnicFamily.SOUTH_ASIAN || fam == EthnicFamily.BLACK || fam == EthnicFamily.OTHER ? 27.5 : 30.0;
    }
}
