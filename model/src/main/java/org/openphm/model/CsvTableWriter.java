package org.openphm.model;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Streams rows of one canonical table to {@code <dir>/<table>.csv} (RFC 4180 quoting, ISO dates, empty = null),
 * so generators and exporters never hold a table in memory.
 */
public final class CsvTableWriter implements Closeable {
    private final BufferedWriter out;
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
}
