package org.openphm.synth.population;

import java.util.List;
import java.util.SplittableRandom;
import org.openphm.synth.icb.Place;

/**
 * Who lives where: age, sex and ethnicity by Place. The ICB age profile is an assumption shaped like an
 * English GP-registered population but younger (DP 1.2: 15% aged 65+ against 18% in England); each Place
 * tilts it (its old_tilt and child_tilt in the ICB's definition), and mixes its own ethnic groups.
 */
final class Demography {
    /** Share of the registered population by five-year band 0-4 ... 85-89, 90+ (before Place tilts). */
    private static final double[] ICB_BANDS = {
        6.0, 6.6, 6.8, 6.1, 5.7, 6.4, 7.3, 7.4, 7.0, 6.4, 6.6, 6.4, 5.6, 4.5, 3.9, 3.4, 2.1, 1.2, 0.6
    };
    /** Within 90+, ages 90..104 with mortality-shaped weights. */
    private static final int OLDEST = 104;

    /** Non-White, stated ethnic categories (NHS codes D..S), mixed per Place by its non_white_mix. */
    private static final String[] NON_WHITE = {"D", "E", "F", "G", "H", "J", "K", "L", "M", "N", "P", "R", "S"};
    /** White British, Irish, other White, as shares of White. */
    private static final double[] WHITE_MIX = {0.85, 0.02, 0.13};

    static final double NOT_STATED = 0.05;

    private final List<Place> places;
    /** By Place index: weight of each single year of age, and the Place's share of the ICB. */
    private final double[][] ageWeights;
    /** By Place index: the sum of its age weights, kept since an age is drawn for every person. */
    private final double[] ageTotals;

    private final double[] placeShares;

    Demography(List<Place> places) {
        this.places = places;
        this.ageWeights = new double[places.size()][];
        this.ageTotals = new double[places.size()];
        this.placeShares = new double[places.size()];
        for (Place p : places) {
            placeShares[p.index()] = p.shareOf(places);
            double[] w = new double[OLDEST + 1];
            for (int age = 0; age <= OLDEST; age++) {
                int band = Math.min(age / 5, 18);
                double perYear = band < 18 ? ICB_BANDS[band] / 5 : ICB_BANDS[18] * oldestShare(age);
                double tilt = age >= 65 ? p.oldTilt() : age < 20 ? p.childTilt() : 1.0;
                w[age] = perYear * tilt;
            }
            ageWeights[p.index()] = w;
            ageTotals[p.index()] = Distributions.total(w);
        }
    }

    /** Share of the 90+ band at a single age: survival falls ~25% a year after 90. */
    private static double oldestShare(int age) {
        double s = 0;
        for (int a = 90; a <= OLDEST; a++) {
            s += Math.pow(0.75, a - 90);
        }
        return Math.pow(0.75, age - 90) / s;
    }

    /** Share of the Place's registered population at a single age. */
    double ageShare(Place p, int age) {
        return ageWeights[p.index()][age] / ageTotals[p.index()];
    }

    /** Share of the ICB's registered population aged under 5. */
    double under5Share() {
        double s = 0;
        for (Place p : places) {
            for (int age = 0; age < 5; age++) {
                s += placeShares[p.index()] * ageShare(p, age);
            }
        }
        return s;
    }

    /** Share of people of an age who have the given sex. */
    double sexShare(String sex, int age) {
        double female = femaleShare(age);
        return "F".equals(sex) ? female : 1 - female;
    }

    private static double femaleShare(int age) {
        return age < 50 ? 0.49 : age < 90 ? 0.49 + 0.16 * (age - 50) / 40.0 : 0.66;
    }

    Place drawPlace(SplittableRandom r) {
        double u = r.nextDouble();
        for (Place p : places) {
            u -= placeShares[p.index()];
            if (u < 0) {
                return p;
            }
        }
        return places.get(places.size() - 1);
    }

    /** Age in whole years at the reference date. */
    int drawAge(Place p, SplittableRandom r) {
        return Distributions.categorical(r, ageWeights[p.index()], ageTotals[p.index()]);
    }

    /** Women outlive men: the female share rises from 49% in childhood to about 65% at 90+. */
    String drawSex(int age, SplittableRandom r) {
        return r.nextDouble() < femaleShare(age) ? "F" : "M";
    }

    /**
     * Ethnic category, or null (not stated). The deprived areas of each Place are more diverse: the odds of a
     * non-White category rise with deprivation (deprivation score d in [-1, 1], 1 = most deprived).
     */
    String drawEthnicity(Place p, double deprivation, SplittableRandom r) {
        if (r.nextDouble() < NOT_STATED) {
            return null;
        }
        double white = p.whiteShare() / (1 - NOT_STATED);
        double odds = white / (1 - white) * Math.exp(-0.5 * deprivation);
        double pWhite = odds / (1 + odds);
        if (r.nextDouble() < pWhite) {
            return new String[] {"A", "B", "C"}[Distributions.categorical(r, WHITE_MIX)];
        }
        return NON_WHITE[Distributions.categorical(r, p.nonWhiteMix())];
    }

    /** Deprivation score from the IMD decile: +1 most deprived decile, -1 least deprived. */
    static double deprivation(int imdDecile) {
        return (5.5 - imdDecile) / 4.5;
    }
}
