package org.openphm.synth.feeds;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.openphm.synth.icb.SyntheticIcbDefinition;

class FeedContextTest {

    /**
     * The feeds are BLMK's published tables (its 1,139,000 registered patients, DP 1.2): staff, spend and waiting
     * lists scale with the patients generated over BLMK's size, whichever ICB borrows them. Before 7 December a
     * borrowing ICB scaled over its own size, so Northmoor at its 620,000 had BLMK's whole workforce.
     */
    @Test
    void borrowedTablesScaleOverTheSizeOfTheIcbTheyWerePublishedFor() {
        SyntheticIcbDefinition northmoor = SyntheticIcbDefinition.load("northmoor");
        assertEquals(620_000 / 1_139_000.0, new FeedContext(1, 620_000, northmoor).scale(), 1e-12);
        SyntheticIcbDefinition blmk = SyntheticIcbDefinition.load("blmk");
        assertEquals(1.0, new FeedContext(1, 1_139_000, blmk).scale(), 0.0);
        assertEquals(0.5, new FeedContext(1, 569_500, blmk).scale(), 0.0);
    }
}
