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
    private CsvTableWriter ceiling;

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

    /**
     * Opens the ceiling file (issue 11): per person and financial year, the emergency admissions the generator
     * expects and the probability of one or more. It is the generator's truth, so it is written only on request,
     * to a file outside the canonical tables, and nothing in ingest or the model reads it.
     */
    public void openCeiling(Path file) throws IOException {
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
        ceiling = new CsvTableWriter(
                file,
                List.of(
                        rawNhsNumbers ? CanonicalSchema.NHS_NUMBER : CanonicalSchema.PERSON_ID,
                        "financial_year",
                        "expected_emergency_admissions",
                        "probability"));
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
        writers.forEach((name, w) -> counts.put(name, w.rows()));
        return counts;
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        List<CsvTableWriter> all = new java.util.ArrayList<>(writers.values());
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
