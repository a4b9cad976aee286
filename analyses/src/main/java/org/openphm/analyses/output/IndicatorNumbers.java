package org.openphm.analyses.output;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import org.openphm.model.ReferenceCsv;

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
        for (ReferenceCsv.Row r : ReferenceCsv.read(IndicatorNumbers.class, REGISTRY)) {
            int n = r.integer("number");
            if (out.containsValue(n) || out.containsKey(r.get("indicator_id"))) {
                throw r.fault("indicator_id", "slug or number used twice");
            }
            out.put(r.get("indicator_id"), n);
        }
        return Collections.unmodifiableMap(out);
    }
}
