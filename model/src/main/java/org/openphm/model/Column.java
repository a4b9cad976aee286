package org.openphm.model;

/**
 * One column of a canonical table.
 *
 * @param domain allowed values beyond the type, or {@code null} when any value of the type is valid
 */
public record Column(String name, ColumnType type, boolean required, Domain domain, String description) {

    public static Column required(String name, ColumnType type, String description) {
        return new Column(name, type, true, null, description);
    }

    public static Column optional(String name, ColumnType type, String description) {
        return new Column(name, type, false, null, description);
    }

    public Column in(Domain d) {
        return new Column(name, type, required, d, description);
    }
}
