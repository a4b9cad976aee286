package org.openphm.engine.spark;

import org.openphm.engine.query.ValueType;
import org.openphm.engine.sql.Dialect;

/** Spark SQL 4.0 with {@code spark.sql.ansi.enabled} either way (every division and cast is guarded). */
public final class SparkDialect implements Dialect {

    public static final SparkDialect INSTANCE = new SparkDialect();

    private SparkDialect() {}

    // Backticks: a double-quoted "place" is a string literal in Spark, silently (trap 12).
    @Override
    public String quote(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }

    // Spark string literals treat backslash as an escape, so it is doubled along with the quote.
    @Override
    public String stringLiteral(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    @Override
    public String typeName(ValueType type) {
        return switch (type) {
            case STRING -> "STRING";
            case LONG -> "BIGINT";
            case DOUBLE -> "DOUBLE";
            case DATE -> "DATE";
            case BOOLEAN -> "BOOLEAN";
        };
    }

    @Override
    public String daysBetween(String from, String to) {
        return "datediff(" + to + ", " + from + ")";
    }

    // date_add takes an INT number of days; a BIGINT is refused.
    @Override
    public String addDays(String date, String days) {
        return "date_add(" + date + ", CAST(" + days + " AS INT))";
    }

    // weekday() is 0 = Monday .. 6 = Sunday; dayofweek() would be 1 = Sunday.
    @Override
    public String isoDayOfWeek(String date) {
        return "(weekday(" + date + ") + 1)";
    }

    @Override
    public String integerRange(String from, String to) {
        return "explode(sequence(CAST(" + from + " AS BIGINT), CAST(" + to + " AS BIGINT)))";
    }
}
