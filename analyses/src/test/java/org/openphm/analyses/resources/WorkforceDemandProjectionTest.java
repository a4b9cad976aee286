package org.openphm.analyses.resources;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.openphm.analyses.catalogue.AnalysisTable;

/**
 * DP 12.1 by hand. Community demand 100 (2024) -> 130 (2034) -> 169 (2044): index 1.3 and 1.69; mental health
 * 50 -> 55 -> 75: 1.1 and 1.5; children have no series. RV3 community nurses 9.5 WTE need 12.35 (+2.85) and
 * 16.055 (+6.555); RWK mental health doctors 4.0 need 4.4 (+0.4) and 6.0 (+2.0); RWK children's staff 3.0 keep 3.0
 * (no demand series: no index, no growth). Published to hundredths: 16.055 -> 16.06, 6.555 -> 6.56.
 */
class WorkforceDemandProjectionTest {

    @Test
    void todaysRatiosTimesDemandIndex() {
        List<WorkforceDemandProjection.Staff> staff = List.of(
                new WorkforceDemandProjection.Staff("RWK", "mental health", "Medical and Dental", 4, 4.0),
                new WorkforceDemandProjection.Staff("RV3", "community", "Nursing", 10, 9.5),
                new WorkforceDemandProjection.Staff("RWK", "children", "Nursing", 3, 3.0));
        Map<String, SortedMap<Integer, Double>> demand = new LinkedHashMap<>();
        demand.put("community", new TreeMap<>(Map.of(2024, 100.0, 2034, 130.0, 2044, 169.0)));
        demand.put("mental health", new TreeMap<>(Map.of(2024, 50.0, 2034, 55.0, 2044, 75.0)));

        List<AnalysisTable> t = WorkforceDemandProjection.tables(staff, demand, 2024);
        AnalysisTable detail = t.get(1);
        assertEquals(
                List.of(
                        "organisation",
                        "service_area",
                        "staff_group",
                        "headcount",
                        "wte_today",
                        "demand_index_2033_34",
                        "wte_needed_2033_34",
                        "extra_wte_2033_34",
                        "demand_index_2043_44",
                        "wte_needed_2043_44",
                        "extra_wte_2043_44"),
                detail.columnNames());
        // most extra staff by 2043/44 first
        assertEquals(
                Arrays.asList("RV3", "community", "Nursing", 10L, 9.5, 1.3, 12.35, 2.85, 1.69, 16.06, 6.56),
                detail.rows().get(0));
        assertEquals(
                Arrays.asList("RWK", "mental health", "Medical and Dental", 4L, 4.0, 1.1, 4.4, 0.4, 1.5, 6.0, 2.0),
                detail.rows().get(1));
        assertEquals(
                Arrays.asList("RWK", "children", "Nursing", 3L, 3.0, null, 3.0, 0.0, null, 3.0, 0.0),
                detail.rows().get(2));

        AnalysisTable areas = t.get(0);
        assertEquals(
                Arrays.asList("community", 9.5, 1.3, 12.35, 2.85, 1.69, 16.06, 6.56),
                areas.rows().get(1));
        assertEquals("children", areas.rows().get(0).get(0));
        assertEquals(3, areas.rows().size());
    }
}
