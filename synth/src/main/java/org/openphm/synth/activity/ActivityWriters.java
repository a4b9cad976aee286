package org.openphm.synth.activity;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openphm.model.CanonicalSchema;
import org.openphm.model.CsvTableWriter;
import org.openphm.model.Table;
import org.openphm.synth.TableSinks;

/**
 * Opens the activity tables. With pseudonymised identifiers they are the run's shared TableSinks; with raw
 * NHS numbers the files carry {@code nhs_number} in place of {@code person_id} (same position, every other
 * column as CanonicalSchema declares it), which TableSinks cannot write, so this class opens those files
 * itself in the output directory and closes them.
 */
final class ActivityWriters implements Closeable {
    private final boolean rawNhsNumbers;
    private final Path dir;
    private final Map<String, CsvTableWriter> own = new LinkedHashMap<>();

    ActivityWriters(boolean rawNhsNumbers, Path dir) {
        if (rawNhsNumbers && dir == null) {
            throw new IllegalArgumentException("raw NHS numbers need the output directory");
        }
        this.rawNhsNumbers = rawNhsNumbers;
        this.dir = dir;
    }

    /** The header of a patient-level table as written: person_id, or nhs_number in its place. */
    static List<String> header(Table table, boolean rawNhsNumbers) {
        return table.columnNames().stream()
                .map(c -> rawNhsNumbers && c.equals(CanonicalSchema.PERSON_ID) ? CanonicalSchema.NHS_NUMBER : c)
                .toList();
    }

    synchronized CsvTableWriter of(Table table, TableSinks sinks) throws IOException {
        if (!rawNhsNumbers) {
            return sinks.of(table);
        }
        CsvTableWriter w = own.get(table.name());
        if (w == null) {
            w = new CsvTableWriter(dir.resolve(table.name() + ".csv"), header(table, true));
            own.put(table.name(), w);
        }
        return w;
    }

    /** Rows written to the files this class opened itself (raw NHS number runs only). */
    synchronized Map<String, Long> ownRowCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        own.forEach((name, w) -> counts.put(name, w.rows()));
        return counts;
    }

    @Override
    public synchronized void close() throws IOException {
        IOException first = null;
        for (CsvTableWriter w : own.values()) {
            try {
                w.close();
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        own.clear();
        if (first != null) {
            throw first;
        }
    }
}
