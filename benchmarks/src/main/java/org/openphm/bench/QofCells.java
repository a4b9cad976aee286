package org.openphm.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openphm.analyses.indicator.Breakdown;
import org.openphm.analyses.indicator.CellKey;
import org.openphm.model.AreaType;
import org.openphm.model.CsvLine;

/**
 * The crude QOF prevalence cells as a file both sides of the R comparison can write and read: one row per
 * register × year × area × breakdown category with its counts, value (%) and 95% Wilson limits. The layout is the
 * one benchmarks/r/qof_prevalence.R writes; the key is our {@link CellKey}, so the R cells line up with ours.
 */
final class QofCells {
    private QofCells() {}

    static final List<String> COLUMNS = List.of(
            "indicator_id",
            "area_code",
            "area_type",
            "period",
            "breakdown",
            "category",
            "numerator",
            "denominator",
            "value",
            "lower95",
            "upper95");

    /** A cell's numbers. */
    record Cell(long numerator, long denominator, double value, double lower95, double upper95) {}

    /**
     * How far a value or limit may differ and still be the same number: both sides compute in IEEE doubles from
     * the same counts, but R writes 15 significant digits and sums in another order.
     */
    static final double TOLERANCE = 1e-9;

    static Map<CellKey, Cell> read(Path csv) throws IOException {
        Map<CellKey, Cell> cells = new HashMap<>();
        try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null || !CsvLine.split(header).equals(COLUMNS)) {
                throw new IOException(csv + " is not a QOF cell file: its header is not " + String.join(",", COLUMNS));
            }
            String line;
            int lineNumber = 1;
            while ((line = in.readLine()) != null) {
                lineNumber++;
                List<String> f = CsvLine.split(line);
                if (f.size() != COLUMNS.size()) {
                    throw new IOException(
                            csv + " line " + lineNumber + ": " + f.size() + " fields, not " + COLUMNS.size());
                }
                Breakdown breakdown = Breakdown.valueOf(f.get(4));
                CellKey key = new CellKey(
                        f.get(0),
                        f.get(1),
                        areaType(f.get(2)),
                        f.get(3),
                        breakdown,
                        breakdown == Breakdown.NONE ? null : f.get(5));
                Cell previous = cells.put(
                        key,
                        new Cell(
                                Long.parseLong(f.get(6)),
                                Long.parseLong(f.get(7)),
                                Double.parseDouble(f.get(8)),
                                Double.parseDouble(f.get(9)),
                                Double.parseDouble(f.get(10))));
                if (previous != null) {
                    throw new IOException(csv + " line " + lineNumber + ": a second row for " + key);
                }
            }
        }
        return cells;
    }

    static void write(Path csv, Map<CellKey, Cell> cells) throws IOException {
        List<Map.Entry<CellKey, Cell>> rows = new ArrayList<>(cells.entrySet());
        rows.sort(Map.Entry.comparingByKey(Comparator.comparing(CellKey::indicatorId)
                .thenComparing(CellKey::areaType)
                .thenComparing(CellKey::areaCode)
                .thenComparing(CellKey::breakdown)
                .thenComparing(k -> String.valueOf(k.category()))
                .thenComparing(CellKey::period)));
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write(String.join(",", COLUMNS));
            out.newLine();
            for (Map.Entry<CellKey, Cell> e : rows) {
                CellKey k = e.getKey();
                Cell c = e.getValue();
                out.write(String.join(
                        ",",
                        k.indicatorId(),
                        k.areaCode(),
                        k.areaType().label(),
                        k.period(),
                        k.breakdown().name(),
                        k.category() == null ? "" : k.category(),
                        Long.toString(c.numerator()),
                        Long.toString(c.denominator()),
                        Double.toString(c.value()),
                        Double.toString(c.lower95()),
                        Double.toString(c.upper95())));
                out.newLine();
            }
        }
    }

    /**
     * Cells that differ: missing on one side, counts unequal, or a value or limit further apart than
     * {@link #TOLERANCE} (relative to the larger, or absolute below 1).
     */
    static List<String> differences(Map<CellKey, Cell> ours, Map<CellKey, Cell> r) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<CellKey, Cell> e : ours.entrySet()) {
            Cell o = e.getValue();
            Cell x = r.get(e.getKey());
            if (x == null) {
                out.add("only ours: " + e.getKey());
            } else if (o.numerator() != x.numerator()
                    || o.denominator() != x.denominator()
                    || !close(o.value(), x.value())
                    || !close(o.lower95(), x.lower95())
                    || !close(o.upper95(), x.upper95())) {
                out.add("differs: " + e.getKey() + " ours " + o + ", R " + x);
            }
        }
        r.keySet().stream().filter(k -> !ours.containsKey(k)).forEach(k -> out.add("only R: " + k));
        return out;
    }

    static boolean close(double a, double b) {
        return Math.abs(a - b) <= TOLERANCE * Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
    }

    private static AreaType areaType(String label) {
        return AreaType.ofLabel(label).orElseThrow(() -> new IllegalArgumentException("not an area type: " + label));
    }
}
