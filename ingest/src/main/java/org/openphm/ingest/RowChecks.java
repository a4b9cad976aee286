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
            String typed = TypedValue.sql(c.type(), text);
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
                String date = TypedValue.asDate(c.type(), text);
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
                String start =
                        TypedValue.asDate(table.column(o.start()).orElseThrow().type(), text(o.start()));
                String end =
                        TypedValue.asDate(table.column(o.end()).orElseThrow().type(), text(o.end()));
                checks.add(new Check(
                        o.blamed(), "(" + end + ") < (" + start + ")", text(o.blamed()), Sql.literal(o.reason())));
            }
        }
        return checks;
    }

    /** One pass over the staging table producing (line, field, value, reason) for every failing check. */
    static String problemsSql(List<Check> checks) {
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
        // Most rows pass: filter on "any check fails" first, so the per-failure list is built for few rows.
        String anyFails = checks.stream()
                .map(k -> "COALESCE(" + k.failWhen() + ", false)")
                .collect(java.util.stream.Collectors.joining("\n  OR "));
        return "SELECT " + Staging.LINE + ", p.field, p.value, p.reason FROM (SELECT s." + Staging.LINE
                + ", UNNEST(list_filter([\n  " + list + "], lambda x: x IS NOT NULL)) AS p FROM " + Staging.STAGE + " s"
                + " WHERE " + (checks.isEmpty() ? "false" : anyFails) + ")";
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
