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
        double intercept = LogisticRegression.fit(LogisticRegression.rows(none, y, offset), 0).intercept();
        return new Result(intercept, slope, brier / n, observed, expected);
    }
}
