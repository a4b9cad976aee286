package org.openphm.ingest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.openphm.model.CanonicalSchema;
import org.openphm.model.CodeSets;
import org.openphm.model.Column;
import org.openphm.model.ColumnType;
import org.openphm.model.Domain;
import org.openphm.model.Table;

/**
 * The checks that need only the row itself, derived from the model: required, type, code set / shape /
 * range, date limits and date order. Every failing check is recorded, so a row can carry several reasons.
 */
final class RowChecks {
    private RowChecks() {}

    static final String REQUIRED = "required value missing";

    static List<Check> of(HeaderMapping mapping, LocalDate asOf) {
        Table table = mapping.file().table();
        boolean nhs = mapping.identifiers() == IdentifierMode.NHS_NUMBER;
        List<Check> checks = new ArrayList<>();
        for (Column c : table.columns()) {
            String text = text(c.name());
            if (nhs && c.name().equals(CanonicalSchema.PERSON_ID)) {
                checks.add(new Check(
                        CanonicalSchema.NHS_NUMBER,
                        "s." + Staging.ID_PROBLEM + " IS NOT NULL",
                        "s." + CanonicalSchema.NHS_NUMBER,
                        "s." + Staging.ID_PROBLEM));
                continue;
            }
            if (c.name().equals(CanonicalSchema.PERSON_ID)) {
                checks.add(new Check(
                        c.name(), "s." + Staging.ID_PROBLEM + " IS NOT NULL", text, "s." + Staging.ID_PROBLEM));
            }
            if (c.required()) {
                checks.add(new Check(c.name(), text + " IS NULL", "NULL", Sql.literal(REQUIRED)));
            }
            String typed = typed(c);
            if (c.type() != ColumnType.STRING) {
                checks.add(new Check(
                        c.name(),
                        text + " IS NOT NULL AND (" + typed + ") IS NULL",
                        text,
                        TypedValue.reasonSql(c.type(), text)));
            }
            if (c.domain() != null && c.domain() != CodeSets.MONTH) { // MONTH is already the type check
                checks.add(new Check(
                        c.name(),
                        "(" + typed + ") IS NOT NULL AND " + outside(c.domain(), text, typed),
                        text,
                        Sql.literal(reason(c.domain()))));
            }
            if (c.type() == ColumnType.DATE || c.type() == ColumnType.MONTH) {
                String date = asDate(c);
                checks.add(new Check(
                        c.name(),
                        "(" + date + ") < DATE " + Sql.literal(DateRules.EARLIEST.toString()),
                        text,
                        Sql.literal("date before " + DateRules.EARLIEST)));
                if (DateRules.refusesFutureDates(table)) {
                    checks.add(new Check(
                            c.name(),
                            "(" + date + ") > DATE " + Sql.literal(asOf.toString()),
                            text,
                            Sql.literal("date in the future (after the as-of date " + asOf + ")")));
                }
            }
        }
        for (DateRules.Order o : DateRules.ORDERS) {
            if (o.table().equals(table)) {
                String start = asDate(table.column(o.start()).orElseThrow());
                String end = asDate(table.column(o.end()).orElseThrow());
                checks.add(new Check(
                        o.blamed(), "(" + end + ") < (" + start + ")", text(o.blamed()), Sql.literal(o.reason())));
            }
        }
        return checks;
    }

    /** Where {@link #checkedSql} keeps the failed checks of a row (null when it passed them all). */
    static final String FAILURES = "_failures";

    /**
     * One pass over the staging table giving each row its typed values and, where any check fails, the list of
     * (field, value, reason) of every failing check. Each value is typed once, in an inner query, and the checks
     * compare the typed values: most rows pass, so the list is built only for the rows that fail.
     */
    static String checkedSql(HeaderMapping mapping, List<Check> checks) {
        Table table = mapping.file().table();
        StringBuilder list = new StringBuilder();
        for (Check k : checks) {
            if (list.length() > 0) {
                list.append(",\n  ");
            }
            list.append("CASE WHEN ")
                    .append(k.failWhen())
                    .append(" THEN {'field': ")
                    .append(Sql.literal(k.field()))
                    .append(", 'value': CAST(")
                    .append(k.valueSql())
                    .append(" AS VARCHAR), 'reason': CAST(")
                    .append(k.reasonSql())
                    .append(" AS VARCHAR)} END");
        }
        String anyFails = checks.stream()
                .map(k -> "COALESCE(" + k.failWhen() + ", false)")
                .collect(java.util.stream.Collectors.joining("\n  OR "));
        StringBuilder typedInner = new StringBuilder();
        StringBuilder columns = new StringBuilder("s." + Staging.LINE);
        for (Column c : table.columns()) {
            if (c.type() != ColumnType.STRING) {
                typedInner
                        .append(", ")
                        .append(TypedValue.sql(c.type(), "s." + Sql.ident(c.name())))
                        .append(" AS ")
                        .append(Sql.ident(TYPED_PREFIX + c.name()));
            }
            columns.append(", ").append(typed(c)).append(" AS ").append(Sql.ident(c.name()));
        }
        if (mapping.identifiers() == IdentifierMode.NHS_NUMBER) {
            columns.append(", s.").append(CanonicalSchema.NHS_NUMBER); // masked, for messages only
        }
        String failures = checks.isEmpty()
                ? "CAST(NULL AS STRUCT(field VARCHAR, value VARCHAR, reason VARCHAR)[])"
                : "CASE WHEN " + anyFails + " THEN list_filter([\n  " + list + "], lambda x: x IS NOT NULL) END";
        return "SELECT " + columns + ", " + failures + " AS " + FAILURES + " FROM (SELECT s.*" + typedInner + " FROM "
                + Staging.STAGE + " s) s";
    }

    /** Every failed check of the checked table, one row each. */
    static String problemsSql(String checked) {
        return "SELECT " + Staging.LINE + ", p.field, p.value, p.reason FROM (SELECT " + Staging.LINE + ", UNNEST("
                + FAILURES + ") AS p FROM " + checked + " WHERE " + FAILURES + " IS NOT NULL)";
    }

    private static final String TYPED_PREFIX = "_typed_";

    /** The column's typed value as {@link #checkedSql}'s inner query computed it. */
    private static String typed(Column c) {
        return c.type() == ColumnType.STRING ? text(c.name()) : "s." + Sql.ident(TYPED_PREFIX + c.name());
    }

    /** The column as a date for limits and ordering rules: months count from their first day. */
    private static String asDate(Column c) {
        return switch (c.type()) {
            case DATE -> typed(c);
            case MONTH -> "TRY_CAST(" + typed(c) + " || '-01' AS DATE)";
            default -> throw new IllegalArgumentException(c.type() + " is not a date");
        };
    }

    static String text(String column) {
        return "s." + Sql.ident(column);
    }

    // Java 17: no pattern matching in switch yet, hence instanceof over the sealed Domain.
    private static String outside(Domain d, String text, String typed) {
        if (d instanceof Domain.Codes codes) {
            return text + " NOT IN (" + Sql.literals(codes.codes().keySet()) + ")";
        }
        if (d instanceof Domain.Shape shape) {
            return "NOT regexp_full_match(" + text + ", "
                    + Sql.literal(shape.pattern().pattern()) + ")";
        }
        Domain.Range range = (Domain.Range) d;
        return "(CAST(" + typed + " AS DOUBLE) < " + range.min()
                + (range.max() < Double.MAX_VALUE ? " OR CAST(" + typed + " AS DOUBLE) > " + range.max() : "") + ")";
    }

    private static String reason(Domain d) {
        if (d instanceof Domain.Codes codes) {
            return "not in code set " + codes.id() + ": allowed "
                    + String.join("|", codes.codes().keySet());
        }
        if (d instanceof Domain.Shape shape) {
            return "not a valid " + shape.id() + " code (e.g. " + shape.example() + ")";
        }
        Domain.Range range = (Domain.Range) d;
        if (range.max() == Double.MAX_VALUE) { // open-ended: describe() would print the largest double
            return range.min() == 0
                    ? "out of range: must not be negative"
                    : "out of range: must be at least " + range.min();
        }
        return "out of range: allowed " + d.describe();
    }
}
