package org.openphm.stats;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the oracle CSV files (every field quoted, "NA" for missing, lists separated by ';') copied
 * into src/test/resources/oracles (their public sources are in SOURCE.md there).
 */
final class OracleCsv {

    /** One oracle case: its columns by name. */
    record Row(Map<String, String> fields) {
        String text(String column) {
            String v = fields.get(column);
            if (v == null) {
                throw new IllegalArgumentException("no column " + column);
            }
            return v;
        }

        double number(String column) {
            return parse(text(column));
        }

        double[] numbers(String column) {
            String v = text(column);
            return v.isEmpty()
                    ? new double[0]
                    : Arrays.stream(v.split(";")).mapToDouble(OracleCsv::parse).toArray();
        }

        String id() {
            return fields.containsKey("case_id") ? fields.get("case_id") : fields.get("series_id");
        }

        @Override
        public String toString() {
            return id();
        }
    }

    private OracleCsv() {}

    static List<Row> read(String file) {
        try (InputStream in = OracleCsv.class.getResourceAsStream("/oracles/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing oracle resource " + file);
            }
            List<List<String>> records = parseCsv(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            List<String> header = records.get(0);
            List<Row> rows = new ArrayList<>();
            for (List<String> r : records.subList(1, records.size())) {
                Map<String, String> m = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    m.put(header.get(i), r.get(i));
                }
                rows.add(new Row(m));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double parse(String s) {
        return s.equals("NA") || s.isEmpty() ? Double.NaN : Double.parseDouble(s);
    }

    private static List<List<String>> parseCsv(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (ch == '\n') {
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
            } else if (ch != '\r') {
                field.append(ch);
            }
        }
        if (field.length() > 0 || !record.isEmpty()) {
            record.add(field.toString());
            records.add(record);
        }
        return records;
    }
}
