package org.openphm.model;

import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Streams rows of one canonical table to {@code <dir>/<table>.csv} (RFC 4180 quoting, ISO dates, empty = null),
 * so generators and exporters never hold a table in memory.
 */
public final class CsvTableWriter implements Closeable {
    private final Writer out;
    private final int width;
    private final boolean forSpreadsheets;
    private long rows;

    public CsvTableWriter(Path dir, Table table) throws IOException {
        this(dir.resolve(table.name() + ".csv"), table.columnNames());
    }

    public CsvTableWriter(Path file, List<String> header) throws IOException {
        this(file, header, false);
    }

    /**
     * A published file a person may open in a spreadsheet: text that a spreadsheet would run as a formula is
     * written inert ({@link CsvField#spreadsheetSafe}).
     */
    public static CsvTableWriter forSpreadsheets(Path file, List<String> header) throws IOException {
        return new CsvTableWriter(file, header, true);
    }

    private CsvTableWriter(Path file, List<String> header, boolean forSpreadsheets) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        this.width = header.size();
        this.forSpreadsheets = forSpreadsheets;
        writeRaw(header.toArray());
        rows = 0;
    }

    private CsvTableWriter(Writer out, int width) {
        this.out = out;
        this.width = width;
        this.forSpreadsheets = false;
    }

    /**
     * Rows of {@code width} columns kept in memory, rendered exactly as a file writer renders them (no header),
     * until {@link #appendTo} copies them to a file: lets rows be drawn on several threads and still be written
     * in one order.
     */
    public static CsvTableWriter inMemory(int width) {
        return new CsvTableWriter(new TextBuffer(), width);
    }

    /** Appends this in-memory writer's rows to {@code target}, which counts them as its own. */
    public void appendTo(CsvTableWriter target) throws IOException {
        if (!(out instanceof TextBuffer text)) {
            throw new IllegalStateException("only an in-memory writer's rows can be appended to another writer");
        }
        if (target.width != width || target.forSpreadsheets) {
            throw new IllegalArgumentException("rows of " + width + " columns cannot be appended to a writer of "
                    + target.width + (target.forSpreadsheets ? " columns for spreadsheets" : " columns"));
        }
        text.writeTo(target.out);
        target.rows += rows;
    }

    /** Writes one row; values are rendered with toString, null as empty. */
    public void row(Object... values) throws IOException {
        if (values.length != width) {
            throw new IllegalArgumentException("expected " + width + " values, got " + values.length);
        }
        writeRaw(values);
        rows++;
    }

    public long rows() {
        return rows;
    }

    private void writeRaw(Object[] values) throws IOException {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            Object v = values[i];
            if (v != null) {
                out.write(forSpreadsheets ? CsvField.forSpreadsheet(v.toString()) : CsvField.quote(v.toString()));
            }
        }
        out.write('\n');
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    /** An unsynchronised StringWriter: each buffer is filled by one thread, then read once. */
    private static final class TextBuffer extends Writer {
        private final StringBuilder text = new StringBuilder(1 << 12);

        @Override
        public void write(int c) {
            text.append((char) c);
        }

        @Override
        public void write(String s) {
            text.append(s);
        }

        @Override
        public void write(char[] chars, int off, int len) {
            text.append(chars, off, len);
        }

        void writeTo(Writer w) throws IOException {
            w.append(text);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }
}
