package org.openphm.analyses.risk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.openphm.analyses.fidelity.SyntheticBlmk;
import org.openphm.engine.Engine;

/**
 * The risk model trained and temporally validated on the synthetic BLMK (issue 11, items 3-4, the logistic
 * model): features at 2023-04-01 with outcomes in 2023/24, validated at 2024-04-01 on outcomes in 2024/25.
 */
class RiskModelFidelityTest {
    @Test
    void theModelBeatsPriorAdmissionsOnTheNextYearAndIsReproducible() throws Exception {
        try (Engine engine = SyntheticBlmk.engine()) {
            RiskData train = RiskData.load(engine, RiskModel.TRAIN);
            RiskData validate = RiskData.load(engine, RiskModel.VALIDATE);
            RiskModel.Model model = RiskModel.train(train);
            RiskModel.Validation v = RiskModel.validate(model, validate);
            System.out.printf(
                    "risk model on %,d people (%,d admitted, %,d died without admission): AUC %.3f (%.3f-%.3f),"
                            + " baseline %.3f (%.3f-%.3f), difference p=%.2g; calibration intercept %.3f slope %.3f"
                            + " Brier %.4f O/E %.3f; top 5%% captures %d of %d (PPV %.3f)%n",
                    v.people(),
                    v.admissions(),
                    v.diedWithoutAdmission(),
                    v.model().auc().auc(),
                    v.model().auc().lower(),
                    v.model().auc().upper(),
                    v.baseline().auc().auc(),
                    v.baseline().auc().lower(),
                    v.baseline().auc().upper(),
                    v.modelMinusBaseline().p(),
                    v.model().calibration().intercept(),
                    v.model().calibration().slope(),
                    v.model().calibration().brier(),
                    v.model().calibration().ratio(),
                    v.model().top().get(2).caught(),
                    v.model().top().get(2).outcomes(),
                    v.model().top().get(2).ppv());
            // What a model must do before anyone acts on its list: rank the next year's admissions better than the
            // count of last year's (DeLong, same people), and predict about as many admissions as happen.
            assertTrue(
                    v.modelMinusBaseline().difference() > 0
                            && v.modelMinusBaseline().p() < 0.05,
                    "model " + v.model().auc().auc() + " vs prior admissions "
                            + v.baseline().auc().auc());
            assertTrue(
                    v.model().calibration().ratio() > 0.8
                            && v.model().calibration().ratio() < 1.25,
                    "observed / expected admissions " + v.model().calibration().ratio());
            assertTrue(
                    v.model().calibration().slope() > 0.7
                            && v.model().calibration().slope() < 1.3,
                    "calibration slope " + v.model().calibration().slope());
            // Seeded and reproducible: the same workspace trains the same model, coefficient for coefficient.
            assertArrayEquals(
                    model.coefficients(),
                    RiskModel.train(RiskData.load(engine, RiskModel.TRAIN)).coefficients());
        }
    }
}
