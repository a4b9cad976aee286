package org.openphm.model.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** metadata.json is written and read through the same records, in an order that does not change between runs. */
class PackMetadataJsonTest {
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void chartMapsAreWrittenSortedWhateverOrderTheyWereBuiltIn() throws Exception {
        ChartSpec spec = ChartSpec.ofTable(
                "trend",
                "T",
                null,
                "by-place",
                Map.of("z_col", "1", "a_col", "2", "m_col", "3"),
                Map.of("y", "v", "x", "year", "series", "place"),
                null);
        assertEquals(
                "{\"kind\":\"trend\",\"title\":\"T\",\"data\":{\"table\":\"by-place\",\"filter\":{\"a_col\":\"2\","
                        + "\"m_col\":\"3\",\"z_col\":\"1\"}},\"encoding\":{\"series\":\"place\",\"x\":\"year\",\"y\":\"v\"}}",
                json.writeValueAsString(spec));
    }

    @Test
    void whatTheBuildWritesReadsBackEqual() throws Exception {
        PackMetadata written = new PackMetadata(
                7,
                "2026-12-06T10:00:00Z",
                "Synthetic",
                List.of(new PackMetadata.Section(1, "Introduction")),
                List.of(new PackMetadata.IndicatorInfo(
                        "dp-5.2-x",
                        93001,
                        "X",
                        "DP 5.2",
                        "def",
                        "src",
                        "crude",
                        "Proportion %",
                        100.0,
                        false,
                        "low_is_good",
                        null,
                        List.of("IMD quintile"),
                        List.of(),
                        List.of())),
                List.of(new PackMetadata.AnalysisInfo(
                        "dp-4.7-x",
                        "DP 4.7",
                        "T",
                        "d",
                        "m",
                        "s",
                        List.of("c"),
                        List.of(new PackMetadata.TableInfo(
                                "by-place",
                                "dp-4.7-x-by-place.csv",
                                List.of(
                                        new PackMetadata.ColumnInfo("people", "count", "People", "count", null),
                                        new PackMetadata.ColumnInfo(
                                                "cost_gbp", "number", "Cost", "derived", null, "GBP", 2),
                                        new PackMetadata.ColumnInfo(
                                                "share",
                                                "number",
                                                "Share",
                                                "derived",
                                                new PackMetadata.Derivation(
                                                        "ratio", List.of("people", "all"), 100, List.of()))))),
                        List.of(ChartSpec.ofTable("bar_ci", "B", "s", "by-place", Map.of(), Map.of("x", "place"), "%")
                                .withTableFile("dp-4.7-x-by-place.csv")))),
                new PackMetadata.DisclosureInfo(
                        7, 5, false, "policy", Map.of("indicators.csv", Map.of("count", "count"))),
                new java.util.LinkedHashMap<>(Map.of("dp-4.7-x", 0.25)),
                List.of("dp-4.7-x"));
        String text = json.writeValueAsString(written);
        assertEquals(written, json.readValue(text, PackMetadata.class));
        // a column without a derivation says nothing of one; an indicator without a comparator says so
        assertFalse(text.contains("\"derivation\":null"));
        // a rounded column states its unit and places; one published as computed states neither
        assertTrue(text.contains("\"unit\":\"GBP\",\"decimal_places\":2"), text);
        assertFalse(text.contains("\"decimal_places\":null"));
        assertTrue(text.contains("\"comparator\":null"));
    }

    @Test
    void aReaderIgnoresWhatANewerBuildAdds() throws Exception {
        PackMetadata read = json.readValue(
                "{\"schema_version\":9,\"population\":\"P\",\"new_field\":[1],"
                        + "\"analyses\":[{\"id\":\"a\",\"novel\":true,\"tables\":[{\"name\":\"t\",\"extra\":1}]}]}",
                PackMetadata.class);
        assertEquals("t", read.analyses().get(0).tables().get(0).name());
        assertTrue(read.indicators().isEmpty());
    }
}
