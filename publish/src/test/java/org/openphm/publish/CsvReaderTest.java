package org.openphm.publish.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openphm.model.CsvTableWriter;

class CsvReaderTest {
    @Test
    void readsBackWhatTheModelsCsvWriterWrites(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("t.csv");
        try (CsvTableWriter w = new CsvTableWriter(file, List.of("a", "b", "c"))) {
            w.row("Bedfordshire, Luton and Milton Keynes", "say \"hi\"", null);
            w.row("two\nlines", 3.5, "£ ≥ –");
        }
        DataTable t = DataTable.fromCsv("t", CsvReader.read(file));
        assertEquals(List.of("a", "b", "c"), t.columns());
        assertEquals("Bedfordshire, Luton and Milton Keynes", t.rows().get(0).get(0));
        assertEquals("say \"hi\"", t.rows().get(0).get(1));
        assertNull(t.rows().get(0).get(2));
        assertEquals("two\nlines", t.rows().get(1).get(0));
        assertEquals(3.5, t.number(t.rows().get(1), "b"));
        assertEquals("£ ≥ –", t.rows().get(1).get(2));
        // And the table writes itself back out byte for byte.
        assertEquals(Files.readString(file), t.toCsv());
    }

    @Test
    void filtersAcceptAlternativesAndEmptyMeansTheHeadlineRow() {
        DataTable t = DataTable.fromCsv("t", CsvReader.parse("area,category\nLuton,\nLuton,Female\nBedford,\n"));
        assertEquals(
                1,
                t.where(java.util.Map.of("area", "Luton", "category", ""))
                        .rows()
                        .size());
        assertEquals(
                2,
                t.where(java.util.Map.of("area", "Luton|Bedford", "category", ""))
                        .rows()
                        .size());
    }
}
