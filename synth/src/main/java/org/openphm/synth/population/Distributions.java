package org.openphm.synth.population;

import java.util.SplittableRandom;

/** The few random variates the population model needs, drawn from a caller's SplittableRandom. */
final class Distributions {
    private Distributions() {}

    /** Standard normal by Box-Muller (one of the pair; simplicity beats speed here). */
    static double normal(SplittableRandom r) {
        double u1 = 1.0 - r.nextDouble();
        double u2 = r.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    static double exponential(SplittableRandom r, double rate) {
        return -Math.log(1.0 - r.nextDouble()) / rate;
    }

    /** Exponential with the given rate, truncated to [0, max]: inverse CDF, so one uniform per draw. */
    static double truncatedExponential(SplittableRandom r, double rate, double max) {
        if (max <= 0) {
            return 0;
        }
        double cap = 1.0 - Math.exp(-rate * max);
        return -Math.log(1.0 - r.nextDouble() * cap) / rate;
    }

    static boolean bernoulli(SplittableRandom r, double p) {
        return r.nextDouble() < p;
    }

    static double logistic(double x) {
        return 1.0 / (1.0 + Math.exp(-x));
    }

    static double logit(double p) {
        return Math.log(p / (1 - p));
    }

    /** Index drawn from unnormalised weights. */
    static int categorical(SplittableRandom r, double[] weights) {
        return categorical(r, weights, total(weights));
    }

    /** {@link #categorical} with the weights' {@link #total} computed once by the caller, for weights drawn from often. */
    static int categorical(SplittableRandom r, double[] weights, double total) {
        double u = r.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            u -= weights[i];
            if (u < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** The weights' sum, added in order (so a total kept by a caller equals the one computed here). */
    static double total(double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        return total;
    }
}
