package org.openphm.model.results;

import java.util.Locale;

/** The kind of value a results column holds, as metadata.json names it. */
public enum ResultType {
    STRING, INTEGER, NUMBER, DATE, BOOLEAN,
    /** A count of people or events: the disclosure rule applies to it. */
    COUNT;

    /** Its name in metadata.json ("string", "count", ...). */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True for the types a reader parses as numbers. */
    public boolean numeric() {
        return this == INTEGER || this == NUMBER || this == COUNT;
    }

    public static ResultType of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
