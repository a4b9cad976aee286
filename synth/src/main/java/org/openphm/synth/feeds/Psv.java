package org.openphm.synth.feeds;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the calibration tables in src/main/resources/feeds: pipe-separated (published names contain commas),
 * '#' lines are comments, the first other line is the header. Empty cells read as null.
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
        InputStream in = Psv.class.getResourceAsStream("/feeds/" + resource);
        if (in == null) {
            throw new IllegalStateException("missing resource feeds/" + resource);
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String[] header = null;
            List<Row> rows = new ArrayList<>();
            int lineNo = 0;
            for (String line; (line = r.readLine()) != null; ) {
                lineNo++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\\|", -1);
                if (header == null) {
                    header = cells;
                    continue;
                }
                if (cells.length != header.length) {
                    throw new IllegalStateException("feeds/" + resource + " line " + lineNo + ": " + cells.length
                            + " cells, header has " + header.length);
                }
                Map<String, String> m = new LinkedHashMap<>();
                for (int i = 0; i < header.length; i++) {
                    m.put(header[i], cells[i].isEmpty() ? null : cells[i]);
                }
                rows.add(new Row(m));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
