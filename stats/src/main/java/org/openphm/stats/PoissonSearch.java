package org.openphm.stats;

/**
 * The Poisson limit search used by Fingertips' SPC-for-DSR comparison and by the APHO/PHE funnel
 * plot tools (fingertips-open StatisticalMethods.PoisLow/PoisHigh; PHEindicatormethods
 * {@code poisson_funnel}): a bisection on v ∈ (0, 1) with mean (1 + x)·v/(1 − v), so the search
 * covers (0, ∞).
 */
final class PoissonSearch {

    private static final double STOP = 1e-7;

    private PoissonSearch() {}

    /** The Poisson mean μ for which P(X ≥ x) = tail: the upper funnel limit for x observed events. */
    static double lowerMean(double x, double tail) {
        double v = 0.5;
        double dv = 0.5;
        while (dv > STOP) {
            dv /= 2;
            if (probabilityBetween(mean(x, v), x, 1e10) > tail) {
                v -= dv;
            } else {
                v += dv;
            }
        }
        return mean(x, v);
    }

    /** The Poisson mean μ for which P(X ≤ x) = tail. */
    static double upperMean(double x, double tail) {
        double v = 0.5;
        double dv = 0.5;
        while (dv > STOP) {
            dv /= 2;
            if (probabilityBetween(mean(x, v), 0, x) < tail) {
                v -= dv;
            } else {
                v += dv;
            }
        }
        return mean(x, v);
    }

    private static double mean(double x, double v) {
        return (1 + x) * v / (1 - v);
    }

    /** P(from ≤ X ≤ to) for X ~ Poisson(mu), summing terms with rescaling to avoid overflow. */
    static double probabilityBetween(double mu, double from, double to) {
        double term = 1;
        double total = 0;
        double inRange = 0;
        double k = 0;
        while (k <= mu || term > total * 1e-10) {
            total += term;
            if (k >= from && k <= to) {
                inRange += term;
            }
            if (total > 1e30) {
                inRange /= 1e30;
                total /= 1e30;
                term /= 1e30;
            }
            k++;
            term = term * mu / k;
        }
        return inRange / total;
    }
}
