package org.openphm.synth.activity;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Map;
import java.util.SplittableRandom;
import org.openphm.model.FinancialYear;
import org.openphm.synth.SyntheticPerson;

/**
 * Detentions under the Mental Health Act (DP 4.3): 66 per 100,000 a year overall, 33 for people of Indian
 * and 192 for people of Black Caribbean ethnicity. Rates are concentrated in people on the SMI register
 * (rate ratio 60, normalised so the age curve holds), in young and middle-aged adults, and rise with
 * deprivation.
 */
final class DetentionModel {

    static final double PER_100K = 66;
    static final double SMI_RATE_RATIO = 60;

    /**
     * Corrections for the joint risk of SMI, deprivation and ethnicity in the people model, which the one-at-a-
     * time normalisation cannot see. Measured at full scale (seed 20250331): 73.7 per 100,000 overall against
     * DP 4.3's 66, and 326 for Black Caribbean people against 192.
     */
    static final double JOINT_RISK = 66 / 73.7;

    static final double BLACK_CARIBBEAN_JOINT_RISK = 192.0 / 326;

    /**
     * DP 4.3 anchors Indian (H) and Black Caribbean (M); Black African, other Black and the Mixed White and
     * Black groups are also set high, an assumption in line with national MHA statistics' pattern. All other
     * groups share the ratio that keeps the mix averaging 1.
     */
    private static final Map<String, Double> ETHNICITY = PersonRisk.anchoredEthnicity(Map.of(
            "H", 33.0 / 66, "M", 192.0 / 66 * BLACK_CARIBBEAN_JOINT_RISK, "N", 2.2, "P", 2.2, "D", 1.5, "E", 1.5));

    private static final String[] SECTIONS = {"2", "3", "136", "5(2)"};
    private static final double[] SECTION_WEIGHTS = {0.45, 0.25, 0.25, 0.05};

    private final ReferencePopulation reference;
    private final double base;

    DetentionModel(ReferencePopulation reference) {
        this.reference = reference;
        // DP 4.3 gives no year: calibrated on 2023/24, the year of most of the pack's figures
        FinancialYear year = new FinancialYear(2023);
        this.base = JOINT_RISK
                * PER_100K
                / 100_000
                * reference.total(year)
                / reference.expected(s -> ageCurve(s.age()), year);
    }

    static double ageCurve(int age) {
        return age < 16
                ? 0.02
                : age < 18 ? 0.5 : age < 25 ? 1.4 : age < 45 ? 1.5 : age < 65 ? 0.9 : age < 75 ? 0.4 : 0.3;
    }

    void emit(SyntheticPerson person, Exposure x, SplittableRandom rng, ActivityOutput out) throws IOException {
        LocalDate mid = x.mid();
        double rate = base
                * ageCurve(x.age())
                * PersonRisk.register(person, "SMI", SMI_RATE_RATIO, mid, x.age(), reference)
                * PersonRisk.ethnicity(ETHNICITY, person.ethnicity())
                * PersonRisk.deprivation(person.imdDecile(), 0.3);
        int n = Draws.poisson(rng, rate * x.years());
        for (int k = 0; k < n; k++) {
            LocalDate start = Draws.dateBetween(rng, x.from(), x.to());
            String section = SECTIONS[Draws.pick(rng, SECTION_WEIGHTS)];
            long days = switch (section) {
                case "136", "5(2)" -> rng.nextInt(2);
                case "2" -> Math.min(28, 1 + Draws.negativeBinomial(rng, 19, 2));
                default -> Math.min(183, 1 + Draws.negativeBinomial(rng, 90, 2));
            };
            LocalDate end = start.plusDays(days);
            out.detention(start, section, end.isAfter(x.lastDay()) ? null : end);
        }
    }
}
