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

/**
 * The open output files of one generation run, one per canonical table, opened on first use; or, from
 * {@link #buffer}, the same tables held in memory for one chunk of people, to be {@link #append appended} to
 * the files in chunk order.
 */
public final class TableSinks implements Closeable {
    /** Null when the rows are held in memory. */
    private final Path dir;

    private final boolean rawNhsNumbers;
    private final Map<String, Open> writers = new LinkedHashMap<>();
    private CsvTableWriter ceiling;

    private record Open(Table table, CsvTableWriter writer) {}

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
        Open open = writers.get(table.name());
        if (open == null) {
            List<String> header = header(table, rawNhsNumbers);
            open = new Open(
                    table,
                    dir == null
                            ? CsvTableWriter.inMemory(header.size())
                            : new CsvTableWriter(dir.resolve(table.name() + ".csv"), header));
            writers.put(table.name(), open);
        }
        return open.writer();
    }

    /**
     * Empty in-memory sinks with these sinks' columns (and a ceiling when these have one), for the rows of one
     * chunk of people drawn apart from the others.
     */
    public TableSinks buffer() {
        TableSinks b = new TableSinks(null, rawNhsNumbers);
        if (ceiling != null) {
            b.ceiling = CsvTableWriter.inMemory(ceilingHeader().size());
        }
        return b;
    }

    /**
     * Appends the rows of a {@link #buffer}, opening tables in the buffer's order of first use: buffers
     * appended in the order their people were drawn give the files, and the order tables are opened, of
     * writing every person directly here.
     */
    public void append(TableSinks buffer) throws IOException {
        for (Open o : buffer.writers.values()) {
            o.writer().appendTo(of(o.table()));
        }
        if (buffer.ceiling != null) {
            buffer.ceiling.appendTo(ceiling);
        }
    }

    /**
     * Opens the ceiling file (issue 11): per person and financial year, the emergency admissions the generator
     * expects and the probability of one or more. It is the generator's truth, so it is written only on request,
     * to a file outside the canonical tables, and nothing in ingest or the model reads it.
     */
    public void openCeiling(Path file) throws IOException {
        if (dir == null) {
            throw new IllegalStateException("in-memory sinks get their ceiling from the sinks they buffer for");
        }
        if (file.toAbsolutePath()
                .normalize()
                .getParent()
                .equals(dir.toAbsolutePath().normalize())) {
            throw new IllegalArgumentException("the ceiling file " + file + " must not be written into the data "
                    + "folder " + dir + ": ingest reads that folder; give a path outside it");
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            java.nio.file.Files.createDirectories(parent);
        }
        ceiling = new CsvTableWriter(file, ceilingHeader());
    }

    private List<String> ceilingHeader() {
        return List.of(
                rawNhsNumbers ? CanonicalSchema.NHS_NUMBER : CanonicalSchema.PERSON_ID,
                "financial_year",
                "expected_emergency_admissions",
                "probability");
    }

    /** The ceiling file's writer, or null when none was requested. */
    public CsvTableWriter ceiling() {
        return ceiling;
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
        writers.forEach((name, o) -> counts.put(name, o.writer().rows()));
        return counts;
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        List<CsvTableWriter> all = new java.util.ArrayList<>();
        writers.values().forEach(o -> all.add(o.writer()));
        if (ceiling != null) {
            all.add(ceiling);
        }
        for (CsvTableWriter w : all) {
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
