package org.openphm.interop;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openphm.model.CanonicalSchema;

/**
 * Condition records folded into register entries: one per person and register, diagnosed at the first record
 * and resolved only when every record has ended (the latest end), the way a QOF register holds a person.
 */
final class RegisterEntries {
    private static final class Entry {
        LocalDate first;
        String firstSource;
        boolean open;
        LocalDate lastEnd;
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();

    void add(String personId, String register, LocalDate start, LocalDate end, String source) {
        Entry e = entries.computeIfAbsent(personId + "\u0000" + register, k -> new Entry());
        if (e.first == null || start.isBefore(e.first)) {
            e.first = start;
            e.firstSource = source;
        }
        if (end == null) {
            e.open = true;
        } else if (e.lastEnd == null || end.isAfter(e.lastEnd)) {
            e.lastEnd = end;
        }
    }

    void writeTo(CanonicalFiles files) {
        entries.forEach((key, e) -> {
            String[] k = key.split("\u0000");
            files.write(CanonicalSchema.CONDITION, e.firstSource, k[0], k[1], e.first, e.open ? null : e.lastEnd);
        });
    }
}
