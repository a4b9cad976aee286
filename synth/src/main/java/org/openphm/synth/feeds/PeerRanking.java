package org.openphm.synth.feeds;

import java.util.SplittableRandom;

/**
 * Ranks an ICB among simulated peers that are consistent with the published benchmarks: the five other East of
 * England ICBs average so that the region's mean is the regional value, and the 36 ICBs outside the region so that
 * England's mean is the national value. Rank 1 is the best by the metric's polarity.
 */
final class PeerRanking {
    private PeerRanking() {}

    static final int REGION_ICBS = 6;
    static final int ENGLAND_ICBS = 42;

    record Ranks(int regional, int national) {}

    static Ranks rank(
            double value,
            double regional,
            double national,
            double spread,
            boolean higherIsBetter,
            SplittableRandom rng) {
        double[] region = peers(REGION_ICBS - 1, (REGION_ICBS * regional - value) / (REGION_ICBS - 1), spread, rng);
        double[] rest = peers(
                ENGLAND_ICBS - REGION_ICBS,
                (ENGLAND_ICBS * national - REGION_ICBS * regional) / (ENGLAND_ICBS - REGION_ICBS),
                spread,
                rng);
        int regionalRank = 1 + better(region, value, higherIsBetter);
        return new Ranks(regionalRank, regionalRank + better(rest, value, higherIsBetter));
    }

    /** n values with exactly the given mean and the given relative spread. */
    private static double[] peers(int n, double mean, double spread, SplittableRandom rng) {
        double[] v = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            v[i] = Noise.gaussian(rng);
            sum += v[i];
        }
        double shift = sum / n;
        for (int i = 0; i < n; i++) {
            v[i] = mean + (v[i] - shift) * spread * Math.abs(mean);
        }
        return v;
    }

    private static int better(double[] peers, double value, boolean higherIsBetter) {
        int n = 0;
        for (double p : peers) {
            if (higherIsBetter ? p > value : p < value) {
                n++;
            }
        }
        return n;
    }
}
