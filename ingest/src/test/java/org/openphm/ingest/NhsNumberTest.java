package org.openphm.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NhsNumberTest {

    /**
     * Worked example of the Modulus 11 algorithm of the NHS Data Model and Dictionary (attribute NHS NUMBER),
     * worked by hand: 943 476 5919 has weighted sum 299, remainder 2,
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

    /**
     * Every way a person writes a 10-digit NHS number, alone or inside other text, keeps only its first three
     * digits; the SQL form (used on stored quarantine rows) gives exactly what the Java form (messages) gives.
     */
    @Test
    void maskAllCoversEveryWrittenFormInJavaAndSql() throws Exception {
        Map<String, String> forms = new LinkedHashMap<>();
        forms.put("4010000260", "401*******");
        forms.put("401 000 0260", "401*******");
        forms.put("401-000-0260", "401*******");
        forms.put("401.000.0260", "401*******");
        forms.put("401-000 0260", "401*******");
        forms.put("401 000.0260", "401*******");
        forms.put("abc4010000260x", "abc401*******x");
        forms.put("NHS:401 000 0260", "NHS:401*******");
        forms.put("4010000260,401-000-0260,401.000.0260", "401*******,401*******,401*******");
        forms.put("p4,F,1950-01,A,E01000001,,,401-000-0260", "p4,F,1950-01,A,E01000001,,,401*******");
        forms.put("line one\n9990000018\n", "line one\n999*******\n");
        // not NHS numbers: left as they are
        forms.put("40100002601", "40100002601");
        forms.put("2024-01-01", "2024-01-01");
        forms.put("E01000001", "E01000001");
        forms.put("01234 567890", "01234 567890");
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
                PreparedStatement ps = db.prepareStatement("SELECT " + NhsNumber.maskAllSql("CAST(? AS VARCHAR)"))) {
            for (Map.Entry<String, String> form : forms.entrySet()) {
                assertEquals(form.getValue(), NhsNumber.maskAll(form.getKey()), "Java: " + form.getKey());
                ps.setString(1, form.getKey());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertEquals(form.getValue(), rs.getString(1), "SQL: " + form.getKey());
                }
            }
        }
        assertNull(NhsNumber.maskAll(null));
    }
}
