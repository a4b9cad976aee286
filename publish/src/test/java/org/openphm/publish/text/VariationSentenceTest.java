package org.openphm.publish.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openphm.publish.chart.Chart;
import org.openphm.publish.chart.SpcIcon;
import org.openphm.publish.chart.SpcPointType;
import org.openphm.publish.results.DataTable;

class VariationSentenceTest {
    private static final DataTable NO_ROWS = new DataTable("t", List.of("x"), List.of());
    private static final List<String> MONTHS =
            List.of("2025-01", "2025-02", "2025-03", "2025-04", "2025-05", "2025-06");

    private static Chart.Spc chart(List<SpcPointType> types, SpcIcon variation) {
        List<Double> values = new ArrayList<>(Collections.nCopies(MONTHS.size(), 300.0));
        List<Double> limit = new ArrayList<>(Collections.nCopies(MONTHS.size(), 300.0));
        return new Chart.Spc(
                "Virtual wards capacity",
                "",
                "beds",
                "beds",
                MONTHS,
                values,
                limit,
                limit,
                limit,
                null,
                types,
                variation,
                null,
                NO_ROWS);
    }

    @Test
    void aCommonCauseLatestMonthNamesTheEarlierSpecialCauseMonthsInRuns() {
        SpcPointType c = SpcPointType.COMMON_CAUSE;
        Chart.Spc s = chart(
                List.of(SpcPointType.IMPROVEMENT, c, SpcPointType.CONCERN, SpcPointType.CONCERN, c, c),
                SpcIcon.COMMON_CAUSE);
        assertEquals(
                "Latest month (2025-06): common cause variation; 3 earlier months showed special cause: "
                        + "improvement in 2025-01; concern in 2025-03 to 2025-04.",
                VariationSentence.of(s));
    }

    @Test
    void aSpecialCauseLatestMonthSaysTheEarlierOnesAlsoShowedIt() {
        SpcPointType n = SpcPointType.NEITHER;
        SpcPointType c = SpcPointType.COMMON_CAUSE;
        Chart.Spc s = chart(List.of(n, c, n, c, c, n), SpcIcon.NEITHER_HIGH);
        assertEquals(
                "Latest month (2025-06): special cause variation, higher (no judgement); 2 earlier months "
                        + "also showed special cause: neither improvement nor concern in 2025-01 and 2025-03.",
                VariationSentence.of(s));
    }

    @Test
    void commonCauseThroughoutSaysSo() {
        Chart.Spc s = chart(Collections.nCopies(6, SpcPointType.COMMON_CAUSE), SpcIcon.COMMON_CAUSE);
        assertEquals(
                "Latest month (2025-06): common cause variation; no earlier month shows special cause.",
                VariationSentence.of(s));
        assertNull(
                VariationSentence.of(chart(Collections.nCopies(6, SpcPointType.COMMON_CAUSE), null)),
                "a run chart has no icon and no variation sentence");
    }

    @Test
    void anIconThatContradictsTheLatestPointIsNotDrawn() {
        List<SpcPointType> types = new ArrayList<>(Collections.nCopies(6, SpcPointType.COMMON_CAUSE));
        types.set(5, SpcPointType.CONCERN);
        assertThrows(IllegalArgumentException.class, () -> chart(types, SpcIcon.COMMON_CAUSE));
    }
}
