package org.openphm.stats.sdc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The primary rule at its boundaries. Rule text (sdc/disclosure_control_rules.csv, row NHSD_CCG_OIS, from the
 * CCG OIS 2.6 specification v1.15, Dec 2018): "Numerator and denominator values of 1 to 7 are suppressed
 * ... CCG-level numerators are rounded to the nearest 5". Row OPENSAFELY (opensafely/documentation
 * docs/releasing-files.md): "Redact any count &lt;= 7 ... then round counts to the nearest 5".
 */
class DisclosureRuleTest {

    private final DisclosureRule nhs = DisclosureRule.nhsDefault();

    @Test
    void suppressesOneToSevenAndPublishesZero() {
        assertFalse(nhs.suppresses(0));
        for (long c = 1; c <= 7; c++) {
            assertTrue(nhs.suppresses(c), "count " + c);
        }
        assertFalse(nhs.suppresses(8));
    }

    @Test
    void roundsToTheNearestFive() {
        assertEquals(0, nhs.round(0));
        assertEquals(10, nhs.round(8)); // 8 is 2 from 10, 3 from 5
        assertEquals(10, nhs.round(12));
        assertEquals(15, nhs.round(13));
        assertEquals(600, nhs.round(602));
        assertEquals(20, new DisclosureRule(7, 10, false).round(15)); // a half rounds up
    }

    /** UK LLC (sdc/disclosure_control_rules.csv row UK_LLC): "counts &lt; 10 (including zero)", no rounding. */
    @Test
    void zeroCanBeSuppressedByChoice() {
        DisclosureRule ukLlc = new DisclosureRule(9, 1, true);
        assertTrue(ukLlc.suppresses(0));
        assertTrue(ukLlc.suppresses(9));
        assertFalse(ukLlc.suppresses(10));
        assertEquals(11, ukLlc.round(11));
    }
}
