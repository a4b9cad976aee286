package org.openphm.publish.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChartLabelsTest {
    private static final String ICB = "NHS Bedfordshire, Luton and Milton Keynes Integrated Care Board";

    @Test
    void theIcbStatutoryNameIsShortenedOnChartsOnly() {
        assertEquals("Bedfordshire, Luton and Milton Keynes ICB", Palette.shortAreaName(ICB));
        assertEquals("Luton", Palette.shortAreaName("Luton"));
        assertEquals("England", Palette.shortAreaName("England"));
    }

    @Test
    void anAnalysisColumnComparedToTheIcbNamesTheIcbReferenceLine() {
        List<Chart.Reference> refs = List.of(new Chart.Reference("England", 10.4), new Chart.Reference(ICB, 8.2));
        assertEquals(ICB, ChartResolver.comparedTo("compared_to_icb", refs));
        assertEquals(ICB, ChartResolver.comparedTo("compared_to_parent", refs));
        assertEquals("England", ChartResolver.comparedTo("compared_to_england", refs));
        assertEquals("the area as a whole", ChartResolver.comparedTo("compared_to_area", List.of()));
        assertEquals(null, ChartResolver.comparedTo(null, refs));
    }
}
