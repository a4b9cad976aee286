package org.openphm.stats.spc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The Making Data Count defaults and each alternative option, on small series whose expected flags are worked
 * out by hand in the comments. Rule sources: MDC "SPC charts SQL query" v2.4 settings (step 2) and
 * NHSRplotthedots 0.2.2 (spc/SOURCES.md).
 */
class SpcOptionsTest {

    @Test
    void makingDataCountDefaultsAreTheSqlToolSettings() {
        SpcOptions mdc = SpcOptions.makingDataCount(ImprovementDirection.DECREASE, 4.0);
        // MDC SPC SQL v2.4: @SettingSpecialCauseShiftPoints = 7, @SettingSpecialCauseTrendPoints = 7,
        // @ExcludeMovingRangeOutliers = 0, @SettingMinimumPoints = 15; trends cross partitions since v2.2;
        // a target on a limit is a pass/fail since v2.1.
        assertEquals(7, mdc.shiftLength());
        assertEquals(7, mdc.trendLength());
        assertFalse(mdc.screenOutliers());
        assertNull(mdc.fixAfterN());
        assertEquals(List.of(), mdc.rebaseAt());
        assertEquals(15, mdc.minimumPoints());
        assertTrue(mdc.trendAcrossRebase());
        assertTrue(mdc.targetOnLimitIsConsistent());
        assertEquals(ImprovementDirection.DECREASE, mdc.direction());
        assertEquals(4.0, mdc.target());
    }

    /** MDC: below 15 points the chart "will otherwise display as a run chart, with SPC elements removed". */
    @Test
    void fewerThanTheMinimumPointsGivesARunChartWithoutLimitsOrIcons() {
        List<Double> fourteen = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            fourteen.add(i == 13 ? 100.0 : (double) (i % 2)); // the 100 would be far outside any limit
        }
        SpcChart run = SpcChart.compute(fourteen, SpcOptions.makingDataCount(ImprovementDirection.INCREASE, 0.5));
        assertFalse(run.summary().limitsShown());
        assertEquals(VariationIcon.NONE, run.summary().variation());
        assertEquals(AssuranceIcon.NONE, run.summary().assurance());
        SpcPoint last = run.points().get(13);
        assertNull(last.upperProcessLimit());
        assertEquals(Set.of(), last.signals());
        assertEquals((6.0 + 100.0) / 14, last.mean(), 1e-12); // the mean is still drawn: 6 ones and the 100

        List<Double> fifteen = new ArrayList<>(fourteen);
        fifteen.add(0.0);
        SpcChart spc = SpcChart.compute(fifteen, SpcOptions.makingDataCount(ImprovementDirection.INCREASE, 0.5));
        assertTrue(spc.summary().limitsShown());
        assertEquals(Set.of(Signal.ABOVE_UPPER_LIMIT), spc.points().get(13).signals());
    }

    /**
     * Six 5s then 1, 9, 1, 9, 1, 9, 1, 9, 1: mean = (30 + 41) / 15 = 4.73, so the six 5s are a run of six above
     * the mean. Moving ranges 0 x5, 4, 8 x8: mean 68/14 = 4.86, two-sigma band ±8.6, so nothing else fires.
     * A 7-point shift (MDC) sees nothing; a 6-point shift flags the first six points.
     */
    @Test
    void shiftLengthIsAnOption() {
        List<Double> y = List.of(5.0, 5.0, 5.0, 5.0, 5.0, 5.0, 1.0, 9.0, 1.0, 9.0, 1.0, 9.0, 1.0, 9.0, 1.0);
        SpcOptions mdc = SpcOptions.makingDataCount(ImprovementDirection.INCREASE, null);
        assertTrue(SpcChart.compute(y, mdc).points().stream().noneMatch(SpcPoint::isSpecialCause));

        SpcChart six = SpcChart.compute(y, mdc.withShiftLength(6));
        for (SpcPoint p : six.points()) {
            Set<Signal> expected = p.index() < 6 ? Set.of(Signal.SHIFT_ABOVE_MEAN) : Set.of();
            assertEquals(expected, p.signals(), "point " + p.index());
        }
        assertEquals(VariationIcon.IMPROVEMENT_HIGH, six.points().get(0).variation());
        assertEquals(VariationIcon.COMMON_CAUSE, six.summary().variation());
    }

    /**
     * Baseline 1, 2, 1, 2, 1, 2 then 10, 10, 10 with limits fixed after 6 points: mean 1.5, moving ranges all
     * 1, so limits 1.5 ± 2.66 = [-1.16, 4.16] and the three 10s are above the upper limit.
     */
    @Test
    void fixAfterNTakesLimitsFromTheBaselineOnly() {
        List<Double> y = List.of(1.0, 2.0, 1.0, 2.0, 1.0, 2.0, 10.0, 10.0, 10.0);
        SpcChart chart = SpcChart.compute(
                y,
                SpcOptions.makingDataCount(ImprovementDirection.DECREASE, null)
                        .withMinimumPoints(1)
                        .withFixAfterN(6));
        SpcPoint p = chart.points().get(8);
        assertEquals(1.5, p.mean(), 1e-12);
        assertEquals(4.16, p.upperProcessLimit(), 1e-12);
        assertEquals(-1.16, p.lowerProcessLimit(), 1e-12);
        assertEquals(Set.of(Signal.ABOVE_UPPER_LIMIT), p.signals());
        assertEquals(VariationIcon.CONCERN_HIGH, chart.summary().variation());
    }

    /**
     * 1, 2, 1, 2, 1, 2 then 11, 12, 11, 12, 11, 12, rebased at the 7th point: each group has mean 1.5 or 11.5
     * and moving ranges of 1 (the jump between groups is not a moving range), limits mean ± 2.66, and nothing
     * fires. Without the rebase the mean is 6.5, the 9-point jump widens the mean moving range to 19/11 and the
     * upper limit is 6.5 + 2.66 × 19/11 = 11.09, so the 12s are above it.
     */
    @Test
    void rebaseRecalculatesLimitsPerGroup() {
        List<Double> y = List.of(1.0, 2.0, 1.0, 2.0, 1.0, 2.0, 11.0, 12.0, 11.0, 12.0, 11.0, 12.0);
        SpcOptions options =
                SpcOptions.makingDataCount(ImprovementDirection.INCREASE, null).withMinimumPoints(1);
        SpcChart rebased = SpcChart.compute(y, options.withRebaseAt(List.of(6)));
        assertEquals(0, rebased.points().get(5).rebaseGroup());
        assertEquals(1, rebased.points().get(6).rebaseGroup());
        assertEquals(1.5, rebased.points().get(0).mean(), 1e-12);
        assertEquals(11.5 + 2.66, rebased.points().get(11).upperProcessLimit(), 1e-12);
        assertTrue(rebased.points().stream().noneMatch(SpcPoint::isSpecialCause));

        SpcChart single = SpcChart.compute(y, options);
        assertEquals(6.5 + 2.66 * 19 / 11, single.points().get(0).upperProcessLimit(), 1e-12);
        assertEquals(Set.of(Signal.ABOVE_UPPER_LIMIT), single.points().get(7).signals());
    }

    /**
     * 3, 7, 3, 7, 3, 7, then 1, 2, 3 | 4, 5, 6, 7, then 3, 7, 3, rebased at index 9: the seven points 1..7 rise
     * across the rebase. MDC SQL (since v2.2) lets a trend cross a partition; NHSRplotthedots does not.
     */
    @Test
    void trendAcrossRebaseIsAnOption() {
        List<Double> y = List.of(3.0, 7.0, 3.0, 7.0, 3.0, 7.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 3.0, 7.0, 3.0);
        SpcOptions mdc =
                SpcOptions.makingDataCount(ImprovementDirection.INCREASE, null).withRebaseAt(List.of(9));
        SpcChart across = SpcChart.compute(y, mdc);
        for (SpcPoint p : across.points()) {
            assertEquals(
                    p.index() >= 6 && p.index() <= 12,
                    p.signals().contains(Signal.TREND_INCREASING),
                    "point " + p.index());
        }
        SpcChart within = SpcChart.compute(y, mdc.withTrendAcrossRebase(false));
        assertTrue(within.points().stream().noneMatch(p -> p.signals().contains(Signal.TREND_INCREASING)));
    }

    /**
     * Eight 10s, then 1..7, then 10, 10 (17 points): mean 128/17 = 7.53; moving ranges 0 x7, 9, 1 x6, 3, 0 give
     * a mean of 18/16 = 1.125, so LPL = 4.54 and the lower two-sigma line 5.53. The 5 (index 12) is in the
     * rising trend 1, 2, ..., 7, 10 (indexes 8-15) and in the run of seven below the mean (indexes 8-14): it is
     * flagged both ways. The 1 (index 8) is also below the lower limit.
     */
    @Test
    void conflictRuleDecidesPointsFlaggedBothWays() {
        List<Double> y =
                List.of(10.0, 10.0, 10.0, 10.0, 10.0, 10.0, 10.0, 10.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 10.0, 10.0);
        SpcOptions mdc = SpcOptions.makingDataCount(ImprovementDirection.INCREASE, null);
        SpcChart improvement = SpcChart.compute(y, mdc);
        assertEquals(128.0 / 17 - 2.66 * 18 / 16, improvement.points().get(0).lowerProcessLimit(), 1e-12);
        assertEquals(
                Set.of(Signal.TREND_INCREASING, Signal.SHIFT_BELOW_MEAN),
                improvement.points().get(12).signals());
        assertEquals(
                Set.of(Signal.BELOW_LOWER_LIMIT, Signal.TREND_INCREASING, Signal.SHIFT_BELOW_MEAN),
                improvement.points().get(8).signals());
        assertEquals(
                VariationIcon.IMPROVEMENT_HIGH, improvement.points().get(12).variation());
        assertEquals(VariationIcon.IMPROVEMENT_HIGH, improvement.points().get(8).variation());

        SpcChart concern = SpcChart.compute(y, mdc.withConflictRule(ConflictRule.CONCERN));
        assertEquals(VariationIcon.CONCERN_LOW, concern.points().get(12).variation());
        assertEquals(Signal.SHIFT_BELOW_MEAN, concern.points().get(12).specialCause());
        assertEquals(Signal.BELOW_LOWER_LIMIT, concern.points().get(8).specialCause());

        // NHSRplotthedots: outside limits beats trend beats shift.
        SpcChart priority = SpcChart.compute(y, mdc.withConflictRule(ConflictRule.RULE_PRIORITY));
        assertEquals(Signal.BELOW_LOWER_LIMIT, priority.points().get(8).specialCause());
        assertEquals(VariationIcon.CONCERN_LOW, priority.points().get(8).variation());
        assertEquals(Signal.TREND_INCREASING, priority.points().get(12).specialCause());
    }

    /** MDC SQL v2.1: "Updated [AssuranceIcon] to be a pass/fail when the target is on a process limit". */
    @Test
    void targetExactlyOnALimitIsConsistentUnderMdcButNotNhsr() {
        assertEquals(
                AssuranceIcon.CONSISTENTLY_FAIL, AssuranceIcon.judge(ImprovementDirection.INCREASE, 3, 1, 3, true));
        assertEquals(AssuranceIcon.INCONSISTENT, AssuranceIcon.judge(ImprovementDirection.INCREASE, 3, 1, 3, false));
        assertEquals(
                AssuranceIcon.CONSISTENTLY_FAIL, AssuranceIcon.judge(ImprovementDirection.DECREASE, 1, 1, 3, true));
        assertEquals(AssuranceIcon.NONE, AssuranceIcon.judge(ImprovementDirection.NEITHER, 9, 1, 3, true));
    }

    /** With no improvement direction signals are "neither" (purple) and no assurance icon is given. */
    @Test
    void noDirectionGivesNeitherIconsAndNoAssurance() {
        List<Double> y =
                List.of(1.0, 2.0, 1.0, 2.0, 10.0, 1.0, 2.0, 1.0, 2.0, 1.0, 2.0, 1.0, 2.0, 1.0, 2.0, 1.0, 2.0, 30.0);
        SpcChart chart = SpcChart.compute(y, SpcOptions.makingDataCount(ImprovementDirection.NEITHER, 5.0));
        assertEquals(VariationIcon.NEITHER_HIGH, chart.summary().variation());
        assertEquals(AssuranceIcon.NONE, chart.summary().assurance());
    }

    @Test
    void rejectsMissingValuesAndBadOptions() {
        List<Double> withNull = new ArrayList<>(List.of(1.0, 2.0));
        withNull.add(null);
        SpcOptions mdc = SpcOptions.makingDataCount(ImprovementDirection.INCREASE, null);
        assertThrows(IllegalArgumentException.class, () -> SpcChart.compute(withNull, mdc));
        assertThrows(IllegalArgumentException.class, () -> mdc.withShiftLength(1));
        assertThrows(IllegalArgumentException.class, () -> mdc.withRebaseAt(List.of(5, 3)));
        assertThrows(
                IllegalArgumentException.class,
                () -> SpcChart.compute(List.of(1.0, 2.0), mdc.withRebaseAt(List.of(2))));
    }
}
