package org.openphm.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one line of RFC 4180 CSV — the inverse of {@link CsvTableWriter}'s quoting — for the small reference
 * and oracle files read line by line. Files that may hold line breaks inside quotes (supplier extracts) go
 * through ingest's streaming reader instead.
 */
public final class CsvLine {
    private CsvLine() {}

    /** Fields of the line: commas inside double quotes belong to the field, and "" is one quote. */
    public static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
