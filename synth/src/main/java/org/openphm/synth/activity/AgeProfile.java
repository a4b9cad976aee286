package org.openphm.synth.activity;

/**
 * How a service's referral rate varies with age: {@code exp(slope × (age − 50) / 10) × (1 + oldAgeBoost ×
 * max(0, age − 65) / 10)} within the ages the service takes. The slope sets how much older people use it
 * (an MSK service barely, a crisis response service steeply); the boost lets the very old pull harder, which
 * is what separates the 2043 growth of, say, district nursing from its 2033 growth.
 */
record AgeProfile(double slope, double oldAgeBoost, int minAge, int maxAge) {

    double rate(int age) {
        if (age < minAge || age > maxAge) {
            return 0;
        }
        return Math.exp(slope * (age - 50) / 10.0) * (1 + oldAgeBoost * Math.max(0, age - 65) / 10.0);
    }

    /** Projected growth (fraction) of referrals when this profile's rates are applied to the projected population. */
    double growth(ReferencePopulation population, double femaleRateRatio, boolean womenOnly, double[] bandGrowth) {
        double now = 0, then = 0;
        for (int sex = 0; sex < 2; sex++) {
            boolean female = sex == 1;
            if (womenOnly && !female) {
                continue;
            }
            for (int a = 0; a <= ReferencePopulation.MAX_AGE; a++) {
                double n = population.persons(female, a) * rate(a) * (female ? femaleRateRatio : 1);
                now += n;
                then += n * bandGrowth[ProjectionGrowth.band(a)];
            }
        }
        return then / now - 1;
    }

    /**
     * The profile that best reproduces the DP's two growth figures (least squares over a grid of slope and
     * boost). Not every pair is reachable: a service for children cannot grow faster than children do.
     */
    static AgeProfile fit(
            ReferencePopulation population,
            int minAge,
            int maxAge,
            double femaleRateRatio,
            boolean womenOnly,
            double growth2033,
            double growth2043) {
        AgeProfile best = null;
        double bestError = Double.MAX_VALUE;
        for (int i = 0; i <= 80; i++) {
            double slope = -2.0 + i * 0.05;
            for (int j = 0; j <= 30; j++) {
                AgeProfile candidate = new AgeProfile(slope, j * 0.1, minAge, maxAge);
                double e33 = candidate.growth(population, femaleRateRatio, womenOnly, ProjectionGrowth.TO_2033_34)
                        - growth2033;
                double e43 = candidate.growth(population, femaleRateRatio, womenOnly, ProjectionGrowth.TO_2043_44)
                        - growth2043;
                double error = e33 * e33 + e43 * e43;
                if (error < bestError) {
                    bestError = error;
                    best = candidate;
                }
            }
        }
        return best;
    }
}
