package org.openphm.interop;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** Reading source CSV tables record by record with the line each record starts on (the header is line 1). */
public final class SourceRows {
    private SourceRows() {}

    public record Row(String file, long line, CSVRecord record) {
        public String get(String column) {
            if (record == null || !record.isMapped(column)) {
                return null;
            }
            String v = record.isSet(column) ? record.get(column) : null;
            return v == null || v.isBlank() ? null : v.strip();
        }

        /** A record that is not a CSV row (a line of an NDJSON file): only its file and line. */
        public static Row of(String file, long line) {
            return new Row(file, line, null);
        }

        /** The record has as many fields as the header. */
        public boolean complete() {
            return record == null || record.isConsistent();
        }

        public String ref() {
            return file + ":" + line;
        }

        /** A date, or null when empty; an unreadable date throws with the field named. */
        public LocalDate date(String column) {
            String v = get(column);
            if (v == null) {
                return null;
            }
            try {
                return LocalDate.parse(v.length() > 10 ? v.substring(0, 10) : v);
            } catch (DateTimeParseException e) {
                throw new BadField(column, v, "not a date (yyyy-mm-dd)");
            }
        }

        public long id(String column) {
            String v = get(column);
            if (v == null) {
                throw new BadField(column, null, "required value missing");
            }
            try {
                return Long.parseLong(v);
            } catch (NumberFormatException e) {
                throw new BadField(column, v, "not an integer identifier");
            }
        }
    }

    /** A field that makes a source row unusable. */
    public static final class BadField extends RuntimeException {
        final String field;
        final String value;

        public BadField(String field, String value, String reason) {
            super(reason, null, false, false);
            this.field = field;
            this.value = value;
        }
    }

    /** Each record of a CSV file, or nothing when the file is absent. Returns rows read. */
    public static long each(Path file, Consumer<Row> action) throws IOException {
        return file == null ? 0 : each(file, file.getFileName().toString(), 0, action);
    }

    /**
     * Each record of a CSV file, reported as {@code label} and its line plus {@code lineOffset}: a table exported
     * from Parquet or a database is reported by its own name and row number (offset -1: line 2 is row 1).
     */
    public static long each(Path file, String label, long lineOffset, Consumer<Row> action) throws IOException {
        if (file == null || !Files.isRegularFile(file)) {
            return 0;
        }
        String name = label;
        long n = 0;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            var parser = CSVFormat.RFC4180
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .setIgnoreHeaderCase(true)
                    .get()
                    .parse(r);
            long line = 2;
            for (CSVRecord rec : parser) {
                action.accept(new Row(name, line + lineOffset, rec));
                line = parser.getCurrentLineNumber() + 1;
                n++;
            }
        } catch (java.io.UncheckedIOException e) {
            throw new IOException(name + " line ~" + n + ": " + e.getCause().getMessage(), e);
        }
        return n;
    }
}
