package org.openphm.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Expected values from Fingertips' unit test ukhsa-collaboration/fingertips-open
 * PholioVisualisationWS/AnalysisTest/TrendMarkerCalculatorTest.cs (data sets 1 and 2, and the
 * proportion sets): chi² rounded to 2 dp 46.77 (CI-based) and 47.9 (proportions), set 2 not
 * significant, proportion set 2 (5/5 = 100%) cannot be calculated.
 */
class RecentTrendTest {

    // GetTrendData_Set1: values are percentages with 95% CIs; counts/denominators for the proportion test
    private static final int[] YEARS = {2018, 2017, 2016, 2015, 2014};
    private static final double[] COUNT = {1367, 1332, 1199, 1023, 994};
    private static final double[] DENOMINATOR = {44701, 44064, 42811, 41527, 40299};
    private static final double[] VALUE = {30.6, 30.2, 28, 24.6, 24.67};
    private static final double[] LOWER = {28.98, 28.63, 26.44, 23.15, 23.16};
    private static final double[] UPPER = {32.25, 31.9, 29.64, 26.19, 26.25};

    @Test
    void thresholdIsTheFingertipsConstant() {
        // TrendMarkerCalculator.ChiSquareConfidence = 9.54953570608324
        assertEquals(9.54953570608324, RecentTrend.CHI_SQUARE_THRESHOLD, 1e-12);
    }

    @Test
    void weightedRegressionTrendIsSignificant() {
        List<RecentTrend.Point> series = new java.util.ArrayList<>();
        for (int i = 0; i < YEARS.length; i++) {
            series.add(RecentTrend.Point.withInterval(YEARS[i], VALUE[i], LOWER[i], UPPER[i]));
        }
        RecentTrend.Result r = RecentTrend.fromIntervals(series);
        assertTrue(r.significant());
        assertEquals(46.77, Math.round(r.chiSquare() * 100) / 100.0);
        // values rise from 24.67 (2014) to 30.6 (2018)
        assertEquals(RecentTrend.Direction.INCREASING, r.direction());
        assertEquals(org.openphm.model.Comparison.WORSE, Polarity.LOW_IS_GOOD.assess(r.direction()));
    }

    @Test
    void noSignificantTrendInSet2() {
        // GetTrendData_Set2
        List<RecentTrend.Point> series = List.of(
                RecentTrend.Point.withInterval(2014, 20.5506, 18.1803, 23.1427),
                RecentTrend.Point.withInterval(2015, 19.5952, 17.3444, 22.0602),
                RecentTrend.Point.withInterval(2016, 19.0349, 16.8421, 21.4394),
                RecentTrend.Point.withInterval(2017, 21.3966, 19.0918, 23.8975),
                RecentTrend.Point.withInterval(2018, 18.4372, 16.2925, 20.7941));
        RecentTrend.Result r = RecentTrend.fromIntervals(series);
        assertFalse(r.significant());
        assertEquals(RecentTrend.Direction.NO_SIGNIFICANT_CHANGE, r.direction());
    }

    @Test
    void proportionTrendIsSignificant() {
        List<RecentTrend.Point> series = new java.util.ArrayList<>();
        for (int i = 0; i < YEARS.length; i++) {
            series.add(RecentTrend.Point.proportion(YEARS[i], COUNT[i], DENOMINATOR[i]));
        }
        RecentTrend.Result r = RecentTrend.forProportions(series);
        assertTrue(r.significant());
        assertEquals(47.9, Math.round(r.chiSquare() * 100) / 100.0);
        assertEquals(RecentTrend.Direction.INCREASING, r.direction());
    }

    @Test
    void hundredPercentCannotBeCalculated() {
        // GetTrendDataForProportion_Set2: 5/5 in 2012
        List<RecentTrend.Point> series = List.of(
                RecentTrend.Point.proportion(2012, 5, 5),
                RecentTrend.Point.proportion(2013, 3, 5),
                RecentTrend.Point.proportion(2014, 1, 5),
                RecentTrend.Point.proportion(2015, 1, 4),
                RecentTrend.Point.proportion(2016, 2, 4));
        RecentTrend.Result r = RecentTrend.forProportions(series);
        assertEquals(RecentTrend.Direction.CANNOT_BE_CALCULATED, r.direction());
        assertEquals(0.0, r.chiSquare());
    }

    @Test
    void fewerThanFivePointsCannotBeCalculated() {
        // TrendRequest.IsValid: "Not enough data points"
        List<RecentTrend.Point> series = List.of(
                RecentTrend.Point.proportion(2015, 1023, 41527), RecentTrend.Point.proportion(2016, 1199, 42811),
                RecentTrend.Point.proportion(2017, 1332, 44064), RecentTrend.Point.proportion(2018, 1367, 44701));
        assertEquals(
                RecentTrend.Direction.CANNOT_BE_CALCULATED,
                RecentTrend.forProportions(series).direction());
    }
}
