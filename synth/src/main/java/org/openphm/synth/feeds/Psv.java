package org.openphm.synth.feeds;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openphm.model.ReferenceCsv;

/**
 * Reads the calibration tables in src/main/resources/feeds with the one reference reader: pipe-separated
 * (published names contain commas), '#' lines are comments, the first other line is the header. Empty cells read
 * as null.
 */
final class Psv {
    private Psv() {}

    /** One row, by header name. */
    record Row(Map<String, String> cells) {
        String text(String column) {
            if (!cells.containsKey(column)) {
                throw new IllegalArgumentException("no column " + column + " in " + cells.keySet());
            }
            return cells.get(column);
        }

        Double number(String column) {
            String s = text(column);
            return s == null ? null : Double.valueOf(s);
        }

        double number(String column, double orElse) {
            Double d = number(column);
            return d == null ? orElse : d;
        }
    }

    static List<Row> read(String resource) {
        List<Row> rows = new ArrayList<>();
        for (ReferenceCsv.Row r : ReferenceCsv.readPiped(Psv.class, "/feeds/" + resource)) {
            Map<String, String> m = new LinkedHashMap<>();
            r.fields().forEach((k, v) -> m.put(k, v.isEmpty() ? null : v));
            rows.add(new Row(m));
        }
        return rows;
    }
}
