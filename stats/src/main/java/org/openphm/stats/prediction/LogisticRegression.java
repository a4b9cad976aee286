package org.openphm.stats.prediction;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Logistic regression by iteratively reweighted least squares, with an optional ridge (L2) penalty on every
 * coefficient but the intercept and an optional offset. The risk model of emergency admission (issue 11) is
 * this fit over person-level features; calibration of any model is this fit of the outcome on its logit.
 *
 * <p>Each iteration solves (X'WX + λP)β = X'W(η − offset + (y − p)/w) by Cholesky, where W = p(1 − p) and P is
 * the identity with a zero for the intercept. The rows are streamed, never held as one matrix, so memory is
 * O(k²) in the number of coefficients whatever the number of people. Deterministic: the same rows in the same
 * order give the same coefficients bit for bit.
 */
public final class LogisticRegression {
    static final int MAX_ITERATIONS = 50;
    /**
     * Converged when no coefficient moves by more than this relative to its size (max(1, |β|)). Relative, not
     * absolute: over a million rows the cross-product sums carry rounding of about 1e-10 of their size, so the
     * coefficients jitter at that level and an absolute 1e-10 is never met (a full-size build failed so). IRLS
     * converges quadratically, so a step of 1e-8 leaves an error far smaller.
     */
    static final double TOLERANCE = 1e-8;

    private LogisticRegression() {}

    /** The rows of a fit: features (without the intercept), outcome 0/1, case weight and offset per row. */
    public interface Rows {
        int size();

        int features();

        /** Writes row i's features into x (length {@link #features()}). */
        void features(int i, double[] x);

        double outcome(int i);

        default double weight(int i) {
            return 1.0;
        }

        default double offset(int i) {
            return 0.0;
        }
    }

    /**
     * @param coefficients intercept first, then one per feature
     * @param deviance     −2 × log-likelihood at the fit (the penalty not included)
     */
    public record Fit(double[] coefficients, int iterations, boolean converged, double deviance) {
        public Fit {
            coefficients = coefficients.clone();
        }

        @Override
        public double[] coefficients() {
            return coefficients.clone();
        }

        public double intercept() {
            return coefficients[0];
        }

        /** β0 + Σ βj xj, without any offset. */
        public double linearPredictor(double[] x) {
            double eta = coefficients[0];
            for (int j = 0; j < x.length; j++) {
                eta += coefficients[j + 1] * x[j];
            }
            return eta;
        }

        public double probability(double[] x) {
            return expit(linearPredictor(x));
        }

        @Override
        public String toString() {
            return "Fit" + Arrays.toString(coefficients) + " after " + iterations + " iterations"
                    + (converged ? "" : " (not converged)");
        }
    }

    /** Plain rows from arrays: x[i] features, y[i] outcome. */
    public static Rows rows(double[][] x, double[] y) {
        return rows(x, y, null);
    }

    /** Rows with an offset per row (calibration-in-the-large fits an intercept with the model's logit as offset). */
    public static Rows rows(double[][] x, double[] y, double[] offset) {
        if (x.length != y.length || (offset != null && offset.length != y.length)) {
            throw new IllegalArgumentException("features, outcomes and offsets differ in length");
        }
        int k = x.length == 0 ? 0 : x[0].length;
        return new Rows() {
            public int size() {
                return y.length;
            }

            public int features() {
                return k;
            }

            public void features(int i, double[] out) {
                System.arraycopy(x[i], 0, out, 0, k);
            }

            public double outcome(int i) {
                return y[i];
            }

            public double offset(int i) {
                return offset == null ? 0 : offset[i];
            }
        };
    }

    /** @param ridge λ ≥ 0: the penalty λ/2 Σ βj² on the feature coefficients (the intercept is never penalised) */
    public static Fit fit(Rows rows, double ridge) {
        if (ridge < 0) {
            throw new IllegalArgumentException("ridge penalty must be >= 0");
        }
        int k = rows.features() + 1;
        double[] beta = new double[k];
        double[] x = new double[k];
        double[] xf = new double[k - 1];
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.chol(k);
        double deviance = Double.NaN;
        for (int iteration = 1; iteration <= MAX_ITERATIONS; iteration++) {
            DMatrixRMaj a = new DMatrixRMaj(k, k);
            DMatrixRMaj b = new DMatrixRMaj(k, 1);
            double[] ad = a.data;
            double[] bd = b.data;
            double dev = 0;
            for (int i = 0; i < rows.size(); i++) {
                x[0] = 1;
                rows.features(i, xf);
                System.arraycopy(xf, 0, x, 1, k - 1);
                double offset = rows.offset(i);
                double eta = offset;
                for (int j = 0; j < k; j++) {
                    eta += beta[j] * x[j];
                }
                double p = expit(eta);
                double y = rows.outcome(i);
                double w = rows.weight(i) * Math.max(p * (1 - p), 1e-12);
                // working response on the scale without the offset
                double z = eta - offset + (y - p) / Math.max(p * (1 - p), 1e-12);
                for (int r = 0; r < k; r++) {
                    double wx = w * x[r];
                    bd[r] += wx * z;
                    for (int c = 0; c <= r; c++) {
                        ad[r * k + c] += wx * x[c];
                    }
                }
                dev -= 2 * rows.weight(i) * (y * logSafe(p) + (1 - y) * logSafe(1 - p));
            }
            for (int r = 0; r < k; r++) {
                for (int c = 0; c < r; c++) {
                    ad[c * k + r] = ad[r * k + c];
                }
                if (r > 0) {
                    ad[r * k + r] += ridge;
                }
            }
            if (!solver.setA(a)) {
                throw new IllegalStateException("the weighted cross-product matrix is singular: a feature is constant "
                        + "or duplicates another; add a ridge penalty or drop it");
            }
            DMatrixRMaj next = new DMatrixRMaj(k, 1);
            solver.solve(b, next);
            double change = 0;
            for (int j = 0; j < k; j++) {
                change = Math.max(change, Math.abs(next.data[j] - beta[j]) / Math.max(1, Math.abs(next.data[j])));
            }
            beta = next.data.clone();
            deviance = dev;
            if (change < TOLERANCE) {
                return new Fit(beta, iteration, true, deviance(rows, beta));
            }
        }
        return new Fit(beta, MAX_ITERATIONS, false, deviance);
    }

    private static double deviance(Rows rows, double[] beta) {
        double[] xf = new double[rows.features()];
        double dev = 0;
        for (int i = 0; i < rows.size(); i++) {
            rows.features(i, xf);
            double eta = rows.offset(i) + beta[0];
            for (int j = 0; j < xf.length; j++) {
                eta += beta[j + 1] * xf[j];
            }
            double p = expit(eta);
            double y = rows.outcome(i);
            dev -= 2 * rows.weight(i) * (y * logSafe(p) + (1 - y) * logSafe(1 - p));
        }
        return dev;
    }

    public static double expit(double eta) {
        return eta >= 0 ? 1 / (1 + Math.exp(-eta)) : Math.exp(eta) / (1 + Math.exp(eta));
    }

    public static double logit(double p) {
        return Math.log(p / (1 - p));
    }

    private static double logSafe(double v) {
        return v <= 0 ? -745 : Math.log(v);
    }
}
