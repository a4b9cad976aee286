package org.openphm.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** The values a column may take beyond its type: an enumerated code set, a pattern, or a numeric range. */
public sealed interface Domain permits Domain.Codes, Domain.Shape, Domain.Range {

    /** Whether a non-null, already type-checked text value belongs to the domain. */
    boolean allows(String value);

    /** Human-readable statement of what is allowed, for error messages and the schema document. */
    String describe();

    /** An enumerated code set, codes mapped to their meaning. */
    record Codes(String id, Map<String, String> codes) implements Domain {
        public Codes {
            codes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(codes));
        }

        @Override
        public boolean allows(String value) {
            return codes.containsKey(value);
        }

        @Override
        public String describe() {
            return id + " " + String.join("|", codes.keySet());
        }
    }

    /** A code shape, e.g. ICD-10 or LSOA 2021. */
    record Shape(String id, Pattern pattern, String example) implements Domain {
        @Override
        public boolean allows(String value) {
            return pattern.matcher(value).matches();
        }

        @Override
        public String describe() {
            return id + " (e.g. " + example + ")";
        }
    }

    /** An inclusive numeric range. */
    record Range(double min, double max) implements Domain {
        @Override
        public boolean allows(String value) {
            try {
                double d = Double.parseDouble(value);
                return d >= min && d <= max;
            } catch (NumberFormatException e) {
                return false;
            }
        }

        @Override
        public String describe() {
            return "between " + fmt(min) + " and " + fmt(max);
        }

        private static String fmt(double d) {
            return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
        }
    }
}
