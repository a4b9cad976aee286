package org.openphm.ingest;

import org.openphm.model.ColumnType;

/**
 * SQL that turns a staged text value into its canonical type, or NULL when the text is not a value of that
 * type. Stricter than DuckDB's casts on purpose: TRY_CAST('1.5' AS INTEGER) rounds and '2024-1-5' casts
 * to a date, and neither should pass unnoticed.
 */
final class TypedValue {
    private TypedValue() {}

    static final String ISO_DATE = "[0-9]{4}-[0-9]{2}-[0-9]{2}";
    static final String MONTH = "[0-9]{4}-(0[1-9]|1[0-2])";

    static String sql(ColumnType type, String text) {
        return switch (type) {
            case STRING -> text;
            case MONTH -> "CASE WHEN regexp_full_match(" + text + ", '" + MONTH + "') THEN " + text + " END";
            case INTEGER, BIGINT ->
                "CASE WHEN regexp_full_match(" + text + ", '[+-]?[0-9]+') THEN TRY_CAST(" + text + " AS "
                        + type.duckdbType() + ") END";
            case DOUBLE ->
                "CASE WHEN isfinite(TRY_CAST(" + text + " AS DOUBLE)) THEN TRY_CAST(" + text + " AS DOUBLE) END";
            case DATE ->
                "CASE WHEN regexp_full_match(" + text + ", '" + ISO_DATE + "') THEN TRY_CAST(" + text + " AS DATE) END";
            case BOOLEAN ->
                "CASE lower(" + text + ") WHEN 'true' THEN true WHEN 't' THEN true WHEN 'yes' THEN true "
                        + "WHEN 'y' THEN true WHEN '1' THEN true WHEN 'false' THEN false WHEN 'f' THEN false "
                        + "WHEN 'no' THEN false WHEN 'n' THEN false WHEN '0' THEN false END";
        };
    }

    /** Why a non-null text is not a value of the type (used when {@link #sql} gave NULL). */
    static String reasonSql(ColumnType type, String text) {
        return switch (type) {
            case STRING -> "'not text'";
            case MONTH -> "'not a month (yyyy-mm)'";
            case INTEGER, BIGINT -> "'not a whole number'";
            case DOUBLE -> "'not a number'";
            case DATE ->
                "CASE WHEN regexp_full_match(" + text + ", '" + ISO_DATE + "') THEN 'impossible date' "
                        + "ELSE 'not a date (yyyy-mm-dd)' END";
            case BOOLEAN -> "'not true/false'";
        };
    }
}
