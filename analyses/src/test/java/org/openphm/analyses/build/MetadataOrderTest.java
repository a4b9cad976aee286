package org.openphm.analyses.build;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** metadata.json is the same file on every run: no map is written in a per-JVM iteration order. */
class MetadataOrderTest {

    @Test
    void immutableMapsAreSortedAndOrderedOnesKeepTheirOrder() {
        Map<String, Object> ordered = new LinkedHashMap<>();
        ordered.put("z", Map.of("y", 1, "b", 2, "m", 3));
        ordered.put("a", List.of(Map.of("k2", "v", "k1", "v")));
        Object stable = MetadataFile.stableOrder(ordered);
        assertEquals("{z={b=2, m=3, y=1}, a=[{k1=v, k2=v}]}", stable.toString());
    }
}
