package org.openphm.model;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvLineTest {

    @Test
    void splitsQuotedFieldsAsRfc4180Says() {
        assertEquals(
                List.of("E81001", "DR I SALEH'S PRACTICE", "NHS Bedfordshire, Luton and Milton Keynes", ""),
                CsvLine.split("E81001,DR I SALEH'S PRACTICE,\"NHS Bedfordshire, Luton and Milton Keynes\","));
        assertEquals(List.of("say \"hi\""), CsvLine.split("\"say \"\"hi\"\"\""));
    }

    @Test
    void readsBackWhatTheWriterWrote(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("t.csv");
        try (CsvTableWriter w = new CsvTableWriter(f, List.of("a", "b", "c"))) {
            w.row("x, y", "\"q\"", null);
        }
        assertEquals(
                List.of("x, y", "\"q\"", ""),
                CsvLine.split(Files.readAllLines(f).get(1)));
    }
}
