package org.openphm.engine.sql;

import org.openphm.engine.query.ValueType;

public final class DuckDbDialect implements Dialect {

    public static final DuckDbDialect INSTANCE = new DuckDbDialect();

    private DuckDbDialect() {}

    @Override
    public String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    @Override
    public String stringLiteral(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    @Override
    public String typeName(ValueType type) {
        return switch (type) {
            case STRING -> "VARCHAR";
            case LONG -> "BIGINT";
            case DOUBLE -> "DOUBLE";
            case DATE -> "DATE";
            case BOOLEAN -> "BOOLEAN";
        };
    }

    @Override
    public String daysBetween(String from, String to) {
        return "date_diff('day', " + from + ", " + to + ")";
    }

    // DATE + INTEGER stays a DATE in DuckDB; date + INTERVAL would become a TIMESTAMP.
    @Override
    public String addDays(String date, String days) {
        return "(" + date + " + CAST(" + days + " AS INTEGER))";
    }

    @Override
    public String isoDayOfWeek(String date) {
        return "isodow(" + date + ")";
    }

    // range() excludes its end, so the end is one past the last number
    @Override
    public String integerRange(String from, String to) {
        return "UNNEST(range(CAST(" + from + " AS BIGINT), CAST(" + to + " AS BIGINT) + 1))";
    }
}
