package org.openphm.synth;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openphm.model.CanonicalSchema;
import org.openphm.model.CsvTableWriter;
import org.openphm.model.Table;

/** The open output files of one generation run, one per canonical table, opened on first use. */
public final class TableSinks implements Closeable {
    private final Path dir;
    private final boolean rawNhsNumbers;
    private final Map<String, CsvTableWriter> writers = new LinkedHashMap<>();

    public TableSinks(Path dir) {
        this(dir, false);
    }

    /**
     * @param rawNhsNumbers when true, patient-level files carry the column nhs_number in place of person_id
     *                      (same position, same values as SyntheticPerson.personKey), as raw extracts do
     */
    public TableSinks(Path dir, boolean rawNhsNumbers) {
        this.dir = dir;
        this.rawNhsNumbers = rawNhsNumbers;
    }

    public CsvTableWriter of(Table table) throws IOException {
        CsvTableWriter w = writers.get(table.name());
        if (w == null) {
            w = new CsvTableWriter(dir.resolve(table.name() + ".csv"), header(table, rawNhsNumbers));
            writers.put(table.name(), w);
        }
        return w;
    }

    /** The table's canonical columns, with person_id renamed nhs_number when raw numbers are written. */
    public static List<String> header(Table table, boolean rawNhsNumbers) {
        return table.columnNames().stream()
                .map(c -> rawNhsNumbers && c.equals(CanonicalSchema.PERSON_ID) ? CanonicalSchema.NHS_NUMBER : c)
                .toList();
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
