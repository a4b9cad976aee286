package org.openphm.stats.prediction;

import java.util.Arrays;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * How well a score separates people with the outcome from people without: the area under the ROC curve (the
 * probability that a random case scores above a random non-case, ties counting a half) with DeLong's variance
 * (DeLong, DeLong and Clarke-Pearson, Biometrics 1988;44:837-45), whose structural components also give the
 * variance of the difference between two scores measured on the same people.
 */
public final class Discrimination {
    private Discrimination() {}

    /**
     * @param v10 per case: the share of non-cases it outscores (ties a half)
     * @param v01 per non-case: the share of cases that outscore it (ties a half)
     */
    public record Auc(double auc, double standardError, double lower, double upper, double[] v10, double[] v01) {
        public Auc {
            v10 = v10.clone();
            v01 = v01.clone();
        }
    }

    /** AUC with its DeLong 95% interval (clamped to [0, 1]). */
    public static Auc auc(double[] score, boolean[] outcome) {
        return auc(score, outcome, 0.95);
    }

    public static Auc auc(double[] score, boolean[] outcome, double level) {
        if (score.length != outcome.length) {
            throw new IllegalArgumentException("scores and outcomes differ in length");
        }
        int m = 0;
        for (boolean o : outcome) {
            m += o ? 1 : 0;
        }
        int n = score.length - m;
        if (m == 0 || n == 0) {
            throw new IllegalArgumentException(
                    "the AUC needs at least one case and one non-case (cases " + m + ", non-cases " + n + ")");
        }
        double[] cases = new double[m];
        double[] controls = new double[n];
        for (int i = 0, a = 0, b = 0; i < score.length; i++) {
            if (outcome[i]) {
                cases[a++] = score[i];
            } else {
                controls[b++] = score[i];
            }
        }
        double[] sortedCases = cases.clone();
        double[] sortedControls = controls.clone();
        Arrays.sort(sortedCases);
        Arrays.sort(sortedControls);
        double[] v10 = new double[m];
        double[] v01 = new double[n];
        for (int i = 0; i < m; i++) {
            v10[i] = (below(sortedControls, cases[i]) + 0.5 * equal(sortedControls, cases[i])) / n;
        }
        for (int j = 0; j < n; j++) {
            v01[j] = (above(sortedCases, controls[j]) + 0.5 * equal(sortedCases, controls[j])) / m;
        }
        double auc = mean(v10);
        double variance = variance(v10) / m + variance(v01) / n;
        double se = Math.sqrt(variance);
        double z = NormalDistribution.of(0, 1).inverseCumulativeProbability(0.5 + level / 2);
        return new Auc(auc, se, Math.max(0, auc - z * se), Math.min(1, auc + z * se), v10, v01);
    }

    /** DeLong's test of two scores on the same people: the difference a − b, its standard error and p-value. */
    public record Difference(double difference, double standardError, double z, double p) {}

    public static Difference compare(Auc a, Auc b) {
        if (a.v10().length != b.v10().length || a.v01().length != b.v01().length) {
            throw new IllegalArgumentException("the two AUCs are not measured on the same people");
        }
        int m = a.v10().length;
        int n = a.v01().length;
        double var = (variance(a.v10()) + variance(b.v10()) - 2 * covariance(a.v10(), b.v10())) / m
                + (variance(a.v01()) + variance(b.v01()) - 2 * covariance(a.v01(), b.v01())) / n;
        double se = Math.sqrt(Math.max(var, 0));
        double d = a.auc() - b.auc();
        double z = se == 0 ? 0 : d / se;
        double p = se == 0 ? 1 : 2 * NormalDistribution.of(0, 1).survivalProbability(Math.abs(z));
        return new Difference(d, se, z, p);
    }

    private static int below(double[] sorted, double v) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int atMost(double[] sorted, double v) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int equal(double[] sorted, double v) {
        return atMost(sorted, v) - below(sorted, v);
    }

    private static int above(double[] sorted, double v) {
        return sorted.length - atMost(sorted, v);
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d;
        }
        return s / v.length;
    }

    /** Sample variance (n − 1), as DeLong's S10 and S01; zero for a single value. */
    static double variance(double[] v) {
        return v.length < 2 ? 0 : covariance(v, v);
    }

    static double covariance(double[] a, double[] b) {
        if (a.length < 2) {
            return 0;
        }
        double ma = mean(a);
        double mb = mean(b);
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - ma) * (b[i] - mb);
        }
        return s / (a.length - 1);
    }
}
