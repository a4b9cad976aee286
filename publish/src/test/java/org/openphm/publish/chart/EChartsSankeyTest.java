package org.openphm.publish.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openphm.publish.results.DataTable;

/**
 * The segment transitions as a Sankey: a state that people stay in is on both sides, so its two nodes must be
 * distinct (ECharts refuses a Sankey with a loop) yet labelled the same; every band joins two existing nodes.
 */
class EChartsSankeyTest {
    @Test
    @SuppressWarnings("unchecked")
    void eachStateIsANodeOnEachSideAndEveryBandJoinsTwoNodes() {
        List<Chart.Flow> flows = List.of(
                new Chart.Flow("Healthy", "Healthy", 900),
                new Chart.Flow("Healthy", "Stable", 50),
                new Chart.Flow("Stable", "Stable", 300),
                new Chart.Flow("Stable", "Left or died", 20),
                new Chart.Flow("Not yet registered", "Healthy", 40));
        Chart.Flows chart = new Chart.Flows("Movement", "a year", "", flows, new DataTable("t", List.of(), List.of()));
        Map<String, Object> o = new EChartsOptions().option(chart).orElseThrow();
        Map<String, Object> series = ((List<Map<String, Object>>) o.get("series")).get(0);
        assertEquals("sankey", series.get("type"));
        List<Map<String, Object>> nodes = (List<Map<String, Object>>) series.get("data");
        List<Map<String, Object>> links = (List<Map<String, Object>>) series.get("links");
        Set<String> names = new HashSet<>();
        nodes.forEach(n -> assertTrue(names.add((String) n.get("name")), "node names are unique: " + n));
        // Healthy, Stable and Not yet registered on the left; Healthy, Stable and Left or died on the right
        assertEquals(6, nodes.size());
        assertEquals(
                List.of("Healthy", "Stable", "Not yet registered", "Healthy", "Stable", "Left or died"),
                nodes.stream()
                        .map(n -> ((Map<String, Object>) n.get("label")).get("formatter"))
                        .toList());
        assertEquals(
                List.of(0, 0, 0, 1, 1, 1),
                nodes.stream().map(n -> n.get("depth")).toList());
        assertEquals(5, links.size());
        for (Map<String, Object> link : links) {
            assertTrue(names.contains(link.get("source")) && names.contains(link.get("target")), link.toString());
            assertTrue(!link.get("source").equals(link.get("target")), "no loop: " + link);
        }
        assertEquals(900.0, links.get(0).get("value"));
    }
}
