package org.openphm.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Expected significances from Fingertips' own unit tests, ukhsa-collaboration/fingertips-open
 * PholioVisualisationWS/AnalysisTest: SingleOverlappingCIsForTwoCILevelsComparerTest.cs,
 * SpcForProportionsComparerTest.cs, SpcForDsrComparerTest.cs (values from Fingertips indicators
 * 1, 514 and 501 for 2010-11). Those tests use polarity "RAG - low is good"; Fingertips' Better /
 * Worse there is read back to higher/lower here and checked through {@link Polarity#assess}.
 */
class ComparisonTest {

    private static final Polarity LOW_IS_GOOD = Polarity.LOW_IS_GOOD;

    // SingleOverlappingCIsForTwoCILevelsComparerTest.GetData(): value 2.6, 95% 2.5-2.7, 99.8% 2.3-2.9
    private static final Estimate AT_95 = new Estimate(2.6, 2.5, 2.7, 0.95, "", "");
    private static final Estimate AT_998 = new Estimate(2.6, 2.3, 2.9, 0.998, "", "");

    @Test
    void benchmarkAboveBothIntervalsIsLowerAtBothLevels() {
        // benchmark 3.0: Fingertips "Best" for low-is-good, "Worst" for high-is-good
        assertEquals(Significance.LOWER, Comparison.benchmarkValue(AT_95, 3.0));
        assertEquals(Significance.LOWER, Comparison.benchmarkValue(AT_998, 3.0));
        assertEquals(org.openphm.model.Comparison.BETTER, LOW_IS_GOOD.assess(Comparison.benchmarkValue(AT_998, 3.0)));
        assertEquals(
                org.openphm.model.Comparison.WORSE,
                Polarity.HIGH_IS_GOOD.assess(Comparison.benchmarkValue(AT_998, 3.0)));
    }

    @Test
    void benchmarkBetweenUpperLimitsIsLowerAt95Only() {
        // benchmark 2.8: Fingertips "Better" (not "Best") for low-is-good
        assertEquals(Significance.LOWER, Comparison.benchmarkValue(AT_95, 2.8));
        assertEquals(Significance.SIMILAR, Comparison.benchmarkValue(AT_998, 2.8));
        assertEquals(
                org.openphm.model.Comparison.WORSE,
                Polarity.HIGH_IS_GOOD.assess(Comparison.benchmarkValue(AT_95, 2.8)));
    }

    @Test
    void benchmarkInsideIntervalIsSimilar() {
        assertEquals(Significance.SIMILAR, Comparison.benchmarkValue(AT_95, 2.6));
    }

    @Test
    void benchmarkBetweenLowerLimitsIsHigherAt95Only() {
        // benchmark 2.4: Fingertips "Worse" for low-is-good, "Better" for high-is-good
        assertEquals(Significance.HIGHER, Comparison.benchmarkValue(AT_95, 2.4));
        assertEquals(Significance.SIMILAR, Comparison.benchmarkValue(AT_998, 2.4));
        assertEquals(org.openphm.model.Comparison.WORSE, LOW_IS_GOOD.assess(Significance.HIGHER));
    }

    @Test
    void benchmarkBelowBothIntervalsIsHigherAtBothLevels() {
        assertEquals(Significance.HIGHER, Comparison.benchmarkValue(AT_95, 2.2));
        assertEquals(Significance.HIGHER, Comparison.benchmarkValue(AT_998, 2.2));
    }

    @Test
    void missingIntervalOrNoPolarityIsNotCompared() {
        assertEquals(
                Significance.NOT_COMPARED,
                Comparison.benchmarkValue(new Estimate(2.6, Double.NaN, Double.NaN, 0.95, "", ""), 3.0));
        assertEquals(org.openphm.model.Comparison.NOT_COMPARED, Polarity.NOT_APPLICABLE.assess(Significance.HIGHER));
        assertEquals(org.openphm.model.Comparison.HIGHER, Polarity.NO_JUDGEMENT.assess(Significance.HIGHER));
    }

    @Test
    void spcForProportionsSameAtBothLevels() {
        // SpcForProportionsComparerTest.TestComparisionWithDifferentConfidencesWhereSignifancesSame
        double england = 8.9611086876279327;
        assertBoth(Significance.LOWER, 7.7065767284991562, 5930, england); // 5PP: Better (low is good)
        assertBoth(Significance.SIMILAR, 9.8988121425428961, 2273, england); // 5PN: Same
        assertBoth(Significance.HIGHER, 12.474645030425965, 1972, england); // 5PR: Worse
    }

    @Test
    void spcForProportionsDifferentAtTheTwoLevels() {
        // SpcForProportionsComparerTest.TestComparisionWithDifferentConfidencesWhereSignifancesDifferent
        double england = 12.8379546895717;
        assertEquals(Significance.LOWER, Comparison.spcForProportions(10.9783420463032, 1339, england, 100, 0.95));
        assertEquals(Significance.SIMILAR, Comparison.spcForProportions(10.9783420463032, 1339, england, 100, 0.998));
        assertEquals(Significance.HIGHER, Comparison.spcForProportions(15.9065628476085, 899, england, 100, 0.95));
        assertEquals(Significance.SIMILAR, Comparison.spcForProportions(15.9065628476085, 899, england, 100, 0.998));
    }

    @Test
    void spcForDsr() {
        // SpcForDsrComparerTest.TestCompare: MRSA per 100,000, 2011, England 2.132708657734625
        double england = 2.132708657734625;
        assertEquals(Significance.LOWER, Comparison.spcForDsr(1.1358436559886544, 616282, england, 100_000, 0.95));
        assertEquals(Significance.SIMILAR, Comparison.spcForDsr(1.1358436559886544, 616282, england, 100_000, 0.998));
        assertEquals(Significance.SIMILAR, Comparison.spcForDsr(2.657913272289925, 601976, england, 100_000, 0.95));
        assertEquals(Significance.SIMILAR, Comparison.spcForDsr(2.657913272289925, 601976, england, 100_000, 0.998));
        assertEquals(Significance.HIGHER, Comparison.spcForDsr(4.1515156695295845, 409489, england, 100_000, 0.95));
        assertEquals(Significance.SIMILAR, Comparison.spcForDsr(4.1515156695295845, 409489, england, 100_000, 0.998));
    }

    @Test
    void overlappingIntervals() {
        // DoubleOverlappingCIsComparer rule: touching intervals overlap
        Estimate a = new Estimate(10, 9, 11, 0.95, "", "");
        assertEquals(Significance.SIMILAR, Comparison.overlappingIntervals(a, new Estimate(12, 11, 13, 0.95, "", "")));
        assertEquals(
                Significance.LOWER, Comparison.overlappingIntervals(a, new Estimate(12.5, 11.1, 13, 0.95, "", "")));
        assertEquals(Significance.HIGHER, Comparison.overlappingIntervals(a, new Estimate(7, 6, 8.9, 0.95, "", "")));
    }

    private static void assertBoth(Significance expected, double value, double denominator, double benchmark) {
        assertEquals(expected, Comparison.spcForProportions(value, denominator, benchmark, 100, 0.95));
        assertEquals(expected, Comparison.spcForProportions(value, denominator, benchmark, 100, 0.998));
    }
}
