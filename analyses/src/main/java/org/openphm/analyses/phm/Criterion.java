package org.openphm.analyses.phm;

import static org.openphm.engine.query.Expr.coalesce;
import static org.openphm.engine.query.Expr.col;
import static org.openphm.engine.query.Expr.lit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.openphm.analyses.risk.RiskCohort;
import org.openphm.engine.query.Expr;

/**
 * One condition on a person's facts on an index date ({@link PersonFacts}): the shared language of the segment
 * rules and of cohort files. Written as JSON (see {@code phm/criterion.schema.json}):
 * <pre>
 * {"register": "DM"}                                  on the diabetes register
 * {"fact": "age", "op": "&gt;=", "value": 75}            a comparison with a number or a text
 * {"fact": "neighbourhood_code", "in": ["N1", "N2"]}  one of a list of values
 * {"all": [...]}, {"any": [...]}, {"not": {...}}       and, or, not
 * {"always": true}                                    everybody (the last segment's rule)
 * </pre>
 * Criteria are two-valued: a comparison with a fact a person has no value for (a blood pressure never recorded)
 * is false, and so the negation of it is true, which is what a reader of {@code "not"} expects.
 */
public sealed interface Criterion {

    /** The condition as a boolean expression over {@link PersonFacts}' columns, never NULL. */
    Expr toExpr();

    /** The condition in words, for the pack's definitions and the attrition table. */
    String describe();

    /** Every fact the condition reads (registers as their reg_* column). */
    List<String> facts();

    record Register(String code) implements Criterion {
        @Override
        public Expr toExpr() {
            return col(column()).eq(1L);
        }

        String column() {
            return RiskCohort.registerColumn(code);
        }

        @Override
        public String describe() {
            return "on the " + code + " register";
        }

        @Override
        public List<String> facts() {
            return List.of(column());
        }
    }

    enum Op {
        EQ("="),
        NE("!="),
        LT("<"),
        LE("<="),
        GT(">"),
        GE(">=");

        final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        static Op of(String symbol) {
            for (Op op : values()) {
                if (op.symbol.equals(symbol)) {
                    return op;
                }
            }
            throw new IllegalArgumentException("unknown comparison " + symbol);
        }
    }

    /** A fact compared with a number or a text. */
    record Compare(String fact, Op op, Object value) implements Criterion {
        @Override
        public Expr toExpr() {
            Expr v = value instanceof Number n
                    ? (n instanceof Double || n instanceof Float ? lit(n.doubleValue()) : lit(n.longValue()))
                    : lit(value.toString());
            Expr c = col(fact);
            Expr e = switch (op) {
                case EQ -> c.eq(v);
                case NE -> c.ne(v);
                case LT -> c.lt(v);
                case LE -> c.le(v);
                case GT -> c.gt(v);
                case GE -> c.ge(v);
            };
            return coalesce(e, lit(false));
        }

        @Override
        public String describe() {
            return fact + " " + op.symbol + " " + value;
        }

        @Override
        public List<String> facts() {
            return List.of(fact);
        }
    }

    /** A fact equal to one of a list of texts (areas, ethnic groups, strata, segments). */
    record OneOf(String fact, List<String> values) implements Criterion {
        public OneOf {
            values = List.copyOf(values);
        }

        @Override
        public Expr toExpr() {
            return coalesce(Expr.in(col(fact), values), lit(false));
        }

        @Override
        public String describe() {
            return fact + " in (" + String.join(", ", values) + ")";
        }

        @Override
        public List<String> facts() {
            return List.of(fact);
        }
    }

    record All(List<Criterion> terms) implements Criterion {
        public All {
            terms = List.copyOf(terms);
        }

        @Override
        public Expr toExpr() {
            return new Expr.And(terms.stream().map(Criterion::toExpr).toList());
        }

        @Override
        public String describe() {
            return join(terms, " and ");
        }

        @Override
        public List<String> facts() {
            return terms.stream().flatMap(t -> t.facts().stream()).distinct().toList();
        }
    }

    record Any(List<Criterion> terms) implements Criterion {
        public Any {
            terms = List.copyOf(terms);
        }

        @Override
        public Expr toExpr() {
            return new Expr.Or(terms.stream().map(Criterion::toExpr).toList());
        }

        @Override
        public String describe() {
            return join(terms, " or ");
        }

        @Override
        public List<String> facts() {
            return terms.stream().flatMap(t -> t.facts().stream()).distinct().toList();
        }
    }

    record Not(Criterion term) implements Criterion {
        @Override
        public Expr toExpr() {
            return Expr.not(term.toExpr());
        }

        @Override
        public String describe() {
            return "not (" + term.describe() + ")";
        }

        @Override
        public List<String> facts() {
            return term.facts();
        }
    }

    record Always() implements Criterion {
        @Override
        public Expr toExpr() {
            return lit(true);
        }

        @Override
        public String describe() {
            return "everybody else";
        }

        @Override
        public List<String> facts() {
            return List.of();
        }
    }

    private static String join(List<Criterion> terms, String with) {
        return terms.stream()
                .map(t -> t instanceof All || t instanceof Any ? "(" + t.describe() + ")" : t.describe())
                .collect(Collectors.joining(with));
    }

    /**
     * Reads a criterion that has passed the JSON Schema (so its shape is right); the facts it names are checked
     * against the facts available where it is used, by {@link PersonFacts#check}.
     */
    static Criterion parse(JsonNode node) {
        if (node.has("register")) {
            return new Register(node.get("register").asText().toUpperCase(Locale.ROOT));
        }
        if (node.has("all")) {
            return new All(parseAll(node.get("all")));
        }
        if (node.has("any")) {
            return new Any(parseAll(node.get("any")));
        }
        if (node.has("not")) {
            return new Not(parse(node.get("not")));
        }
        if (node.has("always")) {
            return new Always();
        }
        String fact = node.get("fact").asText();
        if (node.has("in")) {
            List<String> values = new ArrayList<>();
            node.get("in").forEach(v -> values.add(v.asText()));
            return new OneOf(fact, values);
        }
        JsonNode v = node.get("value");
        Object value = v.isIntegralNumber() ? (Object) v.asLong() : v.isNumber() ? (Object) v.asDouble() : v.asText();
        return new Compare(fact, Op.of(node.get("op").asText()), value);
    }

    private static List<Criterion> parseAll(JsonNode array) {
        List<Criterion> out = new ArrayList<>();
        array.forEach(n -> out.add(parse(n)));
        return out;
    }
}
