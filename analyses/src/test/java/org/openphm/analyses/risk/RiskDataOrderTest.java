package org.openphm.analyses.risk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * The cohort is put in person order from each streamed row's number in person_id order, as the engine gives it:
 * the numbers are inverted into rows, and anything but one number per person is refused rather than read as an
 * order (a join that doubled or lost people would otherwise misalign outcomes and scores silently).
 */
class RiskDataOrderTest {
    @Test
    void rowsArePutInTheOrderTheirNumbersGive() {
        // streamed rows 0..4 are 3rd, 1st, 5th, 2nd and 4th in person order
        int[] personRow = {2, 0, 4, 1, 3, 99}; // the array may be longer than the rows read
        assertArrayEquals(new int[] {1, 3, 0, 4, 2}, RiskData.personOrder(personRow, 5));
    }

    @Test
    void aRepeatedOrMissingNumberIsRefused() {
        IllegalStateException repeated =
                assertThrows(IllegalStateException.class, () -> RiskData.personOrder(new int[] {0, 1, 1}, 3));
        org.junit.jupiter.api.Assertions.assertTrue(repeated.getMessage().contains("row 2 numbered 2 of 3"));
        assertThrows(IllegalStateException.class, () -> RiskData.personOrder(new int[] {0, 3, 1}, 3));
        assertThrows(IllegalStateException.class, () -> RiskData.personOrder(new int[] {-1, 0, 1}, 3));
    }
}
