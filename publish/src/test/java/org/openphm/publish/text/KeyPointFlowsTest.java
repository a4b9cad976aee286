package org.openphm.publish.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openphm.publish.chart.Chart;
import org.openphm.publish.results.DataTable;

/** The key points of a Sankey of segment transitions, against counts worked by hand. */
class KeyPointFlowsTest {
    @Test
    void staysMovesAndTheLargestMovementLeavingOutArrivalsAndDepartures() {
        // stayed: 900 + 300 = 1,200; moved between groups present at both dates: 50 (Healthy -> Stable);
        // 20 left and 40 arrived count toward neither: 1,200 / 1,250 = 96.0%
        Chart.Flows f = new Chart.Flows(
                "t",
                null,
                "",
                List.of(
                        new Chart.Flow("Healthy", "Healthy", 900),
                        new Chart.Flow("Healthy", "Stable", 50),
                        new Chart.Flow("Stable", "Stable", 300),
                        new Chart.Flow("Stable", "Left or died", 20),
                        new Chart.Flow("Not yet registered", "Healthy", 40)),
                new DataTable("t", List.of(), List.of()));
        assertEquals(
                List.of(
                        "96.0% of the people in a group at both dates were in the same group at the second "
                                + "(1,200 stayed, 50 moved).",
                        "The largest movement: 50 people from Healthy to Stable."),
                new KeyPointWriter().write(f));
    }
}
