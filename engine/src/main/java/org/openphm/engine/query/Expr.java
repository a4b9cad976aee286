package org.openphm.engine.query;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An engine-neutral scalar expression over the columns of one relation. Every node has one meaning on every
 * engine; where DuckDB and Spark SQL disagree (the 15 traps in engine/README.md) the SQL renderer's dialect makes them
 * agree, so an analysis never contains engine-specific code. Build with the static factories below.
 */
public sealed interface Expr {

    // ---- leaves -------------------------------------------------------------------------------------

    /** A column of the input relation, by name. */
    record Col(String name) implements Expr {
        public Col {
            Objects.requireNonNull(name, "column name");
        }
    }

    /** A constant; {@code value} null is a NULL of {@code type}. */
    record Lit(Object value, ValueType type) implements Expr {
        public Lit {
            Objects.requireNonNull(type, "literal type");
            if (value != null && !type.javaType().isInstance(value)) {
                throw new IllegalArgumentException(value + " is not a " + type);
            }
            if (value instanceof Double d && (d.isNaN() || d.isInfinite())) {
                throw new IllegalArgumentException("no portable SQL literal for " + d);
            }
        }
    }

    // ---- logic --------------------------------------------------------------------------------------

    enum CompareOp {
        EQ,
        NE,
        LT,
        LE,
        GT,
        GE
    }

    /** SQL comparison: NULL when either side is NULL. */
    record Compare(CompareOp op, Expr left, Expr right) implements Expr {}

    record And(List<Expr> terms) implements Expr {
        public And {
            terms = nonEmpty(terms, "AND");
        }
    }

    record Or(List<Expr> terms) implements Expr {
        public Or {
            terms = nonEmpty(terms, "OR");
        }
    }

    record Not(Expr term) implements Expr {}

    /** Membership of a list of constants; an empty list is false. */
    record In(Expr value, List<Lit> options) implements Expr {
        public In {
            options = List.copyOf(options);
        }
    }

    record IsNull(Expr value) implements Expr {}

    record When(Expr condition, Expr then) {}

    /** First matching WHEN wins; {@code otherwise} null means NULL. */
    record Case(List<When> whens, Expr otherwise) implements Expr {
        public Case {
            whens = List.copyOf(whens);
            if (whens.isEmpty()) {
                throw new IllegalArgumentException("CASE needs at least one WHEN");
            }
        }

        /** {@code when(a, x).when(b, y).otherwise(z)}. */
        public static final class Builder {
            private final List<When> whens = new ArrayList<>();

            public Builder when(Expr condition, Expr then) {
                whens.add(new When(condition, then));
                return this;
            }

            public Case otherwise(Expr value) {
                return new Case(whens, value);
            }

            /** No ELSE: NULL when nothing matches. */
            public Case end() {
                return new Case(whens, null);
            }
        }
    }

    record Coalesce(List<Expr> values) implements Expr {
        public Coalesce {
            values = nonEmpty(values, "COALESCE");
        }
    }

    // ---- arithmetic ---------------------------------------------------------------------------------

    /**
     * DIVIDE is always fractional (a DOUBLE) and INT_DIVIDE is floor division (a LONG, -7 div 2 = -4);
     * both give NULL, never an error or infinity, when the divisor is zero (traps 1 and 13).
     */
    enum ArithOp {
        ADD,
        SUBTRACT,
        MULTIPLY,
        DIVIDE,
        INT_DIVIDE
    }

    record Arith(ArithOp op, Expr left, Expr right) implements Expr {}

    /**
     * FLOOR and CEIL give a LONG on every engine (DuckDB keeps a DOUBLE, Spark a BIGINT); LN, LOG10 and SQRT
     * give NULL outside their domain (DuckDB gives -Infinity/NaN, Spark NULL). LOG is deliberately absent:
     * it means log10 in DuckDB and ln in Spark (trap 3).
     */
    enum MathOp {
        LN,
        LOG10,
        EXP,
        SQRT,
        ABS,
        FLOOR,
        CEIL
    }

    record MathFn(MathOp op, Expr value) implements Expr {}

    /**
     * Whether bit {@code bit} (0 = the lowest) of a whole number is 1; NULL when the value is NULL. With
     * {@link Measure#bitOr} it keeps a set of up to 63 flags in one LONG (the registers a person is on).
     */
    record BitSet(Expr value, int bit) implements Expr {
        public BitSet {
            if (bit < 0 || bit > 62) {
                throw new IllegalArgumentException("bit " + bit + " is outside 0-62 of a signed LONG");
            }
        }
    }

    /** Rounds half away from zero to {@code digits} decimal places. */
    record Round(Expr value, int digits) implements Expr {}

    /**
     * Conversion that yields NULL instead of failing on a bad value (trap 13). To LONG it takes the floor of
     * the numeric value (never the engine's own rounding or truncation, trap 2).
     */
    record Cast(Expr value, ValueType type) implements Expr {}

    // ---- text ---------------------------------------------------------------------------------------

    /** String concatenation of text values; NULL if any part is NULL (DuckDB's concat() would skip it, trap 11). */
    record Concat(List<Expr> parts) implements Expr {
        public Concat {
            parts = nonEmpty(parts, "concatenation");
        }
    }

    record StartsWith(Expr value, String prefix) implements Expr {
        public StartsWith {
            Objects.requireNonNull(prefix, "prefix");
        }
    }

    /** SQL LIKE with % and _; backslashes are refused because the engines escape differently. */
    record Like(Expr value, String pattern) implements Expr {
        public Like {
            if (pattern.contains("\\")) {
                throw new IllegalArgumentException("LIKE patterns with backslashes are not portable: " + pattern);
            }
        }
    }

    /** Substring from 1-based {@code start}, {@code length} characters. */
    record Substr(Expr value, int start, int length) implements Expr {}

    // ---- dates --------------------------------------------------------------------------------------

    /** The first day of a yyyy-mm month given as text (birth_month, feed months); NULL if malformed. */
    record MonthStart(Expr yearMonth) implements Expr {}

    /** Age in whole completed years at a date (trap 15): birthdays count from the day itself. */
    record AgeInYears(Expr birthDate, Expr at) implements Expr {}

    /** {@code to - from} in days, a LONG, negative when {@code to} is earlier (trap 8). */
    record DaysBetween(Expr from, Expr to) implements Expr {}

    /** A date plus a (possibly negative) number of days, still a DATE (trap 9). */
    record AddDays(Expr date, Expr days) implements Expr {}

    /** ISO_DAY_OF_WEEK is 1 = Monday .. 7 = Sunday on every engine (trap 10). */
    enum DateField {
        YEAR,
        MONTH,
        DAY,
        ISO_DAY_OF_WEEK
    }

    record DatePart(DateField field, Expr date) implements Expr {}

    /** The NHS financial year (1 April to 31 March) of a date, labelled like "2024/25". */
    record FinancialYear(Expr date) implements Expr {}

    // ---- domain classifications ---------------------------------------------------------------------

    /**
     * The band an age falls in, given ascending lower bounds: [0, 5, ..., 90] gives "0-4" ... "85-89", "90+".
     * Ages below the first bound and NULL ages give NULL.
     */
    record AgeBand(Expr age, List<Integer> lowerBounds) implements Expr {
        public AgeBand {
            lowerBounds = List.copyOf(lowerBounds);
            if (lowerBounds.isEmpty()) {
                throw new IllegalArgumentException("an age banding needs at least one lower bound");
            }
            for (int i = 1; i < lowerBounds.size(); i++) {
                if (lowerBounds.get(i) <= lowerBounds.get(i - 1)) {
                    throw new IllegalArgumentException("age band bounds must ascend: " + lowerBounds);
                }
            }
        }

        /** The label of each band, in order. */
        public List<String> labels() {
            List<String> labels = new ArrayList<>();
            for (int i = 0; i < lowerBounds.size(); i++) {
                labels.add(
                        i + 1 < lowerBounds.size()
                                ? lowerBounds.get(i) + "-" + (lowerBounds.get(i + 1) - 1)
                                : lowerBounds.get(i) + "+");
            }
            return labels;
        }
    }

    /** Broad ethnic group of an NHS ethnic category code, exactly as org.openphm.model.EthnicGroups.broad. */
    record EthnicGroup(Expr code) implements Expr {}

    // ---- factories ----------------------------------------------------------------------------------

    static Col col(String name) {
        return new Col(name);
    }

    static Lit lit(String v) {
        return new Lit(v, ValueType.STRING);
    }

    static Lit lit(long v) {
        return new Lit(v, ValueType.LONG);
    }

    static Lit lit(double v) {
        return new Lit(v, ValueType.DOUBLE);
    }

    static Lit lit(LocalDate v) {
        return new Lit(v, ValueType.DATE);
    }

    static Lit lit(boolean v) {
        return new Lit(v, ValueType.BOOLEAN);
    }

    static Lit date(String isoDate) {
        return lit(LocalDate.parse(isoDate));
    }

    static Lit nullOf(ValueType type) {
        return new Lit(null, type);
    }

    static Expr and(Expr... terms) {
        return new And(Arrays.asList(terms));
    }

    static Expr or(Expr... terms) {
        return new Or(Arrays.asList(terms));
    }

    static Expr not(Expr term) {
        return new Not(term);
    }

    static Expr isNull(Expr e) {
        return new IsNull(e);
    }

    static Expr isNotNull(Expr e) {
        return new Not(new IsNull(e));
    }

    static Expr in(Expr e, String... codes) {
        return new In(e, Arrays.stream(codes).map(Expr::lit).toList());
    }

    static Expr in(Expr e, List<String> codes) {
        return new In(e, codes.stream().map(Expr::lit).toList());
    }

    static Case.Builder when(Expr condition, Expr then) {
        return new Case.Builder().when(condition, then);
    }

    static Expr coalesce(Expr... values) {
        return new Coalesce(Arrays.asList(values));
    }

    static Expr concat(Expr... parts) {
        return new Concat(Arrays.asList(parts));
    }

    static Expr ageInYears(Expr birthDate, Expr at) {
        return new AgeInYears(birthDate, at);
    }

    /** Age at a date from a yyyy-mm birth month, taking the 1st of the month as the birthday. */
    static Expr ageFromBirthMonth(Expr birthMonth, Expr at) {
        return new AgeInYears(new MonthStart(birthMonth), at);
    }

    static Expr daysBetween(Expr from, Expr to) {
        return new DaysBetween(from, to);
    }

    static Expr addDays(Expr date, Expr days) {
        return new AddDays(date, days);
    }

    static Expr year(Expr date) {
        return new DatePart(DateField.YEAR, date);
    }

    static Expr month(Expr date) {
        return new DatePart(DateField.MONTH, date);
    }

    static Expr financialYear(Expr date) {
        return new FinancialYear(date);
    }

    /** Five-year bands 0-4 .. 85-89 and 90+, as in population projections (CodeSets.AGE_BAND). */
    static Expr ageBand5(Expr age) {
        List<Integer> bounds = new ArrayList<>();
        for (int b = 0; b <= 90; b += 5) {
            bounds.add(b);
        }
        return new AgeBand(age, bounds);
    }

    static Expr ageBand(Expr age, Integer... lowerBounds) {
        return new AgeBand(age, Arrays.asList(lowerBounds));
    }

    static Expr ethnicGroup(Expr code) {
        return new EthnicGroup(code);
    }

    static Expr cast(Expr e, ValueType type) {
        return new Cast(e, type);
    }

    static Expr round(Expr e, int digits) {
        return new Round(e, digits);
    }

    static Expr bitSet(Expr value, int bit) {
        return new BitSet(value, bit);
    }

    /**
     * Bit i (2 to the power i) when {@code value} is the i-th of {@code values}, NULL for any other: with {@link
     * Measure#bitOr} a set of up to 63 labels (a person's registers) becomes one LONG, read back with {@link
     * #bitSet}.
     */
    static Expr bitOf(Expr value, java.util.List<String> values) {
        if (values.isEmpty() || values.size() > 63) {
            throw new IllegalArgumentException(values.size() + " values: 1 to 63 fit one bit set");
        }
        Case.Builder bit = null;
        for (int i = 0; i < values.size(); i++) {
            Expr is = value.eq(values.get(i));
            bit = bit == null ? when(is, lit(1L << i)) : bit.when(is, lit(1L << i));
        }
        return bit.end();
    }

    static Expr math(MathOp op, Expr e) {
        return new MathFn(op, e);
    }

    // ---- fluent operators, so definitions read left to right ---------------------------------------

    default Expr eq(Expr o) {
        return new Compare(CompareOp.EQ, this, o);
    }

    default Expr ne(Expr o) {
        return new Compare(CompareOp.NE, this, o);
    }

    default Expr lt(Expr o) {
        return new Compare(CompareOp.LT, this, o);
    }

    default Expr le(Expr o) {
        return new Compare(CompareOp.LE, this, o);
    }

    default Expr gt(Expr o) {
        return new Compare(CompareOp.GT, this, o);
    }

    default Expr ge(Expr o) {
        return new Compare(CompareOp.GE, this, o);
    }

    default Expr eq(String s) {
        return eq(lit(s));
    }

    default Expr eq(long v) {
        return eq(lit(v));
    }

    default Expr plus(Expr o) {
        return new Arith(ArithOp.ADD, this, o);
    }

    default Expr minus(Expr o) {
        return new Arith(ArithOp.SUBTRACT, this, o);
    }

    default Expr times(Expr o) {
        return new Arith(ArithOp.MULTIPLY, this, o);
    }

    default Expr dividedBy(Expr o) {
        return new Arith(ArithOp.DIVIDE, this, o);
    }

    default Expr intDividedBy(Expr o) {
        return new Arith(ArithOp.INT_DIVIDE, this, o);
    }

    default Expr startsWith(String prefix) {
        return new StartsWith(this, prefix);
    }

    default Expr like(String pattern) {
        return new Like(this, pattern);
    }

    private static <T> List<T> nonEmpty(List<T> items, String what) {
        if (items.isEmpty()) {
            throw new IllegalArgumentException(what + " needs at least one operand");
        }
        return List.copyOf(items);
    }
}
