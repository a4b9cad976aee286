package org.openphm.publish.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openphm.publish.results.DataTable;

/** The dashboard's heat map keeps one order across and down, and names its value formatter. */
class EChartsHeatmapOrderTest {
    @Test
    @SuppressWarnings("unchecked")
    void columnsFollowTheRowsSoAConditionWithItselfIsOnTheDiagonal() {
        // as the full build's matrix comes: rows A, B, C and "All patients"; columns first seen B, C, A
        List<String> rows = List.of("A", "B", "C", "All patients");
        List<String> columns = List.of("B", "C", "A");
        List<List<Double>> values = List.of(
                Arrays.asList(10.0, 20.0, null),
                Arrays.asList(null, 30.0, 40.0),
                Arrays.asList(50.0, null, 60.0),
                Arrays.asList(1.0, 2.0, 3.0));
        Chart.Heatmap h = new Chart.Heatmap(
                "M", null, "%", rows, columns, values, true, new DataTable("m", List.of(), List.of()));
        Map<String, Object> o = new EChartsOptions().option(h).orElseThrow();
        assertEquals(List.of("A", "B", "C"), ((Map<String, Object>) o.get("xAxis")).get("data"));
        assertEquals(List.of("All patients", "C", "B", "A"), ((Map<String, Object>) o.get("yAxis")).get("data"));
        List<List<Object>> data = (List<List<Object>>)
                ((List<Map<String, Object>>) o.get("series")).get(0).get("data");
        // row A (top, y = 3): B = 10 at x 1, C = 20 at x 2; A with A missing (the diagonal stays empty)
        assertTrue(data.contains(List.of(1, 3, 10.0)), data.toString());
        assertTrue(data.contains(List.of(2, 3, 20.0)), data.toString());
        // row C (y = 1): B = 50 at x 1, A = 60 at x 0
        assertTrue(data.contains(List.of(1, 1, 50.0)) && data.contains(List.of(0, 1, 60.0)), data.toString());
        Map<String, Object> label = (Map<String, Object>)
                ((List<Map<String, Object>>) o.get("series")).get(0).get("label");
        assertEquals("one-decimal", label.get("formatter"));
        assertEquals(
                0, ((Map<String, Object>) ((Map<String, Object>) o.get("yAxis")).get("axisLabel")).get("interval"));
    }
}
