package org.openphm.publish.results;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the RFC 4180 CSV that {@code org.openphm.model.CsvTableWriter} writes (quoted fields may hold commas,
 * quotes and newlines; empty means null), so the pack reads results exactly as the analyses wrote them.
 * Result files are aggregates (thousands of rows, not millions), so the whole file is parsed in memory.
 */
final class CsvReader {
    private CsvReader() {}

    /** Header first, then every record. */
    static List<List<String>> read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    static List<List<String>> parse(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        int n = text.length();
        boolean atRecordStart = true;
        while (i < n) {
            char ch = text.charAt(i);
            atRecordStart = false;
            if (ch == '"' && field.length() == 0) {
                i++;
                while (i < n) {
                    char q = text.charAt(i);
                    if (q == '"' && i + 1 < n && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i += 2;
                    } else if (q == '"') {
                        i++;
                        break;
                    } else {
                        field.append(q);
                        i++;
                    }
                }
                continue;
            }
            if (ch == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (ch == '\n') {
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                atRecordStart = true;
            } else if (ch != '\r') {
                field.append(ch);
            }
            i++;
        }
        if (!atRecordStart) {
            record.add(field.toString());
            records.add(record);
        }
        return records;
    }
}
