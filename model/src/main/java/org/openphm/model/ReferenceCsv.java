package org.openphm.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The one reader of the reference tables shipped inside the modules (code lists, standard populations, unit
 * costs, registries): a header row names the fields, lines starting with # are comments, blank lines are
 * skipped, and anything wrong (a missing resource, column or value, a value that is no number) fails naming the
 * resource, line and field, because reference data is part of the program and a wrong file is a build fault.
 */
public final class ReferenceCsv {
    private ReferenceCsv() {}

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setCommentMarker('#')
            .setIgnoreEmptyLines(true)
            .setTrim(true)
            .get();

    /** The same, for tables whose published names contain commas: fields split at '|', no quoting. */
    private static final CSVFormat PIPED =
            FORMAT.builder().setDelimiter('|').setQuote(null).get();

    /** One data row, with where it came from. */
    public record Row(String resource, long line, Map<String, String> fields) {

        /** The field's text; it must be present and not empty. */
        public String get(String column) {
            String v = optional(column);
            if (v.isEmpty()) {
                throw fault(column, "is empty");
            }
            return v;
        }

        /** The field's text, "" when empty; the column must exist. */
        public String optional(String column) {
            String v = fields.get(column);
            if (v == null) {
                throw fault(column, "is not a column (columns: " + fields.keySet() + ")");
            }
            return v;
        }

        public int integer(String column) {
            String v = get(column);
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw fault(column, "'" + v + "' is not a whole number");
            }
        }

        /** A whole number beyond int's range (a vocabulary's concept id). */
        public long longInteger(String column) {
            String v = get(column);
            try {
                return Long.parseLong(v);
            } catch (NumberFormatException e) {
                throw fault(column, "'" + v + "' is not a whole number");
            }
        }

        /** A whole number, or empty when the field is empty. */
        public OptionalInt optionalInteger(String column) {
            return optional(column).isEmpty() ? OptionalInt.empty() : OptionalInt.of(integer(column));
        }

        public double number(String column) {
            String v = get(column);
            try {
                return Double.parseDouble(v);
            } catch (NumberFormatException e) {
                throw fault(column, "'" + v + "' is not a number");
            }
        }

        /** A fault in this row's field, naming resource, line and field. */
        public IllegalStateException fault(String column, String what) {
            return new IllegalStateException(resource + " line " + line + ", field " + column + ": " + what);
        }
    }

    /**
     * The rows of a resource, found as {@link Class#getResource} finds it: relative to the anchor class's package,
     * or from the classpath root when it starts with "/".
     */
    public static List<Row> read(Class<?> anchor, String resource) {
        InputStream in = anchor.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("reference table " + resource + " is missing from the classpath of "
                    + anchor.getName() + " (a build fault: the resource should be in the module's jar)");
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return rows(reader, resource);
        } catch (IOException e) {
            throw new UncheckedIOException(resource + ": " + e.getMessage(), e);
        }
    }

    /** The rows of a pipe-separated resource (see {@link #read(Class, String)}). */
    public static List<Row> readPiped(Class<?> anchor, String resource) {
        InputStream in = anchor.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("reference table " + resource + " is missing from the classpath of "
                    + anchor.getName() + " (a build fault: the resource should be in the module's jar)");
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return rows(reader, resource, PIPED);
        } catch (IOException e) {
            throw new UncheckedIOException(resource + ": " + e.getMessage(), e);
        }
    }

    /** The rows of CSV text (a file a user supplied, say), named as {@code source} in every message. */
    public static List<Row> rows(Reader reader, String source) throws IOException {
        return rows(reader, source, FORMAT);
    }

    private static List<Row> rows(Reader reader, String source, CSVFormat format) throws IOException {
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser =
                CSVParser.builder().setReader(reader).setFormat(format).get()) {
            for (CSVRecord r : parser) {
                if (!r.isConsistent()) {
                    throw new IllegalStateException(source + " line " + parser.getCurrentLineNumber() + ": " + r.size()
                            + " fields where the header has "
                            + parser.getHeaderNames().size());
                }
                rows.add(new Row(source, parser.getCurrentLineNumber(), r.toMap()));
            }
        } catch (java.io.UncheckedIOException | IllegalArgumentException e) {
            throw new IllegalStateException(source + ": not a readable CSV table: " + e.getMessage(), e);
        }
        return List.copyOf(rows);
    }
}
