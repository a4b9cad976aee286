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
    private long rows;

    public CsvTableWriter(Path dir, Table table) throws IOException {
        this(dir.resolve(table.name() + ".csv"), table.columnNames());
    }

    public CsvTableWriter(Path file, List<String> header) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        this.width = header.size();
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

    public long rows() { return rows; }

    private void writeRaw(Object[] values) throws IOException {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            Object v = values[i];
            if (v != null) {
                out.write(CsvField.quote(v.toString()));
            }
        }
        out.write('\n');
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
