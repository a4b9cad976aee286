package org.openphm.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Expected bounds from Fingertips' unit test ukhsa-collaboration/fingertips-open
 * PholioVisualisationWS/AnalysisTest/QuintilesCalculatorTest.cs: values 1..50 give bounds
 * 1, 10.8, 20.6, 30.4, 40.2, 50; an empty list when there are no values.
 */
class QuintilesTest {

    private static final double[] ONE_TO_FIFTY =
            IntStream.rangeClosed(1, 50).asDoubleStream().toArray();

    @Test
    void boundsMatchFingertips() {
        assertEquals(List.of(1.0, 10.8, 20.6, 30.4, 40.2, 50.0), Quintiles.bounds(ONE_TO_FIFTY));
    }

    @Test
    void noValuesNoBounds() {
        assertEquals(List.of(), Quintiles.bounds(new double[0]));
        assertEquals(List.of(), Quintiles.bounds(new double[] {1, 2, 3, 4}));
    }

    @Test
    void valueOnABoundBelongsToTheLowerQuintile() {
        // QuintilesComparer.GetCategory: first category whose upper bound is >= the value
        List<Double> bounds = Quintiles.bounds(ONE_TO_FIFTY);
        assertEquals(1, Quintiles.quintile(1, bounds));
        assertEquals(1, Quintiles.quintile(10.8, bounds));
        assertEquals(2, Quintiles.quintile(11, bounds));
        assertEquals(5, Quintiles.quintile(50, bounds));
        assertEquals(0, Quintiles.quintile(Double.NaN, bounds));
        int[] q = Quintiles.assign(ONE_TO_FIFTY);
        assertEquals(10, IntStream.of(q).filter(x -> x == 3).count());
    }
}
