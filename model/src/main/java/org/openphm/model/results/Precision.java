package org.openphm.model.results;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How many decimal places a published column keeps: the rounding half of the results contract, declared on the
 * column ({@link ResultColumn}, and the analyses' table columns) rather than by each analysis, so a reader of
 * metadata.json knows what precision a value was published at and every value of a kind is rounded alike.
 *
 * <p>Rounding is half away from zero on the decimal value (1.005 is 1.01 at two places, -0.125 is -0.13), as a
 * person rounds, not on the binary double. {@link #AS_COMPUTED} leaves the value as computed (the writer prints at
 * most six decimal places): shares, changes, rates and confidence limits, whose derived-column check recomputes
 * them from the published counts to within a millionth and would fail a value rounded to one place.
 */
public enum Precision {
    /** Not rounded here: printed with at most six decimal places. */
    AS_COMPUTED(-1),
    /** Whole units: modelled counts, people. */
    WHOLE(0),
    /** One decimal place: a score or a mean as its source or the data pack states it. */
    ONE_PLACE(1),
    /** Two decimal places: money to whole pence, WTE, beds. */
    TWO_PLACES(2),
    /** Three decimal places: a ratio close to 1. */
    THREE_PLACES(3);

    private final int places;

    Precision(int places) {
        this.places = places;
    }

    /** Decimal places kept, or null for {@link #AS_COMPUTED}: how metadata.json states it. */
    public Integer places() {
        return places < 0 ? null : places;
    }

    /** The value rounded to this precision; null for a missing or non-finite value, never NaN or -0.0. */
    public Double round(Double value) {
        if (value == null || value.isNaN() || value.isInfinite()) {
            return null;
        }
        if (places < 0) {
            return value;
        }
        double rounded =
                BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP).doubleValue();
        return rounded == 0 ? 0.0 : rounded;
    }

    /** The precision that keeps {@code places} decimal places. */
    public static Precision ofPlaces(int places) {
        for (Precision p : values()) {
            if (p.places == places) {
                return p;
            }
        }
        throw new IllegalArgumentException("no precision of " + places + " decimal places");
    }
}
