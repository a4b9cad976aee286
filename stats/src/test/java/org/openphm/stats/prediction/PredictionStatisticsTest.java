package org.openphm.stats.prediction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The risk model's statistics against values derived by hand (worked in the comments, not computed by this
 * code): a saturated logistic model's maximum-likelihood coefficients are the groups' log odds, the AUC is the
 * Mann-Whitney count of case/non-case pairs, and DeLong's variance is built from its structural components.
 */
class PredictionStatisticsTest {
    /** Group x=0: 2 events in 10; group x=1: 6 events in 10. */
    private static List<double[]> groups() {
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            rows.add(new double[] {0, i < 2 ? 1 : 0});
            rows.add(new double[] {1, i < 6 ? 1 : 0});
        }
        return rows;
    }

    @Test
    void aSaturatedModelsCoefficientsAreTheGroupsLogOdds() {
        List<double[]> rows = groups();
        double[][] x = rows.stream().map(r -> new double[] {r[0]}).toArray(double[][]::new);
        double[] y = rows.stream().mapToDouble(r -> r[1]).toArray();
        LogisticRegression.Fit fit = LogisticRegression.fit(LogisticRegression.rows(x, y), 0);
        // β0 = ln(2/8) = −1.3862944; β1 = ln(6/4) − ln(2/8) = 0.4054651 + 1.3862944 = 1.7917595
        assertTrue(fit.converged());
        assertArrayEquals(new double[] {-1.3862944, 1.7917595}, fit.coefficients(), 1e-7);
        // deviance = −2 Σ log-likelihood = −2 [2 ln 0.2 + 8 ln 0.8 + 6 ln 0.6 + 4 ln 0.4]
        //          = −2 [−3.2188758 − 1.7851484 − 3.0649537 − 3.6651629] = 23.4682817
        assertEquals(23.4682817, fit.deviance(), 1e-6);
        assertEquals(0.6, fit.probability(new double[] {1}), 1e-9);
    }

    @Test
    void aRidgePenaltyShrinksTheSlopeAndKeepsTheScoreEquations() {
        List<double[]> rows = groups();
        double[][] x = rows.stream().map(r -> new double[] {r[0]}).toArray(double[][]::new);
        double[] y = rows.stream().mapToDouble(r -> r[1]).toArray();
        double lambda = 2.0;
        LogisticRegression.Fit fit = LogisticRegression.fit(LogisticRegression.rows(x, y), lambda);
        double b0 = fit.coefficients()[0];
        double b1 = fit.coefficients()[1];
        assertTrue(b1 > 0 && b1 < 1.7917595, "shrunk towards 0: " + b1);
        // The penalised maximum satisfies, with p0 = expit(b0), p1 = expit(b0 + b1):
        //   intercept (unpenalised): (2 − 10 p0) + (6 − 10 p1) = 0
        //   slope:                  (6 − 10 p1) − λ b1 = 0
        double p0 = LogisticRegression.expit(b0);
        double p1 = LogisticRegression.expit(b0 + b1);
        assertEquals(0, (2 - 10 * p0) + (6 - 10 * p1), 1e-9);
        assertEquals(0, (6 - 10 * p1) - lambda * b1, 1e-9);
    }

    @Test
    void anOffsetIsCarriedNotEstimated() {
        // intercept only, offset ln(2/8) for everybody, 8 events in 20: expit(α + ln(1/4)) = 0.4, so
        // α = ln(0.4/0.6) − ln(1/4) = −0.4054651 + 1.3862944 = 0.9808293
        double[][] none = new double[20][0];
        double[] y = new double[20];
        double[] offset = new double[20];
        for (int i = 0; i < 20; i++) {
            y[i] = i < 8 ? 1 : 0;
            offset[i] = Math.log(0.25);
        }
        assertEquals(
                0.9808293,
                LogisticRegression.fit(LogisticRegression.rows(none, y, offset), 0)
                        .intercept(),
                1e-7);
    }

    /** Cases score 0.9, 0.8, 0.4; non-cases 0.7, 0.4, 0.2, 0.1. */
    private static final double[] SCORE = {0.9, 0.7, 0.8, 0.4, 0.4, 0.2, 0.1};

    private static final boolean[] CASE = {true, false, true, true, false, false, false};

    @Test
    void theAucIsTheShareOfCaseNonCasePairsTheCaseWinsAndDeLongsVarianceItsComponents() {
        Discrimination.Auc auc = Discrimination.auc(SCORE, CASE);
        // 12 pairs: 0.9 and 0.8 beat all four (8); 0.4 beats 0.2 and 0.1 (2), ties 0.4 (0.5), loses to 0.7:
        // 10.5 / 12 = 0.875
        assertEquals(0.875, auc.auc(), 1e-12);
        // V10 (cases): 1, 1, 2.5/4 = 0.625; S10 = [0.125² + 0.125² + 0.25²] / 2 = 0.09375 / 2 = 0.046875
        // V01 (non-cases): 0.7 → 2/3, 0.4 → 2.5/3, 0.2 → 1, 0.1 → 1; mean 0.875;
        //   S01 = [(−0.2083333)² + (−0.0416667)² + 0.125² + 0.125²] / 3 = 0.0763889 / 3 = 0.0254630
        // Var = S10/3 + S01/4 = 0.015625 + 0.0063657 = 0.0219907; SE = 0.1482928
        assertEquals(0.1482928, auc.standardError(), 1e-6);
        // 95%: 0.875 ± 1.959964 × 0.1482928 = 0.875 ± 0.2906486: 0.5843514 to 1.1656 (clamped to 1)
        assertEquals(0.5843514, auc.lower(), 1e-6);
        assertEquals(1.0, auc.upper(), 0);
    }

    @Test
    void aScoreComparedWithItselfDiffersByNothingAndAReversedOneIsOneMinus() {
        Discrimination.Auc a = Discrimination.auc(SCORE, CASE);
        Discrimination.Difference same = Discrimination.compare(a, a);
        assertEquals(0, same.difference(), 0);
        assertEquals(1, same.p(), 0);
        double[] reversed = new double[SCORE.length];
        for (int i = 0; i < SCORE.length; i++) {
            reversed[i] = -SCORE[i];
        }
        Discrimination.Auc r = Discrimination.auc(reversed, CASE);
        assertEquals(0.125, r.auc(), 1e-12);
        // components mirror (V' = 1 − V), so the difference's variance is 4 × Var(AUC): SE 2 × 0.1482928
        Discrimination.Difference d = Discrimination.compare(a, r);
        assertEquals(0.75, d.difference(), 1e-12);
        assertEquals(2 * 0.1482928, d.standardError(), 1e-6);
    }

    @Test
    void calibrationOfPredictionsThatAreTheObservedRates() {
        // 10 people predicted 0.2 (2 events) and 10 predicted 0.6 (6 events): the predictions are the observed
        // rates, so the calibration slope is 1, the intercept 0, and O/E = 8/8.
        double[] p = new double[20];
        boolean[] y = new boolean[20];
        for (int i = 0; i < 10; i++) {
            p[i] = 0.2;
            y[i] = i < 2;
            p[10 + i] = 0.6;
            y[10 + i] = i < 6;
        }
        Calibration.Result c = Calibration.of(p, y);
        assertEquals(1.0, c.slope(), 1e-7);
        assertEquals(0.0, c.intercept(), 1e-7);
        assertEquals(1.0, c.ratio(), 1e-12);
        // Brier = [2 × 0.8² + 8 × 0.2² + 6 × 0.4² + 4 × 0.6²] / 20 = [1.28 + 0.32 + 0.96 + 1.44] / 20 = 0.2
        assertEquals(0.2, c.brier(), 1e-12);
    }

    @Test
    void overconfidentPredictionsHaveASlopeBelowOne() {
        // Predicted 0.1 where 2 in 10 happen and 0.9 where 6 in 10 do: logit 2.1972246 apart against an observed
        // ln(6/4) − ln(2/8) = 1.7917595, so the slope is 1.7917595 / (2 × 2.1972246) = 1.7917595 / 4.3944492
        // = 0.4077324
        double[] p = new double[20];
        boolean[] y = new boolean[20];
        for (int i = 0; i < 10; i++) {
            p[i] = 0.1;
            y[i] = i < 2;
            p[10 + i] = 0.9;
            y[10 + i] = i < 6;
        }
        assertEquals(0.4077324, Calibration.of(p, y).slope(), 1e-6);
    }

    @Test
    void theTopOfTheListCatchesWhatItHolds() {
        // top 3 of 7 by score: 0.9 (case), 0.8 (case), 0.7 (non-case): PPV 2/3, sensitivity 2 of 3 cases
        Capture.Result top = Capture.top(SCORE, CASE, 3.0 / 7);
        assertEquals(3, top.people());
        assertEquals(2, top.caught());
        assertEquals(2.0 / 3, top.ppv(), 1e-12);
        assertEquals(2.0 / 3, top.sensitivity(), 1e-12);
    }

    @Test
    void tiesAtTheCutCountWhatTheyCatchOnAverageWhateverTheirOrder() {
        // Top 2 of 5. Above the cut: score 0.9, a non-case. Tied at the cut, 0.5: three people, two of them cases,
        // for one remaining place: on average over the three orders, 2/3 of a case, so 1 caught (rounded).
        double[] score = {0.9, 0.5, 0.5, 0.5, 0.1};
        boolean[] cases = {false, true, true, false, true};
        boolean[] reordered = {false, false, true, true, true};
        Capture.Result a = Capture.top(score, cases, 0.4);
        assertEquals(2, a.people());
        assertEquals(1, a.caught());
        assertEquals(a, Capture.top(score, reordered, 0.4), "the same whatever the order of the tied people");
        // Top 4 of 5: all three tied people fit, so they are all counted: 2 cases.
        assertEquals(2, Capture.top(score, cases, 0.8).caught());
    }

    @Test
    void hanleyAndMcNeilsComputedTomographyExample() {
        // Hanley JA, McNeil BJ. The meaning and use of the area under a ROC curve. Radiology 1982;143:29-36,
        // table 1: 109 CT images rated 1 (definitely normal) to 5 (definitely abnormal). Normal: 33, 6, 6, 11, 2;
        // abnormal: 3, 2, 2, 11, 33. The paper's area (Wilcoxon statistic): 0.893.
        int[] normal = {33, 6, 6, 11, 2};
        int[] abnormal = {3, 2, 2, 11, 33};
        List<Double> score = new ArrayList<>();
        List<Boolean> outcome = new ArrayList<>();
        for (int rating = 1; rating <= 5; rating++) {
            for (int k = 0; k < normal[rating - 1]; k++) {
                score.add((double) rating);
                outcome.add(false);
            }
            for (int k = 0; k < abnormal[rating - 1]; k++) {
                score.add((double) rating);
                outcome.add(true);
            }
        }
        boolean[] y = new boolean[outcome.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = outcome.get(i);
        }
        Discrimination.Auc auc = Discrimination.auc(
                score.stream().mapToDouble(Double::doubleValue).toArray(), y);
        assertEquals(0.893, auc.auc(), 0.0005);
        // and exactly the pair count: 2642 of 58 × 51 = 2958 pairs
        assertEquals(2642.0 / 2958, auc.auc(), 1e-12);
    }

    /**
     * Risk groups by hand: seven people with risks 0.9, 0.1, 0.5, 0.3, 0.5, 0.7, 0.2 (outcomes 1, 0, 1, 0, 0, 1, 0)
     * in three groups. Ranked ascending (the tie 0.5 by position: person 2 before person 4): 0.1, 0.2, 0.3, 0.5(2),
     * 0.5(4), 0.7, 0.9; rank r goes to group ⌊3r/7⌋ + 1: ranks 0-2 group 1, ranks 3-4 group 2, ranks 5-6 group 3.
     * Group 1: 0.1 + 0.2 + 0.3 = 0.6 expected, 0 observed; group 2: 1.0 expected, 1 observed (person 2);
     * group 3: 1.6 expected, 2 observed.
     */
    @Test
    void calibrationByRiskGroupCutsRankedPeopleIntoNearlyEqualGroups() {
        double[] p = {0.9, 0.1, 0.5, 0.3, 0.5, 0.7, 0.2};
        boolean[] y = {true, false, true, false, false, true, false};
        List<Calibration.Group> g = Calibration.byRiskGroup(p, y, 3);
        assertEquals(
                List.of(
                        new Calibration.Group(1, 3, 0, 0.1 + 0.2 + 0.3),
                        new Calibration.Group(2, 2, 1, 0.5 + 0.5),
                        new Calibration.Group(3, 2, 2, 0.7 + 0.9)),
                g);
    }
}
