package org.openphm.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NhsNumbersTest {

    /** NHS Digital's documented example number (NHS Data Model and Dictionary, NHS NUMBER). */
    @Test
    void publishedExampleIsValid() {
        assertEquals(9, NhsNumbers.checkDigit(943_476_591L));
        assertTrue(NhsNumbers.isValid("943 476 5919"));
        assertFalse(NhsNumbers.isValid("943 476 5918"));
    }

    /**
     * Base 401 023 213: weighted sum 4*10+0*9+1*8+0*7+2*6+3*5+2*4+1*3+3*2 = 92, remainder 4, check 7
     * (worked by hand from the Data Dictionary algorithm). Base 000 000 006: sum 12, remainder 1, check 10,
     * which the Dictionary says makes the number invalid.
     */
    @Test
    void checkDigitFollowsTheDataDictionary() {
        assertEquals(7, NhsNumbers.checkDigit(401_023_213L));
        assertEquals(-1, NhsNumbers.checkDigit(6L));
        assertEquals(0, NhsNumbers.checkDigit(0L)); // sum 0: 11 - 0 = 11, written as 0
    }

    @Test
    void generatedNumbersAreValidUniqueAndStartInTheTestRange() {
        Set<String> seen = new HashSet<>();
        for (long i = 0; i < 200_000; i++) {
            String n = NhsNumbers.of(i);
            assertTrue(NhsNumbers.isValid(n), n);
            assertTrue(seen.add(n), "duplicate " + n);
        }
        assertTrue(NhsNumbers.of(0).startsWith("999"));
        assertTrue(NhsNumbers.of(499_999).startsWith("999"));
    }
}
