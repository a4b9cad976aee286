package org.openphm.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class AreaTypeTest {

    @Test
    void aLabelReadsBackAsItsLevelAndAnythingElseAsNone() {
        assertEquals(Optional.of(AreaType.PLACE), AreaType.ofLabel("Place"));
        assertEquals(Optional.of(AreaType.PCN), AreaType.ofLabel("PCN"));
        assertTrue(AreaType.ofLabel("place").isEmpty(), "labels are matched exactly, as files write them");
        assertTrue(AreaType.ofLabel(null).isEmpty());
        assertEquals(AreaType.ICB, AreaType.ofLabel("Place").orElseThrow().parent());
    }
}
