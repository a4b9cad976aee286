package org.openphm.analyses.output;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The stable numeric id of every indicator, for the "Indicator ID" column of the Fingertips-format file
 * (Fingertips' Indicator ID is an integer, and tools written for Fingertips parse it as one). The numbers are
 * assigned once, by hand, in the committed registry {@value #REGISTRY} (slug,number); a number is never reused
 * or renumbered, so it stays the same across builds. They start at 900001, far above OHID's own indicator ids,
 * so an OpenPHM indicator can never be mistaken for a Fingertips one. The slug stays the id everywhere else
 * (indicators.csv, metadata.json, the API).
 */
public final class IndicatorNumbers {
    private IndicatorNumbers() {}

    static final String REGISTRY = "indicator_numbers.csv";

    private static final Map<String, Integer> NUMBERS = load();

    /** Every slug and its number, in registry order. */
    public static Map<String, Integer> all() {
        return NUMBERS;
    }

    public static OptionalInt of(String slug) {
        Integer n = NUMBERS.get(slug);
        return n == null ? OptionalInt.empty() : OptionalInt.of(n);
    }

    /** The number of {@code slug}; an indicator missing from the registry is a build error, never a guess. */
    public static int require(String slug) {
        Integer n = NUMBERS.get(slug);
        if (n == null) {
            throw new IllegalStateException("indicator '" + slug + "' has no number in " + REGISTRY
                    + " (analyses/src/main/resources/org/openphm/analyses/output): add the next free number");
        }
        return n;
    }

    private static Map<String, Integer> load() {
        Map<String, Integer> out = new LinkedHashMap<>();
        try (InputStream in = IndicatorNumbers.class.getResourceAsStream(REGISTRY)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + REGISTRY);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int lineNo = 0;
            while ((line = r.readLine()) != null) {
                lineNo++;
                String s = line.strip();
                if (s.isEmpty() || s.startsWith("#") || s.equals("indicator_id,number")) {
                    continue;
                }
                String[] parts = s.split(",");
                if (parts.length != 2) {
                    throw new IllegalStateException(REGISTRY + " line " + lineNo + ": expected slug,number");
                }
                int n = Integer.parseInt(parts[1].strip());
                if (out.containsValue(n) || out.containsKey(parts[0].strip())) {
                    throw new IllegalStateException(REGISTRY + " line " + lineNo + ": slug or number used twice");
                }
                out.put(parts[0].strip(), n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Collections.unmodifiableMap(out);
    }
}
