package org.openphm.analyses.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class PercentagesTest {

    @Test
    void aShareIsAPercentageOfTheWholeAndIsNotRounded() {
        assertEquals(25.0, Percentages.share(1, 4));
        assertEquals(100.0 / 3, Percentages.share(1L, 3L));
        assertEquals(2.0 / 3 * 100, Percentages.share(2.0, 3.0), 1e-12);
        assertEquals(-50.0, Percentages.share(-1, 2), "a negative part (a net figure) keeps its sign");
        assertEquals(150.0, Percentages.share(3, 2), "a part larger than the whole is not capped");
    }

    @Test
    void aShareOfNothingIsMissingNotZero() {
        assertNull(Percentages.share(0, 0));
        assertNull(Percentages.share(5, 0L));
        assertNull(Percentages.share(5, (Long) null));
        assertNull(Percentages.share(null, 5));
        assertNull(Percentages.share(Double.NaN, 5));
    }

    @Test
    void aChangeIsThePercentageChangeOnTheEarlierValueAndIsNotRounded() {
        assertEquals(10.0, Percentages.change(110, 100));
        assertEquals(-25.0, Percentages.change(75L, 100L));
        assertEquals(100.0 * (7 - 3) / 3, Percentages.change(7.0, 3.0));
        assertEquals(0.0, Percentages.change(5, 5));
        assertEquals(-200.0, Percentages.change(-10, 10), "to a negative value");
        assertEquals(
                50.0,
                Percentages.change(-15, -10),
                "on a negative base the sign follows the arithmetic: (-15 - -10) / -10");
    }

    @Test
    void aChangeWithoutABaseIsMissing() {
        assertNull(Percentages.change(5, 0));
        assertNull(Percentages.change(5, (Double) null));
        assertNull(Percentages.change(null, 5.0));
        assertNull(Percentages.change(5, Double.NaN));
    }
}
