package org.openphm.analyses.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The step detector on hand-made monthly series, answers derived by hand. */
class VolumeShiftTest {

    /** 10 months alternating 49/51 (mean 50), then 20 alternating 99/101 (mean 100): half-reported before month 10. */
    @Test
    void aHalvedFirstStretchIsFoundAtItsEnd() {
        List<Double> v = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            v.add((i < 10 ? 50.0 : 100.0) + (i % 2 == 0 ? -1 : 1));
        }
        VolumeShift s = VolumeShift.detect(v);
        assertEquals(10, s.stepIndex());
        assertEquals(50.0, s.meanBefore(), 1e-9);
        assertEquals(100.0, s.meanAfter(), 1e-9);
        assertEquals(0.5, s.ratio(), 1e-9);
        // overall mean 83.3; the first 10 points are all below it: a run of 7+ is the MDC shift rule
        assertTrue(s.confirmed());
        assertTrue(s.flagged());
    }

    /** A steady 1% a month growth over 30 months: levels of the two halves differ by under 30%, no flag. */
    @Test
    void steadyGrowthIsNotAStep() {
        List<Double> v = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            v.add(1000 * Math.pow(1.01, i));
        }
        VolumeShift s = VolumeShift.detect(v);
        // best split near the middle: mean of months 0-14 ~ 1,073, of 15-29 ~ 1,246, ratio ~ 0.86
        assertTrue(s.ratio() > 0.8 && s.ratio() < 0.9, "ratio " + s.ratio());
        assertFalse(s.flagged());
    }

    @Test
    void fewerThanFifteenMonthsAreNotTested() {
        assertNull(
                VolumeShift.detect(List.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 11.0, 12.0, 13.0, 14.0)));
    }
}
