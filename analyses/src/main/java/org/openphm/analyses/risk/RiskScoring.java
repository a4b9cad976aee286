package org.openphm.analyses.risk;

import static org.openphm.engine.query.Expr.col;
import static org.openphm.engine.query.Expr.lit;
import static org.openphm.engine.query.Expr.math;

import java.time.LocalDate;
import java.util.List;
import org.openphm.engine.query.Expr;
import org.openphm.engine.query.Named;
import org.openphm.engine.query.Query;

/**
 * A fitted model rendered as one engine-neutral expression, so a whole ICB (or England) is scored where the
 * data lives, on DuckDB or Spark, with no person-level row leaving the engine: risk = 1 / (1 + exp(−η)),
 * η = β0 + Σ βj · feature j, the features being the same expressions the fit read.
 */
public final class RiskScoring {
    private RiskScoring() {}

    /** Columns: person_id, practice_code, pcn_code, neighbourhood_code, place_code, icb_code, risk. */
    public static Query scores(RiskModel.Model model, LocalDate index) {
        return withScore(model, index)
                .select(
                        Named.as("person_id", col("person_id")),
                        Named.as("practice_code", col("practice_code")),
                        Named.as("pcn_code", col("pcn_code")),
                        Named.as("neighbourhood_code", col("neighbourhood_code")),
                        Named.as("place_code", col("place_code")),
                        Named.as("icb_code", col("icb_code")),
                        Named.as("risk", col("risk")));
    }

    /** The cohort with its features and the model's risk beside them (for the strata's prior use and cost). */
    public static Query withScore(RiskModel.Model model, LocalDate index) {
        List<RiskFeatures.Feature> features = RiskFeatures.all();
        if (!model.features().equals(RiskFeatures.names())) {
            throw new IllegalArgumentException(
                    "the model was fitted on other features than this build defines: " + model.features());
        }
        double[] beta = model.coefficients();
        Expr eta = lit(beta[0]);
        for (int j = 0; j < features.size(); j++) {
            // the same order of additions as RiskModel.Model.probability, so the two agree to rounding
            eta = eta.plus(lit(beta[j + 1]).times(col(features.get(j).name())));
        }
        Expr risk = lit(1.0).dividedBy(lit(1.0).plus(math(Expr.MathOp.EXP, lit(0.0).minus(eta))));
        return RiskCohort.withFeatures(index).derive(Named.as("risk", risk));
    }
}
