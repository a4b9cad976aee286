package org.openphm.analyses.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class RoundingTest {

    @Test
    void aShareIsAPercentageOfTheWholeAndIsNotRounded() {
        assertEquals(25.0, Rounding.share(1, 4));
        assertEquals(100.0 / 3, Rounding.share(1L, 3L));
        assertEquals(2.0 / 3 * 100, Rounding.share(2.0, 3.0), 1e-12);
        assertEquals(-50.0, Rounding.share(-1, 2), "a negative part (a net figure) keeps its sign");
        assertEquals(150.0, Rounding.share(3, 2), "a part larger than the whole is not capped");
    }

    @Test
    void aShareOfNothingIsMissingNotZero() {
        assertNull(Rounding.share(0, 0));
        assertNull(Rounding.share(5, 0L));
        assertNull(Rounding.share(5, (Long) null));
        assertNull(Rounding.share(null, 5));
        assertNull(Rounding.share(Double.NaN, 5));
    }

    @Test
    void aChangeIsThePercentageChangeOnTheEarlierValueAndIsNotRounded() {
        assertEquals(10.0, Rounding.change(110, 100));
        assertEquals(-25.0, Rounding.change(75L, 100L));
        assertEquals(100.0 * (7 - 3) / 3, Rounding.change(7.0, 3.0));
        assertEquals(0.0, Rounding.change(5, 5));
        assertEquals(-200.0, Rounding.change(-10, 10), "to a negative value");
        assertEquals(
                50.0,
                Rounding.change(-15, -10),
                "on a negative base the sign follows the arithmetic: (-15 - -10) / -10");
    }

    @Test
    void aChangeWithoutABaseIsMissing() {
        assertNull(Rounding.change(5, 0));
        assertNull(Rounding.change(5, (Double) null));
        assertNull(Rounding.change(null, 5.0));
        assertNull(Rounding.change(5, Double.NaN));
    }

    @Test
    void moneyIsRoundedToWholePenceHalfAwayFromZero() {
        assertEquals(12.35, Rounding.money(12.345));
        assertEquals(12.34, Rounding.money(12.3449));
        assertEquals(0.13, Rounding.money(0.125));
        assertEquals(1.01, Rounding.money(1.005), "half-way on the decimal value, not the binary one below it");
        assertEquals(-0.13, Rounding.money(-0.125), "negative half-way goes away from zero");
        assertEquals(-12.35, Rounding.money(-12.345));
        assertEquals(-12.34, Rounding.money(-12.3449));
        assertEquals(1_234_567.0, Rounding.money(1_234_567.0));
        assertEquals(0.0, Rounding.money(-0.004));
    }

    @Test
    void missingMoneyStaysMissing() {
        assertNull(Rounding.money(null));
        assertNull(Rounding.money(Double.NaN));
        assertNull(Rounding.money(Double.POSITIVE_INFINITY));
    }
}
