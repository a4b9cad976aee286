package org.openphm.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * The type of a column of a published results table, as results/metadata.json declares it ("string", "integer",
 * "number", "date", "boolean", "count"). Not {@link ColumnType}: that is the canonical model's storage type
 * (with its DuckDB and Spark types); this is what a reader of the results may assume about a column, and a count
 * is its own type because the disclosure rules apply to it.
 */
public enum ResultColumnType {
    STRING,
    INTEGER,
    NUMBER,
    DATE,
    BOOLEAN,
    /** A count of people or events: suppressed and rounded when published. */
    COUNT;

    /** The lowercase name metadata.json writes. */
    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True for the types a reader parses as numbers. */
    public boolean numeric() {
        return this == INTEGER || this == NUMBER || this == COUNT;
    }

    @JsonCreator
    public static ResultColumnType parse(String code) {
        if (code == null) {
            throw new IllegalArgumentException("a column type is one of string, integer, number, date, boolean, count");
        }
        try {
            return valueOf(code.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "'" + code + "' is not a column type: string, integer, number, date, " + "boolean or count", e);
        }
    }

    @Override
    public String toString() {
        return code();
    }
}
