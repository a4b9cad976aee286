package org.openphm.analyses.risk;

import java.util.List;

/**
 * A fitted risk model as validation sees it: the features it was fitted on, in order, and a probability of an
 * emergency admission in the next 12 months for one person's feature row. The ridge logistic model
 * ({@link RiskModel.Model}) and the gradient-boosted trees ({@link RiskTrees.Model}) are validated alike
 * ({@link RiskModel#validate}).
 */
public interface ScoredModel {
    List<String> features();

    double probability(double[] x);
}
