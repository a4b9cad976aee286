package org.openphm.publish.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openphm.model.CsvField;

/**
 * A small table of strings as a result file holds it: the form every chart, key point, API response and CSV
 * download is cut from. Empty cells are {@code null} (suppressed or not applicable).
 */
public record DataTable(String name, List<String> columns, List<List<String>> rows) {

    public DataTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    static DataTable fromCsv(String name, List<List<String>> records) {
        if (records.isEmpty()) {
            throw new IllegalArgumentException(name + ": no header row");
        }
        List<String> header = records.get(0);
        List<List<String>> rows = new ArrayList<>();
        for (int r = 1; r < records.size(); r++) {
            List<String> raw = records.get(r);
            if (raw.size() == 1 && raw.get(0).isEmpty()) {
                continue; // blank line
            }
            if (raw.size() != header.size()) {
                throw new IllegalArgumentException(
                        name + " line " + (r + 1) + ": " + raw.size() + " fields, header has " + header.size());
            }
            List<String> row = new ArrayList<>(raw.size());
            for (String v : raw) {
                row.add(v.isEmpty() ? null : v);
            }
            rows.add(java.util.Collections.unmodifiableList(row));
        }
        return new DataTable(name, header, rows);
    }

    /** Index of a column, or -1. */
    public int indexOf(String column) {
        return columns.indexOf(column);
    }

    public boolean has(String column) {
        return column != null && columns.contains(column);
    }

    public String get(List<String> row, String column) {
        int i = indexOf(column);
        return i < 0 ? null : row.get(i);
    }

    public Double number(List<String> row, String column) {
        return Numbers.parse(get(row, column));
    }

    /**
     * Rows whose every filtered column matches: a filter value may list alternatives as {@code "A|B"}, and
     * {@code ""} matches an empty cell (the headline row of a tidy indicator file has an empty category).
     */
    public DataTable where(Map<String, String> filter) {
        if (filter == null || filter.isEmpty()) {
            return this;
        }
        List<List<String>> kept = new ArrayList<>();
        for (List<String> row : rows) {
            if (matches(row, filter)) {
                kept.add(row);
            }
        }
        return new DataTable(name, columns, kept);
    }

    private boolean matches(List<String> row, Map<String, String> filter) {
        for (Map.Entry<String, String> f : filter.entrySet()) {
            int i = indexOf(f.getKey());
            if (i < 0) {
                return false;
            }
            String cell = row.get(i) == null ? "" : row.get(i);
            boolean any = false;
            for (String alternative : f.getValue().split("\\|", -1)) {
                if (alternative.equals(cell)) {
                    any = true;
                    break;
                }
            }
            if (!any) {
                return false;
            }
        }
        return true;
    }

    /** Whether a column holds words (names, categories) rather than numbers or codes of digits. */
    public boolean isText(String column) {
        return distinct(column).stream()
                .anyMatch(v -> v.chars().anyMatch(Character::isLetter) && Numbers.parse(v) == null);
    }

    /** Distinct non-null values of a column in first-seen order. */
    public List<String> distinct(String column) {
        int i = indexOf(column);
        List<String> out = new ArrayList<>();
        if (i < 0) {
            return out;
        }
        for (List<String> row : rows) {
            String v = row.get(i);
            if (v != null && !out.contains(v)) {
                out.add(v);
            }
        }
        return out;
    }

    /** RFC 4180 text of the whole table, for CSV downloads. */
    public String toCsv() {
        StringBuilder out = new StringBuilder();
        appendRecord(out, columns);
        for (List<String> row : rows) {
            appendRecord(out, row);
        }
        return out.toString();
    }

    private static void appendRecord(StringBuilder out, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            String v = values.get(i);
            if (v == null) {
                continue;
            }
            out.append(CsvField.forSpreadsheet(v));
        }
        out.append('\n');
    }
}
