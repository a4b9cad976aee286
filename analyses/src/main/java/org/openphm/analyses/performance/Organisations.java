package org.openphm.analyses.performance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Names of the organisations the feeds identify by ODS code (ICBs, the East of England region, trusts), as the
 * data pack prints them; see resources SOURCES.md. An unknown code is shown as itself.
 */
public final class Organisations {
    private static final Map<String, String> NAMES = load();

    private Organisations() {}

    public static String name(String code) {
        return NAMES.getOrDefault(code, code);
    }

    private static Map<String, String> load() {
        Map<String, String> names = new LinkedHashMap<>();
        try (InputStream in = Organisations.class.getResourceAsStream("organisations.csv");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.readLine();
            for (String line; (line = reader.readLine()) != null; ) {
                if (!line.isBlank()) {
                    int comma = line.indexOf(',');
                    String name = line.substring(comma + 1);
                    // names with commas are quoted, as CSV writes them
                    names.put(line.substring(0, comma), name.startsWith("\"") ? name.substring(1, name.length() - 1) : name);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(names);
    }
}
