package org.openphm.engine.query;

import java.util.Objects;

/**
 * One aggregate output column. {@code value} is what is aggregated (unused by COUNT_ROWS); {@code where},
 * when given, restricts the measure to the rows that satisfy it, so a numerator and its denominator come
 * out of one grouped scan: {@code countRows("denominator")} beside {@code countRows("numerator").where(..)}.
 * Counts are LONG (0 for no rows); SUM, MIN, MAX and MEAN of no rows are NULL. SUM over integers is a LONG
 * on every engine (DuckDB's HUGEINT is converted, trap 14); SUM over a boolean is refused by Spark
 * (trap 5): count the rows where it holds instead.
 */
public record Measure(String name, Agg agg, Expr value, Expr where) {

    public enum Agg {
        COUNT_ROWS,
        COUNT,
        COUNT_DISTINCT,
        SUM,
        MIN,
        MAX,
        MEAN,
        /** Bitwise OR of whole numbers (NULL for no rows): a set of flags gathered over rows. */
        BIT_OR
    }

    public Measure {
        Objects.requireNonNull(name, "measure name");
        Objects.requireNonNull(agg, "aggregate of " + name);
        if (agg != Agg.COUNT_ROWS) {
            Objects.requireNonNull(value, "value of " + name);
        }
    }

    public static Measure countRows(String name) {
        return new Measure(name, Agg.COUNT_ROWS, null, null);
    }

    /** Rows where {@code condition} is true (NULL counts as false). */
    public static Measure countIf(String name, Expr condition) {
        return new Measure(name, Agg.COUNT_ROWS, null, condition);
    }

    /** Non-null values. */
    public static Measure count(String name, Expr value) {
        return new Measure(name, Agg.COUNT, value, null);
    }

    public static Measure countDistinct(String name, Expr value) {
        return new Measure(name, Agg.COUNT_DISTINCT, value, null);
    }

    public static Measure sum(String name, Expr value) {
        return new Measure(name, Agg.SUM, value, null);
    }

    public static Measure min(String name, Expr value) {
        return new Measure(name, Agg.MIN, value, null);
    }

    public static Measure max(String name, Expr value) {
        return new Measure(name, Agg.MAX, value, null);
    }

    public static Measure mean(String name, Expr value) {
        return new Measure(name, Agg.MEAN, value, null);
    }

    /** Bitwise OR of the values, e.g. one bit per register a person's rows put them on. */
    public static Measure bitOr(String name, Expr value) {
        return new Measure(name, Agg.BIT_OR, value, null);
    }

    /** The same measure over only the rows where {@code condition} is true. */
    public Measure where(Expr condition) {
        Expr combined = where == null ? condition : Expr.and(where, condition);
        return new Measure(name, agg, value, combined);
    }
}
