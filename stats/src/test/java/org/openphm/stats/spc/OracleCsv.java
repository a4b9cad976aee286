package org.openphm.stats.spc;

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

/** Reads the quoted-CSV oracle files under src/test/resources (see spc/SOURCES.md). */
final class OracleCsv {

    private OracleCsv() {}

    static List<Map<String, String>> read(String resource) {
        InputStream in = OracleCsv.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalArgumentException("missing test resource " + resource);
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<String> header = fields(reader.readLine());
            List<Map<String, String>> rows = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                List<String> values = fields(line);
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    row.put(header.get(i), values.get(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> fields(String line) {
        return org.openphm.model.CsvLine.split(line);
    }

    static List<Double> doubles(String semicolonList) {
        List<Double> out = new ArrayList<>();
        if (semicolonList.isEmpty()) {
            return out;
        }
        for (String s : semicolonList.split(";")) {
            out.add(Double.parseDouble(s));
        }
        return out;
    }

    static Double nullableDouble(String s) {
        return s.isEmpty() || s.equals("NA") ? null : Double.parseDouble(s);
    }

    static ImprovementDirection direction(String r) {
        return switch (r) {
            case "increase" -> ImprovementDirection.INCREASE;
            case "decrease" -> ImprovementDirection.DECREASE;
            case "neutral" -> ImprovementDirection.NEITHER;
            default -> throw new IllegalArgumentException(r);
        };
    }
}
