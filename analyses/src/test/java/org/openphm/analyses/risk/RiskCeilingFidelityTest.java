package org.openphm.analyses.risk;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openphm.analyses.fidelity.SyntheticBlmk;
import org.openphm.engine.Engine;

/**
 * The ceiling (issue 11, item 4) on the synthetic BLMK: the generator's own probability of each person's
 * emergency admission, joined after fitting to the validation cohort of 2024-04-01. It checks two things at once:
 * that the canonical outcome (an emergency spell in the 12 months, from the spell table) is the event the
 * generator drew, since the truth must be calibrated on it; and how far the model is from the best possible.
 */
class RiskCeilingFidelityTest {

    @Test
    void theGeneratorsProbabilityIsCalibratedOnTheCanonicalOutcomeAndBoundsTheModel() throws Exception {
        java.nio.file.Path workspace = SyntheticBlmk.workspace();
        try (Engine engine = SyntheticBlmk.engine()) {
            RiskData train = RiskData.load(engine, RiskModel.TRAIN);
            RiskData validation = RiskData.load(engine, RiskModel.VALIDATE);
            RiskModel.Validation v = RiskModel.validate(RiskModel.train(train), validation);
            Map<String, Double> truth = RiskCeiling.read(
                    SyntheticBlmk.ceiling(),
                    RiskModel.VALIDATE,
                    () -> org.openphm.ingest.WorkspacePseudonyms.of(workspace));
            double[] p = RiskCeiling.align(engine, RiskModel.VALIDATE, truth);
            RiskCeiling.Result c = RiskCeiling.measure(p, validation, v);
            var cal = c.ceiling().calibration();
            double variance = 0;
            for (double pi : p) {
                variance += pi * (1 - pi);
            }
            System.out.printf(
                    "ceiling on %,d people: AUC %.3f (%.3f-%.3f), slope %.3f, O/E %.3f (%.0f / %.0f); "
                            + "model AUC %.3f, %.0f%% of the way from chance; ceiling - model %.4f, p = %.2g%n",
                    c.people(),
                    c.ceiling().auc().auc(),
                    c.ceiling().auc().lower(),
                    c.ceiling().auc().upper(),
                    cal.slope(),
                    cal.ratio(),
                    cal.observed(),
                    cal.expected(),
                    v.model().auc().auc(),
                    100 * c.shareOfReachable(),
                    c.ceilingMinusModel().difference(),
                    c.ceilingMinusModel().p());
            // admitted people are a sum of independent Bernoulli(p): within 4 SD of the sum of p
            assertTrue(
                    Math.abs(cal.observed() - cal.expected()) < 4 * Math.sqrt(variance),
                    "the generator's probabilities predict " + cal.expected() + " admitted people; the canonical "
                            + "outcome counts " + cal.observed() + ": the outcome is not the event the generator drew");
            assertTrue(cal.slope() > 0.85 && cal.slope() < 1.15, "the truth's calibration slope " + cal.slope());
            // no model can beat the truth: the ceiling's AUC is above the model's beyond chance
            assertTrue(
                    c.ceilingMinusModel().difference() > 0
                            && c.ceilingMinusModel().p() < 0.05,
                    "ceiling " + c.ceiling().auc().auc() + " vs model "
                            + v.model().auc().auc());
        }
    }
}
