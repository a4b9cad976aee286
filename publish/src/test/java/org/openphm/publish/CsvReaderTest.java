package org.openphm.publish.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

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

    @Test
    void aColumnsRepeatedValuesAreOneStringUntilTheColumnHasTooManyToShare() {
        StringBuilder csv = new StringBuilder("area,count\n");
        for (int i = 0; i < 10_000; i++) {
            csv.append(i % 2 == 0 ? "E54000024" : "E06000032")
                    .append(',')
                    .append(i)
                    .append('\n');
        }
        List<List<String>> records = CsvReader.parse(csv.toString());
        assertEquals(10_001, records.size());
        assertEquals("E54000024", records.get(1).get(0));
        assertEquals("E06000032", records.get(2).get(0));
        assertSame(records.get(1).get(0), records.get(9_999).get(0), "a repeated area code is one String");
        List<List<String>> twice = CsvReader.parse("n\n5000\n5000\n");
        assertSame(twice.get(1).get(0), twice.get(2).get(0), "a number repeated in a short column is one String");
        // past 4,096 distinct values a column is no longer shared (its values are mostly distinct: counts, values)
        StringBuilder wide = new StringBuilder("n\n");
        for (int i = 0; i < 5_000; i++) {
            wide.append(i).append('\n');
        }
        wide.append("4999\n");
        List<List<String>> many = CsvReader.parse(wide.toString());
        assertEquals("4999", many.get(5_001).get(0));
        assertNotSame(
                many.get(5_000).get(0), many.get(5_001).get(0), "a column of mostly distinct values is not shared");
    }
}
