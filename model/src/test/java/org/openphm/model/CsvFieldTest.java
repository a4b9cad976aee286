package org.openphm.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Payloads from OWASP's "CSV Injection" page (owasp.org/www-community/attacks/CSV_Injection). */
class CsvFieldTest {

    @Test
    void formulaTriggersAreMadeText() {
        assertEquals("'=HYPERLINK(\"http://x\")", CsvField.spreadsheetSafe("=HYPERLINK(\"http://x\")"));
        assertEquals("'+cmd|' /C calc'!A0", CsvField.spreadsheetSafe("+cmd|' /C calc'!A0"));
        assertEquals("'-2+3+cmd|' /C calc'!A0", CsvField.spreadsheetSafe("-2+3+cmd|' /C calc'!A0"));
        assertEquals("'@SUM(1+1)*cmd|' /C calc'!A0", CsvField.spreadsheetSafe("@SUM(1+1)*cmd|' /C calc'!A0"));
        assertEquals("'\t=1+1", CsvField.spreadsheetSafe("\t=1+1"));
        assertEquals("'\r=1+1", CsvField.spreadsheetSafe("\r=1+1"));
    }

    @Test
    void numbersAndOrdinaryTextAreUnchanged() {
        for (String s :
                new String[] {"-12", "+3.5", "-0.000123", "-1.2E-4", "abc", "", "Luton", "a=b", "401-000-0260"}) {
            assertEquals(s, CsvField.spreadsheetSafe(s));
        }
        // A sign followed by text is not a number.
        assertEquals("'-", CsvField.spreadsheetSafe("-"));
        assertEquals("'-1-2", CsvField.spreadsheetSafe("-1-2"));
    }

    @Test
    void quotingFollowsRfc4180() {
        assertEquals("plain", CsvField.quote("plain"));
        assertEquals("\"a,b\"", CsvField.quote("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", CsvField.quote("say \"hi\""));
        assertEquals("\"'=1,2\"", CsvField.forSpreadsheet("=1,2"));
    }
}
