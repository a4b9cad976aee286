package org.openphm.interop;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.openphm.model.Table;
import org.openphm.model.WorkspaceLayout;

/**
 * The canonical files an adapter writes into its staging folder, one per table, each row carrying where it came
 * from ({@code _source} = source file and line) so the ordinary ingest can name that file and line when it
 * quarantines the row. The folder holds patient-level data: the caller deletes it when the ingest ends.
 */
public final class CanonicalFiles implements AutoCloseable {
    private final Path dir;
    private final Map<String, CSVPrinter> open = new LinkedHashMap<>();
    private final Map<String, Long> written = new LinkedHashMap<>();

    public CanonicalFiles(Path dir) throws IOException {
        this.dir = Files.createDirectories(dir);
    }

    public Path dir() {
        return dir;
    }

    /**
     * One row of {@code table}: values in the table's column order (null = empty); {@code source} is
     * {@code file:line}, or null for a row the adapter made up under a stated policy.
     */
    public void write(Table table, String source, Object... values) {
        if (values.length != table.columns().size()) {
            throw new IllegalArgumentException(
                    table.name() + " has " + table.columns().size() + " columns, got " + values.length + " values");
        }
        try {
            CSVPrinter p = printer(table);
            List<Object> row = new ArrayList<>(values.length + 1);
            for (Object v : values) {
                row.add(v == null ? "" : v.toString());
            }
            row.add(source == null ? "" : source);
            p.printRecord(row);
            written.merge(table.name(), 1L, Long::sum);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the staged " + table.name() + " file in " + dir, e);
        }
    }

    /** Creates the table's file with its header even when no row is written. */
    public void touch(Table table) throws IOException {
        printer(table);
    }

    /** Rows written per canonical table. */
    public long written(Table table) {
        return written.getOrDefault(table.name(), 0L);
    }

    private CSVPrinter printer(Table table) throws IOException {
        CSVPrinter p = open.get(table.name());
        if (p == null) {
            BufferedWriter w = Files.newBufferedWriter(dir.resolve(table.name() + ".csv"), StandardCharsets.UTF_8);
            List<String> header = new ArrayList<>(table.columnNames());
            header.add(WorkspaceLayout.SOURCE_REF_COLUMN);
            p = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get().print(w);
            p.printRecord(header);
            open.put(table.name(), p);
        }
        return p;
    }

    @Override
    public void close() throws IOException {
        for (CSVPrinter p : open.values()) {
            p.close();
        }
        open.clear();
    }
}
