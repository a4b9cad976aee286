package org.openphm.analyses.risk;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.openphm.stats.prediction.Calibration;
import org.openphm.stats.prediction.Capture;
import org.openphm.stats.prediction.Discrimination;
import org.openphm.stats.prediction.LogisticRegression;

/**
 * The open risk model of emergency admission: a ridge-penalised logistic regression on {@link RiskFeatures},
 * trained on one year and validated on the next (temporal validation, TRIPOD type 2b), with the report a
 * journal would ask for: discrimination (AUC, DeLong 95% CI), calibration (intercept, slope, Brier, O/E), and
 * what the top 0.5%, 1% and 5% of a list would catch, against the simplest baseline a commissioner could use
 * (the count of emergency admissions in the year before).
 */
public final class RiskModel {
    /** The default training and validation index dates of issue 11: outcomes in 2023/24 and 2024/25. */
    public static final LocalDate TRAIN = LocalDate.of(2023, 4, 1);

    public static final LocalDate VALIDATE = LocalDate.of(2024, 4, 1);
    /** λ of the ridge penalty; with ages in decades and flags 0/1 it shrinks rare registers' coefficients. */
    public static final double RIDGE = 1.0;

    static final double[] TOP = {0.005, 0.01, 0.05};

    private RiskModel() {}

    /** The fitted coefficients, named (intercept first). */
    public record Model(List<String> features, double[] coefficients, int trainedOn, int admissions)
            implements ScoredModel {
        @Override
        public double probability(double[] x) {
            double eta = coefficients[0];
            for (int j = 0; j < x.length; j++) {
                eta += coefficients[j + 1] * x[j];
            }
            return LogisticRegression.expit(eta);
        }
    }

    public static Model train(RiskData data) {
        LogisticRegression.Fit fit = LogisticRegression.fit(LogisticRegression.rows(data.x(), outcomes(data)), RIDGE);
        if (!fit.converged()) {
            throw new IllegalStateException("the risk model did not converge in " + fit.iterations() + " iterations");
        }
        return new Model(data.featureNames(), fit.coefficients(), data.size(), data.admissions());
    }

    /** A score's performance on a validation cohort. */
    public record Performance(
            String score, Discrimination.Auc auc, Calibration.Result calibration, List<Capture.Result> top) {}

    /** The model against the baseline on the same people, and whether the difference is beyond chance (DeLong). */
    public record Validation(
            Performance model,
            Performance baseline,
            Discrimination.Difference modelMinusBaseline,
            int people,
            int admissions,
            int diedWithoutAdmission) {}

    public static Validation validate(ScoredModel model, RiskData data) {
        if (!model.features().equals(data.featureNames())) {
            throw new IllegalArgumentException(
                    "the model was fitted on other features than the data has: " + model.features());
        }
        double[] p = new double[data.size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = model.probability(data.x()[i]);
        }
        return validate(p, data.people());
    }

    /** A model's probabilities for the people of a validation cohort, in their order, against the baseline. */
    public static Validation validate(double[] p, RiskPeople people) {
        if (p.length != people.size()) {
            throw new IllegalArgumentException(p.length + " probabilities for " + people.size() + " people");
        }
        Performance m = performance("model", p, people.admitted(), true);
        Performance b = performance("prior emergency admissions", people.priorEmergencies(), people.admitted(), false);
        return new Validation(
                m,
                b,
                Discrimination.compare(m.auc(), b.auc()),
                people.size(),
                people.admissions(),
                people.diedWithoutAdmission());
    }

    static Performance performance(String name, double[] score, boolean[] outcome, boolean probabilities) {
        List<Capture.Result> top = new ArrayList<>();
        for (double t : TOP) {
            top.add(Capture.top(score, outcome, t));
        }
        return new Performance(
                name,
                Discrimination.auc(score, outcome),
                probabilities ? Calibration.of(score, outcome) : null,
                List.copyOf(top));
    }

    private static double[] outcomes(RiskData data) {
        double[] y = new double[data.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = data.admitted()[i] ? 1 : 0;
        }
        return y;
    }
}
