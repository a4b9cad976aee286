package org.openphm.model.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.openphm.model.ResultColumnType;

class PrecisionTest {

    @Test
    void moneyIsRoundedToWholePenceHalfAwayFromZeroOnTheDecimalValue() {
        Precision pence = Precision.TWO_PLACES;
        assertEquals(12.35, pence.round(12.345));
        assertEquals(12.34, pence.round(12.3449));
        assertEquals(0.13, pence.round(0.125));
        // 1.005 is stored as 1.00499999999999989…: a person rounding the written 1.005 gets 1.01
        assertEquals(1.01, pence.round(1.005));
        assertEquals(-0.13, pence.round(-0.125), "negative half-way goes away from zero");
        assertEquals(-12.35, pence.round(-12.345));
        assertEquals(1_234_567.0, pence.round(1_234_567.0));
        assertEquals(0.0, pence.round(-0.004), "-0.004 is 0, not -0.0");
        assertEquals("0.0", String.valueOf(pence.round(-0.004)));
    }

    @Test
    void eachPrecisionKeepsItsPlaces() {
        assertEquals(3.0, Precision.WHOLE.round(2.5));
        assertEquals(-3.0, Precision.WHOLE.round(-2.5));
        assertEquals(90.1, Precision.ONE_PLACE.round(90.05));
        assertEquals(-0.3, Precision.ONE_PLACE.round(-0.25));
        assertEquals(0.667, Precision.THREE_PLACES.round(2.0 / 3));
        assertEquals(2.0 / 3, Precision.AS_COMPUTED.round(2.0 / 3));
        assertNull(Precision.AS_COMPUTED.places(), "as computed states no places");
        assertEquals(2, Precision.TWO_PLACES.places());
        assertEquals(Precision.ONE_PLACE, Precision.ofPlaces(1));
    }

    @Test
    void aMissingOrNonFiniteValueStaysMissing() {
        for (Precision p : Precision.values()) {
            assertNull(p.round(null));
            assertNull(p.round(Double.NaN));
            assertNull(p.round(Double.POSITIVE_INFINITY));
        }
    }

    @Test
    void onlyANumberIsRounded() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new ResultColumn(
                        "area", ResultColumnType.STRING, Disclosure.REFERENCE, null, Precision.WHOLE, ""));
        assertEquals(
                Precision.WHOLE, IndicatorColumns.column(IndicatorColumns.COUNT).precision());
        assertEquals(
                Precision.AS_COMPUTED,
                IndicatorColumns.column(IndicatorColumns.VALUE).precision());
    }
}
