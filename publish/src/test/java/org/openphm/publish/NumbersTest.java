package org.openphm.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.openphm.publish.results.Numbers;

/** What a printed table shows for a results cell. */
class NumbersTest {

    @Test
    void longDecimalsAreRoundedToTwoPlacesAndEverythingElseIsLeftAlone() {
        assertEquals("13861.42", Numbers.display("13861.422565"));
        assertEquals("20.47", Numbers.display("20.471255"));
        assertEquals("0.01", Numbers.display("0.005")); // half up
        assertEquals("3", Numbers.display("2.999999")); // trailing zeros stripped
        assertEquals("95.5", Numbers.display("95.5"));
        assertEquals("2043", Numbers.display("2043")); // a year keeps no separator
        assertEquals("E06000032", Numbers.display("E06000032"));
        assertEquals("", Numbers.display(""));
        assertEquals("Suppressed", Numbers.display("Suppressed"));
    }
}
