package org.openphm.synth;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openphm.model.CsvTableWriter;
import org.openphm.model.Table;

/** The open output files of one generation run, one per canonical table, opened on first use. */
public final class TableSinks implements Closeable {
    private final Path dir;
    private final Map<String, CsvTableWriter> writers = new LinkedHashMap<>();

    public TableSinks(Path dir) {
        this.dir = dir;
    }

    public CsvTableWriter of(Table table) throws IOException {
        CsvTableWriter w = writers.get(table.name());
        if (w == null) {
            w = new CsvTableWriter(dir, table);
            writers.put(table.name(), w);
        }
        return w;
    }

    /** Rows written so far per table, in the order the tables were opened. */
    public Map<String, Long> rowCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        writers.forEach((name, w) -> counts.put(name, w.rows()));
        return counts;
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (CsvTableWriter w : writers.values()) {
            try {
                w.close();
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
