package org.openphm.synth.activity;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;
import org.openphm.synth.Days;

/** The random draws the activity model needs, on the generator it is handed so runs are reproducible. */
final class Draws {
    private Draws() {}

    /** Poisson count; Knuth's product method for small means, a rounded normal beyond (means there are rare). */
    static int poisson(SplittableRandom rng, double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 40) {
            return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian(rng)));
        }
        double limit = Math.exp(-mean);
        double p = rng.nextDouble();
        int k = 0;
        while (p > limit) {
            p *= rng.nextDouble();
            k++;
        }
        return k;
    }

    static double gaussian(SplittableRandom rng) {
        double u = 1.0 - rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextDouble());
    }

    /** Gamma(shape, scale) by Marsaglia and Tsang, with the usual boost for shape below 1. */
    static double gamma(SplittableRandom rng, double shape, double scale) {
        if (shape < 1) {
            return gamma(rng, shape + 1, scale) * Math.pow(rng.nextDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3, c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = gaussian(rng), v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = rng.nextDouble();
            if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return d * v * scale;
            }
        }
    }

    /**
     * Negative binomial count with the given mean (a gamma-mixed Poisson): lengths of stay and delays are
     * over-dispersed counts of days, and this keeps the mean exact whatever the dispersion.
     */
    static int negativeBinomial(SplittableRandom rng, double mean, double shape) {
        return mean <= 0 ? 0 : poisson(rng, gamma(rng, shape, mean / shape));
    }

    /** Whole days, exponentially distributed with the given mean. */
    static long exponentialDays(SplittableRandom rng, double mean) {
        return (long) Math.floor(-Math.log(1.0 - rng.nextDouble()) * mean);
    }

    static boolean chance(SplittableRandom rng, double p) {
        return rng.nextDouble() < p;
    }

    /** Index drawn with probability proportional to its weight; the weights need not sum to one. */
    static int pick(SplittableRandom rng, double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double u = rng.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            u -= weights[i];
            if (u < 0) {
                return i;
            }
        }
        for (int i = weights.length - 1; i >= 0; i--) {
            if (weights[i] > 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("no positive weight");
    }

    /** A date uniformly between two dates, both included. */
    static LocalDate dateBetween(SplittableRandom rng, LocalDate from, LocalDate to) {
        long days = ChronoUnit.DAYS.between(from, to);
        return Days.plus(from, days <= 0 ? 0 : rng.nextLong(days + 1));
    }
}
