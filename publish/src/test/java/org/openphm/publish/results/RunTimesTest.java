package org.openphm.publish.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openphm.model.results.PackMetadata;
import org.openphm.publish.fixture.CataloguePack;

/** metadata.json says how long each analysis and indicator family of a real build took, and the whole build. */
class RunTimesTest {

    @Test
    void everyAnalysisAndTheTotalHaveARunTime() {
        PackMetadata metadata = CataloguePack.results().metadata();
        Map<String, Double> seconds = metadata.runSeconds();
        List<String> missing = metadata.analyses().stream()
                .map(PackMetadata.AnalysisInfo::id)
                .filter(id -> !seconds.containsKey(id))
                .toList();
        assertEquals(List.of(), missing);
        double total = seconds.get("Total");
        assertTrue(total > 0);
        double parts = seconds.entrySet().stream()
                .filter(e -> !e.getKey().equals("Total"))
                .mapToDouble(Map.Entry::getValue)
                .sum();
        // families are counted in parallel with each other and with the analyses, so the parts may exceed the
        // total, but every one of them lies within it
        assertTrue(seconds.values().stream().allMatch(s -> s >= 0 && s <= total), seconds.toString());
        assertTrue(parts > 0);
        assertEquals("Total", List.copyOf(seconds.keySet()).get(seconds.size() - 1), "the total comes last");
    }
}
