package org.openphm.model;

/**
 * Logical column types of the canonical model. Each engine maps them to its own SQL type;
 * {@code MONTH} is kept as text {@code yyyy-mm} because feeds publish months, not days.
 */
public enum ColumnType {
    STRING("VARCHAR", "STRING"),
    INTEGER("INTEGER", "INT"),
    BIGINT("BIGINT", "BIGINT"),
    DOUBLE("DOUBLE", "DOUBLE"),
    DATE("DATE", "DATE"),
    MONTH("VARCHAR", "STRING"),
    BOOLEAN("BOOLEAN", "BOOLEAN");

    private final String duckdbType;
    private final String sparkType;

    ColumnType(String duckdbType, String sparkType) {
        this.duckdbType = duckdbType;
        this.sparkType = sparkType;
    }

    public String duckdbType() {
        return duckdbType;
    }

    public String sparkType() {
        return sparkType;
    }
}
