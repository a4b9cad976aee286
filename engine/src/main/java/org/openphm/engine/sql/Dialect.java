package org.openphm.engine.sql;

import org.openphm.engine.query.ValueType;

/**
 * What differs between the SQL engines we render for (the 15 traps listed in engine/README.md, "Dialect
 * differences handled"). Everything else the {@link SqlRenderer} writes once, in SQL both engines read the same way.
 * Arguments are already-rendered SQL fragments.
 */
public interface Dialect {

    /** Quotes an identifier (trap 12: a double-quoted name is a string literal in Spark). */
    String quote(String identifier);

    /** A string literal, escaped as the engine parses it (Spark treats backslash as an escape). */
    String stringLiteral(String value);

    /** The SQL name of a value type. */
    String typeName(ValueType type);

    /** {@code to - from} in days as an integer (trap 8). */
    String daysBetween(String from, String to);

    /** A date plus an integer number of days, typed DATE (trap 9). */
    String addDays(String date, String days);

    /** ISO day of week, 1 = Monday .. 7 = Sunday (trap 10). */
    String isoDayOfWeek(String date);

    /**
     * A select-list item giving one row per whole number from {@code from} to {@code to} inclusive, as a BIGINT
     * (DuckDB unnests a range, Spark explodes a sequence). Only ever rendered with {@code from <= to}: Spark's
     * sequence would count down otherwise.
     */
    String integerRange(String from, String to);
}
