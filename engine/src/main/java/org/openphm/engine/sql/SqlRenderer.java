package org.openphm.engine.sql;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.openphm.engine.query.Expr;
import org.openphm.engine.query.Expr.*;
import org.openphm.engine.query.GroupKey;
import org.openphm.engine.query.Measure;
import org.openphm.engine.query.Named;
import org.openphm.engine.query.Query;
import org.openphm.engine.query.SortKey;
import org.openphm.engine.query.ValueType;
import org.openphm.model.EthnicGroups;

/**
 * Renders a {@link Query} as one SQL statement: each relational step becomes a named CTE (q1, q2, ...) that
 * reads the one before it, the last step is the final SELECT. Identical sub-queries (records compare by
 * value) share one CTE, so a denominator used twice is computed once. Both engines inline CTEs, so this is
 * as fast as nested sub-queries and much easier to read.
 */
public final class SqlRenderer {

    private final Dialect dialect;

    /**
     * From this many grouping sets, re-aggregable measures are grouped at the finest grain first. Two are enough:
     * DuckDB holds the whole input of a grouping-sets aggregate in memory (it does not spill it), so seven years
     * of a million person-years ran out of its memory limit where a plain GROUP BY, which spills, did not.
     */
    static final int MANY_GROUPING_SETS = 2;

    public SqlRenderer(Dialect dialect) {
        this.dialect = dialect;
    }

    /** One statement computing the whole query, shared results included (as ordinary sub-queries). */
    public String render(Query query) {
        return new Statement(shared -> null).render(query);
    }

    /**
     * One statement that reads each {@link Query.Shared} result from the table or view the engine kept it in:
     * {@code kept} gives that name, or null for a shared result to compute inline.
     */
    public String render(Query query, Function<Query.Shared, String> kept) {
        return new Statement(kept).render(query);
    }

    /** Expression SQL over the given input columns; public so engines and tests can render a single expression. */
    public String expression(Expr expr, List<String> columns) {
        return new ExprWriter(columns).write(expr);
    }

    /** The state of rendering one statement: the CTEs written so far. */
    private final class Statement {
        private final Map<Query, String> names = new LinkedHashMap<>();
        private final List<String> ctes = new ArrayList<>();
        private final Function<Query.Shared, String> kept;

        Statement(Function<Query.Shared, String> kept) {
            this.kept = kept;
        }

        String render(Query top) {
            String body;
            if (top instanceof Query.Limit l && l.input() instanceof Query.Sort s) {
                body = select(s.input()) + orderBy(s.keys()) + "\nLIMIT " + l.count();
            } else if (top instanceof Query.Sort s) {
                body = select(s.input()) + orderBy(s.keys());
            } else {
                body = select(top);
            }
            if (ctes.isEmpty()) {
                return body;
            }
            return "WITH " + String.join(",\n", ctes) + "\n" + body;
        }

        private String orderBy(List<SortKey> keys) {
            return keys.isEmpty()
                    ? ""
                    : "\nORDER BY " + keys.stream().map(this::sortKey).collect(Collectors.joining(", "));
        }

        private String sortKey(SortKey k) {
            return q(k.column())
                    + (k.descending() ? " DESC" : " ASC")
                    + (k.nullsAtStart() ? " NULLS FIRST" : " NULLS LAST");
        }

        /** A name to select from for the query: a table, or a CTE written for it. */
        private String relation(Query query) {
            if (query instanceof Query.Source s) {
                return q(s.table());
            }
            if (query instanceof Query.Shared s) {
                String table = kept.apply(s);
                return table != null ? q(table) : relation(s.input());
            }
            String existing = names.get(query);
            if (existing != null) {
                return existing;
            }
            String body = select(query);
            String name = "q" + (ctes.size() + 1);
            ctes.add(name + " AS (\n" + indent(body) + "\n)");
            names.put(query, name);
            return name;
        }

        /** The SELECT computing one step from the relations of its inputs. */
        private String select(Query query) {
            if (query instanceof Query.Source s) {
                return "SELECT " + columnList(s.columns()) + " FROM " + q(s.table());
            }
            if (query instanceof Query.Shared s) {
                String table = kept.apply(s);
                return table != null ? "SELECT " + columnList(s.columns()) + " FROM " + q(table) : select(s.input());
            }
            if (query instanceof Query.Filter f) {
                return "SELECT " + columnList(f.columns()) + " FROM " + relation(f.input()) + "\nWHERE "
                        + expr(f.condition(), f.input());
            }
            if (query instanceof Query.Derive d) {
                return derive(d);
            }
            if (query instanceof Query.Select s) {
                return "SELECT "
                        + s.selected().stream().map(n -> named(n, s.input())).collect(Collectors.joining(", "))
                        + " FROM " + relation(s.input());
            }
            if (query instanceof Query.Join j) {
                return join(j);
            }
            if (query instanceof Query.UnionAll u) {
                return u.inputs().stream()
                        .map(in -> "SELECT " + columnList(u.columns()) + " FROM " + relation(in))
                        .collect(Collectors.joining("\nUNION ALL\n"));
            }
            if (query instanceof Query.Aggregate a) {
                return aggregate(a);
            }
            if (query instanceof Query.RowNumber r) {
                return "SELECT " + columnList(r.input().columns()) + ", ROW_NUMBER() OVER ("
                        + (r.partitionBy().isEmpty() ? "" : "PARTITION BY " + columnList(r.partitionBy()) + " ")
                        + "ORDER BY " + r.orderBy().stream().map(this::sortKey).collect(Collectors.joining(", "))
                        + ") AS " + q(r.name()) + " FROM " + relation(r.input());
            }
            if (query instanceof Query.Explode e) {
                return "SELECT " + columnList(e.input().columns()) + ", "
                        + dialect.integerRange(expr(e.from(), e.input()), expr(e.to(), e.input())) + " AS "
                        + q(e.name()) + " FROM " + relation(e.input()) + "\nWHERE " + expr(e.from(), e.input())
                        + " <= " + expr(e.to(), e.input());
            }
            if (query instanceof Query.Sort s) {
                // An inner ordering cannot order the final result; it only matters under a LIMIT.
                return "SELECT " + columnList(s.columns()) + " FROM " + relation(s.input());
            }
            Query.Limit l = (Query.Limit) query;
            if (l.input() instanceof Query.Sort s) {
                return "SELECT " + columnList(s.columns()) + " FROM " + relation(s.input()) + orderBy(s.keys())
                        + "\nLIMIT " + l.count();
            }
            return "SELECT " + columnList(l.columns()) + " FROM " + relation(l.input()) + "\nLIMIT " + l.count();
        }

        private String derive(Query.Derive d) {
            Map<String, Named> byName = new LinkedHashMap<>();
            d.derived().forEach(n -> byName.put(n.name(), n));
            List<String> items = new ArrayList<>();
            for (String c : d.columns()) {
                Named n = byName.get(c);
                items.add(n == null ? q(c) : named(n, d.input()));
            }
            return "SELECT " + String.join(", ", items) + " FROM " + relation(d.input());
        }

        private String join(Query.Join j) {
            List<String> items = new ArrayList<>();
            j.left().columns().forEach(c -> items.add("l." + q(c)));
            j.rightColumns().forEach(c -> items.add("r." + q(c)));
            String on = j.keys().stream()
                    .map(k -> "l." + q(k.left()) + " = r." + q(k.right()))
                    .collect(Collectors.joining(" AND "));
            String type = switch (j.type()) {
                case INNER -> "JOIN";
                case LEFT -> "LEFT JOIN";
            };
            return "SELECT " + String.join(", ", items) + "\nFROM " + relation(j.left()) + " AS l\n" + type + " "
                    + relation(j.right()) + " AS r ON " + on;
        }

        private String aggregate(Query.Aggregate a) {
            if (reaggregable(a)) {
                return aggregateFromFineGrain(a);
            }
            List<String> items = new ArrayList<>();
            boolean sets = !a.groupingSets().isEmpty();
            for (GroupKey k : a.keys()) {
                if (sets && k.totalLabel() != null) {
                    items.add("CASE WHEN GROUPING(" + q(k.column()) + ") = 1 THEN " + expr(k.totalLabel(), a.input())
                            + " ELSE " + q(k.column()) + " END AS " + q(k.column()));
                } else {
                    items.add(q(k.column()));
                }
            }
            for (Measure m : a.measures()) {
                items.add(measure(m, a.input()) + " AS " + q(m.name()));
            }
            String sql = "SELECT " + String.join(", ", items) + " FROM " + relation(a.input());
            if (sets) {
                sql += "\nGROUP BY GROUPING SETS ("
                        + a.groupingSets().stream()
                                .map(s -> "(" + columnList(s) + ")")
                                .collect(Collectors.joining(", "))
                        + ")";
            } else if (!a.keys().isEmpty()) {
                sql += "\nGROUP BY "
                        + columnList(a.keys().stream().map(GroupKey::column).toList());
            }
            return sql;
        }

        /**
         * Many grouping sets over many rows cost the engines one pass of every measure per set (DuckDB one hash
         * table each). When every measure can be re-aggregated exactly — counts summed, minima of minima, maxima
         * of maxima — the input is first grouped by all the keys (a result bounded by the keys' combinations,
         * not by the rows) and the sets are formed from that: the same rows for a fraction of the work. Sums
         * and means are left alone, as re-adding partial sums of doubles could change the last digit.
         */
        private boolean reaggregable(Query.Aggregate a) {
            return a.groupingSets().size() >= MANY_GROUPING_SETS
                    && !a.keys().isEmpty()
                    && a.measures().stream().allMatch(m -> switch (m.agg()) {
                        case COUNT_ROWS, COUNT, MIN, MAX -> true;
                        case COUNT_DISTINCT, SUM, MEAN, BIT_OR -> false;
                    });
        }

        private String aggregateFromFineGrain(Query.Aggregate a) {
            List<String> keys = a.keys().stream().map(GroupKey::column).toList();
            List<String> fineItems = new ArrayList<>();
            keys.forEach(k -> fineItems.add(q(k)));
            a.measures().forEach(m -> fineItems.add(measure(m, a.input()) + " AS " + q(m.name())));
            String fineSql = "SELECT " + String.join(", ", fineItems) + " FROM " + relation(a.input()) + "\nGROUP BY "
                    + columnList(keys);
            String fine = "q" + (ctes.size() + 1); // after the input's CTEs, which relation() adds
            ctes.add(fine + " AS (\n" + indent(fineSql) + "\n)");
            List<String> items = new ArrayList<>();
            for (GroupKey k : a.keys()) {
                items.add(
                        k.totalLabel() == null
                                ? q(k.column())
                                : "CASE WHEN GROUPING(" + q(k.column()) + ") = 1 THEN "
                                        + new ExprWriter(List.of()).write(k.totalLabel()) + " ELSE " + q(k.column())
                                        + " END AS " + q(k.column()));
            }
            for (Measure m : a.measures()) {
                String partial = q(m.name());
                items.add(switch (m.agg()) {
                            // a set with no rows at all (the grand total of an empty input) counts 0, as COUNT would
                            case COUNT_ROWS, COUNT -> "COALESCE(SUM(" + partial + "), 0)";
                            case MIN -> "MIN(" + partial + ")";
                            case MAX -> "MAX(" + partial + ")";
                            case COUNT_DISTINCT, SUM, MEAN, BIT_OR ->
                                throw new IllegalStateException("not re-aggregable: " + m);
                        }
                        + " AS " + q(m.name()));
            }
            return "SELECT " + String.join(", ", items) + " FROM " + fine + "\nGROUP BY GROUPING SETS ("
                    + a.groupingSets().stream()
                            .map(set -> "(" + columnList(set) + ")")
                            .collect(Collectors.joining(", "))
                    + ")";
        }

        /** Conditional measures aggregate a CASE, so numerator and denominator share one scan (trap 5). */
        private String measure(Measure m, Query input) {
            String value = m.value() == null ? "1" : expr(m.value(), input);
            String arg = m.where() == null ? value : "CASE WHEN " + expr(m.where(), input) + " THEN " + value + " END";
            return switch (m.agg()) {
                case COUNT_ROWS -> m.where() == null ? "COUNT(*)" : "COUNT(" + arg + ")";
                case COUNT -> "COUNT(" + arg + ")";
                case COUNT_DISTINCT -> "COUNT(DISTINCT " + arg + ")";
                case SUM -> "SUM(" + arg + ")";
                case MIN -> "MIN(" + arg + ")";
                case MAX -> "MAX(" + arg + ")";
                case MEAN -> "AVG(" + arg + ")";
                case BIT_OR -> "BIT_OR(" + arg + ")";
            };
        }

        private String named(Named n, Query input) {
            String sql = expr(n.expr(), input);
            return n.expr() instanceof Col c && c.name().equals(n.name()) ? sql : sql + " AS " + q(n.name());
        }

        private String expr(Expr e, Query input) {
            return new ExprWriter(input.columns()).write(e);
        }

        private String columnList(List<String> columns) {
            return columns.stream().map(SqlRenderer.this::q).collect(Collectors.joining(", "));
        }
    }

    /** Writes one expression over known input columns; every compound is parenthesised, so no precedence rules. */
    private final class ExprWriter {
        private final List<String> columns;

        ExprWriter(List<String> columns) {
            this.columns = columns;
        }

        String write(Expr e) {
            if (e instanceof Col c) {
                if (!columns.contains(c.name())) {
                    throw new IllegalArgumentException("no column " + c.name() + " in " + columns);
                }
                return q(c.name());
            }
            if (e instanceof Lit l) {
                return literal(l);
            }
            if (e instanceof Compare c) {
                return "(" + write(c.left()) + " " + compareOp(c.op()) + " " + write(c.right()) + ")";
            }
            if (e instanceof And a) {
                return "(" + a.terms().stream().map(this::write).collect(Collectors.joining(" AND ")) + ")";
            }
            if (e instanceof Or o) {
                return "(" + o.terms().stream().map(this::write).collect(Collectors.joining(" OR ")) + ")";
            }
            if (e instanceof Not n) {
                return "(NOT " + write(n.term()) + ")";
            }
            if (e instanceof In in) {
                return in.options().isEmpty()
                        ? "FALSE"
                        : "(" + write(in.value()) + " IN ("
                                + in.options().stream().map(this::literal).collect(Collectors.joining(", ")) + "))";
            }
            if (e instanceof IsNull n) {
                return "(" + write(n.value()) + " IS NULL)";
            }
            if (e instanceof Case c) {
                return "CASE"
                        + c.whens().stream()
                                .map(w -> " WHEN " + write(w.condition()) + " THEN " + write(w.then()))
                                .collect(Collectors.joining())
                        + (c.otherwise() == null ? "" : " ELSE " + write(c.otherwise())) + " END";
            }
            if (e instanceof Coalesce c) {
                return "COALESCE(" + c.values().stream().map(this::write).collect(Collectors.joining(", ")) + ")";
            }
            if (e instanceof Arith a) {
                return arith(a);
            }
            if (e instanceof MathFn m) {
                return math(m);
            }
            if (e instanceof BitSet b) {
                // '&' with a power of two reads the same in DuckDB and Spark (their shift operators differ)
                return "((" + write(b.value()) + " & " + (1L << b.bit()) + ") <> 0)";
            }
            if (e instanceof Round r) {
                return "ROUND(" + write(r.value()) + ", " + r.digits() + ")";
            }
            if (e instanceof Cast c) {
                return cast(write(c.value()), c.type());
            }
            if (e instanceof Concat c) {
                return "(" + c.parts().stream().map(this::write).collect(Collectors.joining(" || ")) + ")";
            }
            if (e instanceof StartsWith s) {
                return "(substr(" + write(s.value()) + ", 1, " + s.prefix().length() + ") = "
                        + dialect.stringLiteral(s.prefix()) + ")";
            }
            if (e instanceof Like l) {
                return "(" + write(l.value()) + " LIKE " + dialect.stringLiteral(l.pattern()) + ")";
            }
            if (e instanceof Substr s) {
                return "substr(" + write(s.value()) + ", " + s.start() + ", " + s.length() + ")";
            }
            if (e instanceof MonthStart m) {
                return "TRY_CAST((" + write(m.yearMonth()) + " || '-01') AS DATE)";
            }
            if (e instanceof AgeInYears a) {
                return age(write(a.birthDate()), write(a.at()));
            }
            if (e instanceof DaysBetween d) {
                return "CAST(" + dialect.daysBetween(write(d.from()), write(d.to())) + " AS BIGINT)";
            }
            if (e instanceof AddDays a) {
                return dialect.addDays(write(a.date()), write(a.days()));
            }
            if (e instanceof DatePart p) {
                return datePart(p.field(), write(p.date()));
            }
            if (e instanceof FinancialYear f) {
                return financialYear(write(f.date()));
            }
            if (e instanceof AgeBand b) {
                return ageBand(write(b.age()), b);
            }
            if (e instanceof EthnicGroup g) {
                return EthnicGroups.sqlCase(write(g.code()));
            }
            throw new IllegalStateException("unrendered expression " + e);
        }

        private String literal(Lit l) {
            if (l.value() == null) {
                return "CAST(NULL AS " + dialect.typeName(l.type()) + ")";
            }
            return switch (l.type()) {
                case STRING -> dialect.stringLiteral((String) l.value());
                case LONG -> Long.toString((Long) l.value());
                // A bare 0.5 is a DECIMAL in Spark and changes the type of whatever it touches (trap 4).
                case DOUBLE ->
                    "CAST(" + new java.math.BigDecimal(Double.toString((Double) l.value())).toPlainString()
                            + " AS DOUBLE)";
                case DATE -> "DATE '" + ((LocalDate) l.value()) + "'";
                case BOOLEAN -> ((Boolean) l.value()) ? "TRUE" : "FALSE";
            };
        }

        private String compareOp(CompareOp op) {
            return switch (op) {
                case EQ -> "=";
                case NE -> "<>";
                case LT -> "<";
                case LE -> "<=";
                case GT -> ">";
                case GE -> ">=";
            };
        }

        private String arith(Arith a) {
            String l = write(a.left());
            String r = write(a.right());
            String dbl = dialect.typeName(ValueType.DOUBLE);
            // Division is always fractional and a zero divisor gives NULL: DuckDB would give Infinity and
            // Spark (ANSI) an error (traps 1 and 13).
            String fractional = "(CAST(" + l + " AS " + dbl + ") / NULLIF(CAST(" + r + " AS " + dbl + "), 0))";
            return switch (a.op()) {
                case ADD -> "(" + l + " + " + r + ")";
                case SUBTRACT -> "(" + l + " - " + r + ")";
                case MULTIPLY -> "(" + l + " * " + r + ")";
                case DIVIDE -> fractional;
                case INT_DIVIDE -> "CAST(FLOOR" + fractional + " AS " + dialect.typeName(ValueType.LONG) + ")";
            };
        }

        private String math(MathFn m) {
            String v = write(m.value());
            String bigint = dialect.typeName(ValueType.LONG);
            return switch (m.op()) {
                case LN -> "LN(CASE WHEN " + v + " > 0 THEN " + v + " END)";
                case LOG10 -> "LOG10(CASE WHEN " + v + " > 0 THEN " + v + " END)";
                case SQRT -> "SQRT(CASE WHEN " + v + " >= 0 THEN " + v + " END)";
                case EXP -> "EXP(" + v + ")";
                case ABS -> "ABS(" + v + ")";
                case FLOOR -> "CAST(FLOOR(" + v + ") AS " + bigint + ")";
                case CEIL -> "CAST(CEIL(" + v + ") AS " + bigint + ")";
            };
        }

        private String cast(String v, ValueType type) {
            if (type == ValueType.LONG) {
                // Through DOUBLE and FLOOR: CAST(3.7 AS INT) is 4 in DuckDB and 3 in Spark (trap 2).
                return "TRY_CAST(FLOOR(TRY_CAST(" + v + " AS " + dialect.typeName(ValueType.DOUBLE) + ")) AS "
                        + dialect.typeName(ValueType.LONG) + ")";
            }
            return "TRY_CAST(" + v + " AS " + dialect.typeName(type) + ")";
        }

        /** Trap 15: whole years, the birthday counting from the day itself. */
        private String age(String birth, String at) {
            return "(year(" + at + ") - year(" + birth + ") - CASE WHEN month(" + at + ") * 100 + day(" + at
                    + ") < month(" + birth + ") * 100 + day(" + birth + ") THEN 1 ELSE 0 END)";
        }

        private String datePart(DateField field, String date) {
            return switch (field) {
                case YEAR -> "year(" + date + ")";
                case MONTH -> "month(" + date + ")";
                case DAY -> "day(" + date + ")";
                case ISO_DAY_OF_WEEK -> dialect.isoDayOfWeek(date);
            };
        }

        /** April to March: 2024-04-01 .. 2025-03-31 is "2024/25". */
        private String financialYear(String date) {
            String start = "(year(" + date + ") - CASE WHEN month(" + date + ") < 4 THEN 1 ELSE 0 END)";
            String str = dialect.typeName(ValueType.STRING);
            return "(CAST(" + start + " AS " + str + ") || '/' || lpad(CAST((" + start + " + 1) % 100 AS " + str
                    + "), 2, '0'))";
        }

        private String ageBand(String age, AgeBand b) {
            List<Integer> bounds = b.lowerBounds();
            List<String> labels = b.labels();
            StringBuilder sql = new StringBuilder("CASE");
            for (int i = bounds.size() - 1; i >= 0; i--) {
                sql.append(" WHEN ")
                        .append(age)
                        .append(" >= ")
                        .append(bounds.get(i))
                        .append(" THEN ")
                        .append(dialect.stringLiteral(labels.get(i)));
            }
            return sql.append(" END").toString();
        }
    }

    private String q(String identifier) {
        return dialect.quote(identifier);
    }

    private static String indent(String sql) {
        return sql.lines().map(l -> "  " + l).collect(Collectors.joining("\n"));
    }
}
