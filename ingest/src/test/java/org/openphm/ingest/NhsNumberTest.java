package org.openphm.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class NhsNumberTest {

    /**
     * Worked example of the Modulus 11 algorithm of the NHS Data Model and Dictionary (attribute NHS NUMBER),
     * as recorded in shared/reference/README.md section 7: 943 476 5919 has weighted sum 299, remainder 2,
     * check digit 11 - 2 = 9, which equals the tenth digit.
     */
    @Test
    void workedExampleIsValidInBothFormats() {
        assertNull(NhsNumber.problem(NhsNumber.normalise("9434765919")));
        assertNull(NhsNumber.problem(NhsNumber.normalise("943 476 5919")));
    }

    @Test
    void wrongCheckDigit() {
        assertEquals(NhsNumber.WRONG_CHECK_DIGIT, NhsNumber.problem("9434765918"));
    }

    /** 943476596: 9·10+4·9+3·8+4·7+7·6+6·5+5·4+9·3+6·2 = 309, remainder 1, check digit 11 - 1 = 10: invalid. */
    @Test
    void checkDigitTenIsNeverIssued() {
        assertEquals(NhsNumber.CHECK_DIGIT_10, NhsNumber.problem("9434765960"));
    }

    /** Remainder 0 gives check digit 11, which the Dictionary maps to 0. */
    @Test
    void checkDigitElevenBecomesZero() {
        // 200000001: 2·10 + 1·2 = 22, remainder 0 -> check digit 11, which becomes 0
        assertNull(NhsNumber.problem("2000000010"));
        assertEquals(NhsNumber.WRONG_CHECK_DIGIT, NhsNumber.problem("2000000011"));
    }

    @Test
    void wrongLengthOrNotDigits() {
        assertEquals(NhsNumber.NOT_TEN_DIGITS, NhsNumber.problem("943476591"));
        assertEquals(NhsNumber.NOT_TEN_DIGITS, NhsNumber.problem("94347659190"));
        assertEquals(NhsNumber.NOT_TEN_DIGITS, NhsNumber.problem("94347X5919"));
    }

    @Test
    void maskShowsOnlyTheFirstThreeDigits() {
        assertEquals("943*******", NhsNumber.mask("943 476 5919"));
        assertEquals("***", NhsNumber.mask("12"));
    }
}
