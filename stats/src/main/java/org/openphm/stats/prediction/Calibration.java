package org.openphm.stats.prediction;

/**
 * How far predicted risks can be taken at their word (Van Calster et al., J Clin Epidemiol 2016;74:167-76; the
 * TRIPOD statement's calibration measures): the calibration intercept (calibration-in-the-large: the intercept
 * of logit P(y) = α + logit(p), the model's logit as an offset; 0 when as many events happen as are predicted),
 * the calibration slope (β in logit P(y) = a + β logit(p); 1 when the spread of predictions is right, below 1
 * when predictions are too extreme), the Brier score, and observed against expected events.
 */
public final class Calibration {
    private Calibration() {}

    public record Result(double intercept, double slope, double brier, double observed, double expected) {
        /** Observed / expected events: 1 when the model predicts as many admissions as happen. */
        public double ratio() {
            return observed / expected;
        }
    }

    public static Result of(double[] predicted, boolean[] outcome) {
        int n = predicted.length;
        if (outcome.length != n || n == 0) {
            throw new IllegalArgumentException("predictions and outcomes must be non-empty and of one length");
        }
        double[] y = new double[n];
        double[][] lp = new double[n][1];
        double[][] none = new double[n][0];
        double[] offset = new double[n];
        double brier = 0;
        double observed = 0;
        double expected = 0;
        for (int i = 0; i < n; i++) {
            double p = Math.min(Math.max(predicted[i], 1e-12), 1 - 1e-12);
            y[i] = outcome[i] ? 1 : 0;
            lp[i][0] = LogisticRegression.logit(p);
            offset[i] = lp[i][0];
            brier += (predicted[i] - y[i]) * (predicted[i] - y[i]);
            observed += y[i];
            expected += predicted[i];
        }
        double slope = LogisticRegression.fit(LogisticRegression.rows(lp, y), 0).coefficients()[1];
        double intercept = LogisticRegression.fit(LogisticRegression.rows(none, y, offset), 0)
                .intercept();
        return new Result(intercept, slope, brier / n, observed, expected);
    }

    /** One risk group of a calibration plot: its people, events and the sum of their predicted risks. */
    public record Group(int group, int people, int observed, double expected) {}

    /**
     * Calibration by risk group (deciles for {@code groups} = 10): people ranked by predicted risk, lowest first
     * (ties by position, so the grouping is reproducible), cut into groups of as equal size as the count allows:
     * person at rank r (0-based) falls in group ⌊r × groups / n⌋ + 1. Observed against expected per group is the
     * calibration plot TRIPOD asks for (Collins et al., BMJ 2015;350:g7594, item 16).
     */
    public static java.util.List<Group> byRiskGroup(double[] predicted, boolean[] outcome, int groups) {
        int n = predicted.length;
        if (outcome.length != n || n < groups || groups < 1) {
            throw new IllegalArgumentException("need at least " + groups + " predictions, each with an outcome");
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(
                order,
                (a, b) -> predicted[a] != predicted[b]
                        ? Double.compare(predicted[a], predicted[b])
                        : Integer.compare(a, b));
        int[] people = new int[groups];
        int[] observed = new int[groups];
        double[] expected = new double[groups];
        for (int r = 0; r < n; r++) {
            int g = (int) ((long) r * groups / n);
            int i = order[r];
            people[g]++;
            observed[g] += outcome[i] ? 1 : 0;
            expected[g] += predicted[i];
        }
        java.util.List<Group> out = new java.util.ArrayList<>();
        for (int g = 0; g < groups; g++) {
            out.add(new Group(g + 1, people[g], observed[g], expected[g]));
        }
        return out;
    }
}
