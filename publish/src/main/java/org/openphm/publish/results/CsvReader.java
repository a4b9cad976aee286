package org.openphm.publish.results;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    /**
     * A column with more distinct values than this (counts, values, limits) is not shared: its values rarely
     * repeat. Below it (ids, names, area codes, periods, notes) each distinct value is kept once.
     */
    private static final int SHARED_UP_TO = 4096;

    static List<List<String>> parse(String text) {
        // indicators.csv holds a quarter of a million rows of 25 fields, most of them repeats of a few thousand
        // values: held as one String each, the pack's results took half of a 1.25 GB heap and the PDF render
        // spent its time collecting garbage. Each column's repeats are now one String.
        List<Map<String, String>> shared = new ArrayList<>();
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
                record.add(shared(shared, record.size(), field));
                field.setLength(0);
            } else if (ch == '\n') {
                record.add(shared(shared, record.size(), field));
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
            record.add(shared(shared, record.size(), field));
            records.add(record);
        }
        return records;
    }

    /** The field's value, the one String already made for it in this column if the column shares its values. */
    private static String shared(List<Map<String, String>> shared, int column, StringBuilder field) {
        if (field.length() == 0) {
            return "";
        }
        while (shared.size() <= column) {
            shared.add(new HashMap<>());
        }
        Map<String, String> seen = shared.get(column);
        String value = field.toString();
        if (seen == null) {
            return value;
        }
        String kept = seen.putIfAbsent(value, value);
        if (kept != null) {
            return kept;
        }
        if (seen.size() > SHARED_UP_TO) {
            shared.set(column, null);
        }
        return value;
    }
}
