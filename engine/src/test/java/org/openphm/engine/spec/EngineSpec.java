package org.openphm.engine.spec;

import static java.time.LocalDate.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.openphm.engine.query.Expr.*;
import static org.openphm.engine.query.Measure.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openphm.engine.Engine;
import org.openphm.engine.Result;
import org.openphm.engine.query.Expr;
import org.openphm.engine.query.Expr.DateField;
import org.openphm.engine.query.Expr.MathOp;
import org.openphm.engine.query.GroupKey;
import org.openphm.engine.query.JoinKey;
import org.openphm.engine.query.JoinType;
import org.openphm.engine.query.Named;
import org.openphm.engine.query.Query;
import org.openphm.engine.query.SortKey;
import org.openphm.engine.query.ValueType;
import org.openphm.model.CanonicalSchema;

/**
 * The specification suite: every query-model node and expression, and each of the 15 DuckDB/Spark SQL traps
 * (engine/README.md, "Dialect differences handled"), on tiny tables ({@link SpecData}) with answers derived by hand
 * in the comments. Each engine module extends this class and supplies the engine; both must give exactly these
 * results, so they give identical results to each other. One engine instance (one Spark session) serves every case.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class EngineSpec {

    /** An engine over the given tables, each loaded under its name with its columns and types. */
    protected abstract Engine openEngine(List<SpecTable> tables) throws Exception;

    protected Engine engine;

    @BeforeAll
    void openOnce() throws Exception {
        engine = openEngine(SpecData.ALL);
    }

    @AfterAll
    void closeOnce() {
        if (engine != null) {
            engine.close();
        }
    }

    // ==== person-level reads without boxing ================================================================

    @Test
    void streamNumericGivesTextColumnsAsTextAndTheRestAsDoublesWithNaNForEmpty() {
        // spec_values ordered by id, with id and s read as text, then i, d and i / j as numbers:
        // id 1: "abc", 7, 2.5, 3.5; id 2: "I21", -7, -2.5, -3.5; id 3: null, 3, 3.7, NaN (3/0 is NULL);
        // id 4: "12", NaN (i is NULL), 0.125, NaN; id 5: "O'Brien \\ x", 10, -3.7, 10/3
        List<String> names = new ArrayList<>();
        List<String> text = new ArrayList<>();
        List<double[]> numbers = new ArrayList<>();
        engine.streamNumeric(
                values().select(
                                Named.as("id", col("id")),
                                Named.as("s", col("s")),
                                Named.as("i", col("i")),
                                Named.as("d", col("d")),
                                Named.as("ratio", col("i").dividedBy(col("j"))))
                        .orderBy(SortKey.asc("id")),
                2,
                new Engine.NumericRowSink() {
                    @Override
                    public void columns(List<String> n) {
                        names.addAll(n);
                    }

                    @Override
                    public void row(String[] t, double[] v) {
                        text.add(t[0] + "|" + t[1]);
                        numbers.add(v.clone());
                    }
                });
        assertEquals(List.of("id", "s", "i", "d", "ratio"), names);
        assertEquals(List.of("1|abc", "2|I21", "3|null", "4|12", "5|O'Brien \\ x"), text);
        double nan = Double.NaN;
        double[][] expected = {{7, 2.5, 3.5}, {-7, -2.5, -3.5}, {3, 3.7, nan}, {nan, 0.125, nan}, {10, -3.7, 10.0 / 3.0}
        };
        for (int r = 0; r < expected.length; r++) {
            org.junit.jupiter.api.Assertions.assertArrayEquals(expected[r], numbers.get(r), 0.0, "row " + (r + 1));
        }
    }

    // ==== expressions: arithmetic ========================================================================

    @Test
    void integerDivisionFloorsAndGivesNullForZero() {
        // trap 1. i div j by id: 7 div 2 = 3; -7 div 2 = floor(-3.5) = -4; 3 div 0 = NULL; NULL div 4 = NULL;
        // 10 div 3 = 3
        column(values(), col("i").intDividedBy(col("j")), 3L, -4L, null, null, 3L);
    }

    @Test
    void divisionIsFractionalAndNullForZero() {
        // 7/2 = 3.5; -7/2 = -3.5; 3/0 = NULL (DuckDB would give Infinity, ANSI Spark an error); NULL/4 = NULL;
        // 10/3 = the IEEE double nearest 3.333..., the same on both engines
        column(values(), col("i").dividedBy(col("j")), 3.5, -3.5, null, null, 10.0 / 3.0);
    }

    @Test
    void addSubtractMultiply() {
        // i + j: 9, -5, 3, NULL, 13; i - j: 5, -9, 3, NULL, 7; i * j: 14, -14, 0, NULL, 30
        column(values(), col("i").plus(col("j")), 9L, -5L, 3L, null, 13L);
        column(values(), col("i").minus(col("j")), 5L, -9L, 3L, null, 7L);
        column(values(), col("i").times(col("j")), 14L, -14L, 0L, null, 30L);
    }

    @Test
    void castToIntegerFloorsRatherThanRounding() {
        // trap 2: CAST(3.7 AS INT) is 4 in DuckDB, 3 in Spark. Ours floors: 2.5 -> 2, -2.5 -> -3, 3.7 -> 3,
        // 0.125 -> 0, -3.7 -> -4
        column(values(), cast(col("d"), ValueType.LONG), 2L, -3L, 3L, 0L, -4L);
    }

    @Test
    void castOfBadTextGivesNull() {
        // trap 13: s as a number: 'abc' -> NULL, 'I21' -> NULL, NULL -> NULL, '12' -> 12, "O'Brien.." -> NULL
        column(values(), cast(col("s"), ValueType.LONG), null, null, null, 12L, null);
        column(values(), cast(col("s"), ValueType.DOUBLE), null, null, null, 12.0, null);
        // integers to text: 7 -> '7', -7 -> '-7', 3 -> '3', NULL, 10 -> '10'
        column(values(), cast(col("i"), ValueType.STRING), "7", "-7", "3", null, "10");
    }

    @Test
    void lnAndLog10AreDistinctAndNullOutsideTheirDomain() {
        // trap 3: LOG means log10 in DuckDB and ln in Spark; we only have LN and LOG10.
        // ln: row 1 ln(1) = 0; row 2 ln(0) = NULL (DuckDB: -Infinity); rows 3-5 ln(d), d = 3.7, 0.125, -3.7
        // (negative: NULL). Inexact values are compared with Java's correctly rounded Math.log.
        column(
                values(),
                math(
                        MathOp.LN,
                        Expr.when(col("id").eq(1), lit(1.0))
                                .when(col("id").eq(2), lit(0.0))
                                .otherwise(col("d"))),
                0.0,
                null,
                Math.log(3.7),
                Math.log(0.125),
                null);
        column(
                values(),
                math(MathOp.LOG10, Expr.when(col("id").eq(1), lit(100L)).otherwise(col("i"))),
                2.0,
                null,
                Math.log10(3),
                null,
                1.0);
        // sqrt: 16 -> 4, -7 -> NULL; exp(0) = 1
        column(
                values(),
                math(MathOp.SQRT, Expr.when(col("id").eq(1), lit(16L)).otherwise(col("i"))),
                4.0,
                null,
                Math.sqrt(3),
                null,
                Math.sqrt(10));
        column(values(), math(MathOp.EXP, col("j").minus(col("j"))), 1.0, 1.0, 1.0, 1.0, 1.0);
    }

    @Test
    void floorCeilAbsRound() {
        // floor d: 2, -3, 3, 0, -4 (a LONG on both engines); ceil d: 3, -2, 4, 1, -3
        column(values(), math(MathOp.FLOOR, col("d")), 2L, -3L, 3L, 0L, -4L);
        column(values(), math(MathOp.CEIL, col("d")), 3L, -2L, 4L, 1L, -3L);
        // abs d: 2.5, 2.5, 3.7, 0.125, 3.7
        column(values(), math(MathOp.ABS, col("d")), 2.5, 2.5, 3.7, 0.125, 3.7);
        // round half away from zero: 2.5 -> 3, -2.5 -> -3, 3.7 -> 4, 0.125 -> 0, -3.7 -> -4
        column(values(), round(col("d"), 0), 3.0, -3.0, 4.0, 0.0, -4.0);
        // to 2 places: 0.125 is exact in binary, so half away from zero gives 0.13
        column(values(), round(col("d"), 2), 2.5, -2.5, 3.7, 0.13, -3.7);
    }

    @Test
    void fractionalLiteralsStayDouble() {
        // trap 4: a bare 0.1 is DECIMAL in Spark and the sum would be exactly 0.3. As a DOUBLE,
        // 0.1 + 0.1 = 0.2 exactly-rounded, + 0.1 = 0.30000000000000004 (IEEE 754), in any order.
        Query q = Query.from(CanonicalSchema.PRACTICE).aggregate(List.of(), sum("s", lit(0.1)));
        rows(q, cols("s"), row(0.30000000000000004));
        // and a double literal times an integer column is a double: 0.5 * 7 = 3.5
        column(values(), lit(0.5).times(col("i")), 3.5, -3.5, 1.5, null, 5.0);
    }

    @Test
    void logisticRiskScoreRunsInTheEngine() {
        // A fitted model compiled to an expression (DESIGN 4): p = 1 / (1 + exp(-(b0 + b1 * i))) with
        // b0 = -1, b1 = 0.25. Linear predictors 0.75, -2.75, -0.25, NULL, 1.5; logistic values (Python
        // math.exp) 0.6791786992, 0.0600866502, 0.4378234991, NULL, 0.8175744762, rounded to 6 places so
        // a last-bit difference between the engines' exp() cannot show.
        Expr linear = lit(-1.0).plus(lit(0.25).times(col("i")));
        Expr p = lit(1.0).dividedBy(lit(1.0).plus(math(MathOp.EXP, lit(0.0).minus(linear))));
        column(values(), round(p, 6), 0.679179, 0.060087, 0.437823, null, 0.817574);
        // at a linear predictor of exactly 0 the score is exactly one half
        column(values().where(col("id").eq(1)), lit(1.0).dividedBy(lit(1.0).plus(math(MathOp.EXP, lit(0.0)))), 0.5);
    }

    // ==== expressions: logic ============================================================================

    @Test
    void comparisonsWithNullAreNull() {
        // i > 3: true, false, false, NULL, true; i = 3: false, false, true, NULL, false
        column(values(), col("i").gt(lit(3L)), true, false, false, null, true);
        column(values(), col("i").eq(3), false, false, true, null, false);
        column(values(), col("i").ne(lit(3L)), true, true, false, null, true);
        column(values(), col("i").le(lit(3L)), false, true, true, null, false);
        column(values(), col("i").lt(lit(3L)), false, true, false, null, false);
        column(values(), col("i").ge(lit(3L)), true, false, true, null, true);
    }

    @Test
    void threeValuedAndOrNot() {
        // b: true, false, NULL, true, false. b AND (i > 3): true&true = T; false&false = F; NULL&false = F;
        // true&NULL = NULL; false&true = F
        column(values(), and(col("b"), col("i").gt(lit(3L))), true, false, false, null, false);
        // b OR (i > 3): T; F|F = F; NULL|F = NULL; T|NULL = T; F|T = T
        column(values(), or(col("b"), col("i").gt(lit(3L))), true, false, null, true, true);
        // NOT b: F, T, NULL, F, T
        column(values(), not(col("b")), false, true, null, false, true);
    }

    @Test
    void inListIsNullCoalesceCase() {
        // s IN ('abc','12'): T, F, NULL, T, F; empty list: always false
        column(values(), in(col("s"), "abc", "12"), true, false, null, true, false);
        column(values(), in(col("s"), List.of()), false, false, false, false, false);
        column(values(), isNull(col("s")), false, false, true, false, false);
        column(values(), isNotNull(col("i")), true, true, true, false, true);
        // COALESCE(i, j): 7, -7, 3, 4, 10
        column(values(), coalesce(col("i"), col("j")), 7L, -7L, 3L, 4L, 10L);
        // CASE i > 5 'big', i < 0 'negative', else 'other'; NULL i matches nothing -> 'other'
        column(
                values(),
                when(col("i").gt(lit(5L)), lit("big"))
                        .when(col("i").lt(lit(0L)), lit("negative"))
                        .otherwise(lit("other")),
                "big",
                "negative",
                "other",
                "other",
                "big");
        // without ELSE: NULL where nothing matches
        column(values(), when(col("b"), lit(1L)).end(), 1L, null, null, 1L, null);
    }

    @Test
    void literalsOfEveryType() {
        // each literal comes back as the Java type of its kind; a typed NULL is null
        column(values().where(col("id").eq(1)), lit("x"), "x");
        column(values().where(col("id").eq(1)), lit(42L), 42L);
        column(values().where(col("id").eq(1)), lit(-1.25), -1.25);
        column(values().where(col("id").eq(1)), date("2024-02-29"), parse("2024-02-29"));
        column(values().where(col("id").eq(1)), lit(true), true);
        column(values().where(col("id").eq(1)), nullOf(ValueType.DATE), (Object) null);
        // quotes and backslashes survive both parsers (Spark reads backslash as an escape)
        column(values().where(col("id").eq(1)), lit("O'Brien \\ x"), "O'Brien \\ x");
        rows(values().where(col("s").eq(lit("O'Brien \\ x"))).select("id"), cols("id"), row(5L));
    }

    // ==== expressions: text =============================================================================

    @Test
    void concatenationWithNullIsNull() {
        // trap 11: concat('a', NULL) is 'a' in DuckDB and NULL in Spark; ours is NULL.
        // s || '-' || CAST(i AS STRING): 'abc-7', 'I21--7', NULL (s NULL), NULL (i NULL), "O'Brien \ x-10"
        column(
                values(),
                concat(col("s"), lit("-"), cast(col("i"), ValueType.STRING)),
                "abc-7",
                "I21--7",
                null,
                null,
                "O'Brien \\ x-10");
    }

    @Test
    void prefixLikeSubstring() {
        // starts with 'I2': F, T, NULL, F, F; 'a_c' LIKE: T, F, NULL, F, F; LIKE '%\'%' with a quote
        column(values(), col("s").startsWith("I2"), false, true, null, false, false);
        column(values(), col("s").like("a_c"), true, false, null, false, false);
        column(values(), col("s").like("%'%"), false, false, null, false, true);
        // substr(s, 2, 2): 'bc', '21', NULL, '2', "'B"
        column(values(), new Expr.Substr(col("s"), 2, 2), "bc", "21", null, "2", "'B");
    }

    // ==== expressions: dates ============================================================================

    @Test
    void ageInWholeYearsAroundTheBirthdayMonth() {
        // trap 15. Born 1950-03 = 1950-03-01. At 2025-02-28: 2025-1950 = 75, Feb 28 is before Mar 1, so 74.
        // At 2025-03-01 (the birthday): 75. At 2025-03-31: 75. Born 1950-04-01 at 2025-03-31: 74.
        Query one = dates().where(col("id").eq(1));
        column(one, ageFromBirthMonth(col("birth_month"), date("2025-02-28")), 74L);
        column(one, ageFromBirthMonth(col("birth_month"), date("2025-03-01")), 75L);
        column(one, ageFromBirthMonth(col("birth_month"), date("2025-03-31")), 75L);
        // all rows at 2025-03-31: 1950-03 -> 75; 1950-04 -> 74; 2000-02 -> 25; '2024-13' (no such month) ->
        // NULL; NULL -> NULL; 1999-12 -> 25; 2024-03 -> 1
        column(dates(), ageFromBirthMonth(col("birth_month"), date("2025-03-31")), 75L, 74L, 25L, null, null, 25L, 1L);
        // a leap-day birthday: born 2024-02-29, at 2025-02-28 -> 0 (228 < 229), at 2025-03-01 -> 1
        column(one, ageInYears(date("2024-02-29"), date("2025-02-28")), 0L);
        column(one, ageInYears(date("2024-02-29"), date("2025-03-01")), 1L);
    }

    @Test
    void monthStartOfYearMonthText() {
        // '1950-03' -> 1950-03-01, ..., '2024-13' -> NULL, NULL -> NULL
        column(
                dates(),
                new Expr.MonthStart(col("birth_month")),
                parse("1950-03-01"),
                parse("1950-04-01"),
                parse("2000-02-01"),
                null,
                null,
                parse("1999-12-01"),
                parse("2024-03-01"));
    }

    @Test
    void daysBetweenDates() {
        // trap 8. e - d: 2024-03-31 -> 04-01 = 1; 04-01 -> 03-31 = -1; 2024-02-28 -> 03-01 = 2 (leap year);
        // 2023-02-28 -> 03-01 = 1; 2000-01-01 -> 1999-12-31 = -1; NULL; NULL
        column(dates(), daysBetween(col("d"), col("e")), 1L, -1L, 2L, 1L, -1L, null, null);
    }

    @Test
    void addDaysStaysADate() {
        // trap 9. d + n: 2024-03-31 + 1 = 2024-04-01; 2024-04-01 - 1 = 2024-03-31; 2024-02-28 + 2 = 2024-03-01;
        // 2023-02-28 + 365 = 2024-02-28; 2000-01-01 - 366 = 1998-12-31 (1999 has 365 days, so -365 is
        // 1999-01-01, one more is 1998-12-31); NULL date; 2024-11-25 + 0
        column(
                dates(),
                addDays(col("d"), col("n")),
                parse("2024-04-01"),
                parse("2024-03-31"),
                parse("2024-03-01"),
                parse("2024-02-28"),
                parse("1998-12-31"),
                null,
                parse("2024-11-25"));
    }

    @Test
    void datePartsAndIsoDayOfWeek() {
        // trap 10. ISO weekday of e: 2024-04-01 Mon = 1; 2024-03-31 Sun = 7; 2024-03-01 Fri = 5;
        // 2023-03-01 Wed = 3; 1999-12-31 Fri = 5; 2024-11-24 Sun = 7; NULL
        column(dates(), new Expr.DatePart(DateField.ISO_DAY_OF_WEEK, col("e")), 1L, 7L, 5L, 3L, 5L, 7L, null);
        column(dates(), year(col("d")), 2024L, 2024L, 2024L, 2023L, 2000L, null, 2024L);
        column(dates(), month(col("d")), 3L, 4L, 2L, 2L, 1L, null, 11L);
        column(dates(), new Expr.DatePart(DateField.DAY, col("d")), 31L, 1L, 28L, 28L, 1L, null, 25L);
    }

    @Test
    void financialYearBoundaries() {
        // April to March: 2024-03-31 -> 2023/24; 2024-04-01 -> 2024/25; 2024-02-28 -> 2023/24;
        // 2023-02-28 -> 2022/23; 2000-01-01 -> 1999/00 (the century wraps to '00'); NULL; 2024-11-25 -> 2024/25
        column(
                dates(),
                financialYear(col("d")),
                "2023/24",
                "2024/25",
                "2023/24",
                "2022/23",
                "1999/00",
                null,
                "2024/25");
    }

    // ==== expressions: classifications ==================================================================

    @Test
    void fiveYearAgeBands() {
        // 0 -> 0-4; 4 -> 0-4; 5 -> 5-9; 89 -> 85-89; 90 -> 90+; 104 -> 90+; -1 -> NULL; NULL -> NULL;
        // 17 -> 15-19; 18 -> 15-19; 64 -> 60-64; 65 -> 65-69
        column(
                people(),
                ageBand5(col("age")),
                "0-4",
                "0-4",
                "5-9",
                "85-89",
                "90+",
                "90+",
                null,
                null,
                "15-19",
                "15-19",
                "60-64",
                "65-69");
    }

    @Test
    void customAgeBands() {
        // bounds 0, 18, 65: 0-17, 18-64, 65+
        column(
                people(),
                ageBand(col("age"), 0, 18, 65),
                "0-17",
                "0-17",
                "0-17",
                "65+",
                "65+",
                "65+",
                null,
                null,
                "0-17",
                "18-64",
                "18-64",
                "65+");
    }

    @Test
    void ethnicGroupsAsTheModelDefinesThem() {
        // EthnicGroups: A,B,C White; D-G Mixed; H,J,K,L,R Asian; M,N,P Black; S Other; Z, '', NULL, unknown
        // codes Not stated
        column(
                people(),
                ethnicGroup(col("ethnicity")),
                "White",
                "Asian",
                "Asian",
                "Not stated",
                "Not stated",
                "Not stated",
                "Black",
                "Other",
                "Mixed",
                "White",
                "Black",
                "Not stated");
    }

    // ==== relations =====================================================================================

    @Test
    void sourceReturnsEveryColumnOfACanonicalTable() {
        Result r = engine.execute(Query.from(CanonicalSchema.PRACTICE).orderBy(SortKey.asc("practice_code")));
        assertEquals(CanonicalSchema.PRACTICE.columnNames(), r.columns());
        // E81001 < K81001 < K81002 in code-point order
        assertEquals(
                List.of("E81001", "K81001", "K81002"),
                r.rows().stream().map(row -> row.get(0)).toList());
    }

    @Test
    void filterKeepsOnlyTrueRows() {
        // b is true for ids 1 and 4; the NULL b (id 3) is dropped like false
        rows(values().where(col("b")).select("id"), cols("id"), row(1L), row(4L));
    }

    @Test
    void deriveAddsAndReplacesInPlace() {
        // replacing i keeps it where it was; k is appended: id, i (= i * 2), j, d, s, b, k
        Query q = values().where(col("id").eq(1))
                .derive(Named.as("i", col("i").times(lit(2L))), Named.as("k", lit("new")));
        rows(q, cols("id", "i", "j", "d", "s", "b", "k"), row(1L, 14L, 2L, 2.5, "abc", true, "new"));
    }

    @Test
    void selectProjectsAndRenames() {
        Query q =
                values().where(col("id").le(lit(2L))).select(Named.as("ident", col("id")), Named.as("text", col("s")));
        rows(q, cols("ident", "text"), row(1L, "abc"), row(2L, "I21"));
    }

    @Test
    void quotedIdentifiersAreColumnsNotStrings() {
        // trap 12: "place" double-quoted is a string literal in Spark; reserved words order and group work too
        Query q = awkward().where(col("order").eq(lit(1L))).select("place", "group");
        rows(q, cols("place", "group"), row("Bedford", "a"));
        rows(
                awkward()
                        .aggregate(List.of("group"), sum("total", col("order")))
                        .orderBy(SortKey.asc("group")),
                cols("group", "total"),
                row("a", 1L),
                row("b", 2L));
    }

    @Test
    void innerJoinOnEqualKeys() {
        // registrations with a known practice: p5's Z99999 has no practice row, so 6 of 7 remain
        Query q = Query.from(CanonicalSchema.REGISTRATION)
                .select("person_id", "practice_code")
                .join(Query.from(CanonicalSchema.PRACTICE).select("practice_code", "place_code"), "practice_code");
        rows(
                q,
                cols("person_id", "practice_code", "place_code"),
                row("p1", "K81001", "E06000055"),
                row("p2", "K81002", "E06000055"),
                row("p3", "E81001", "E06000032"),
                row("p4", "E81001", "E06000032"),
                row("p6", "K81001", "E06000055"),
                row("p6", "E81001", "E06000032"));
    }

    @Test
    void leftJoinKeepsUnmatchedWithNulls() {
        // p5's practice Z99999 is unknown: kept with a NULL place
        Query q = Query.from(CanonicalSchema.REGISTRATION)
                .where(col("person_id").eq("p5"))
                .select("person_id", "practice_code")
                .leftJoin(Query.from(CanonicalSchema.PRACTICE).select("practice_code", "place_code"), "practice_code");
        rows(q, cols("person_id", "practice_code", "place_code"), row("p5", "Z99999", null));
    }

    @Test
    void joinOnDifferentlyNamedKeysAndNullKeysNeverMatch() {
        // values.s = people id as text: s = '12' (values id 4) matches people id 12 (ethnicity X); the
        // NULL s (values id 3) matches nothing. Left key s is kept, right key pid is dropped.
        Query people =
                people().select(Named.as("pid", cast(col("id"), ValueType.STRING)), Named.as("eth", col("ethnicity")));
        Query q = new Query.Join(values().select("id", "s"), people, JoinType.INNER, List.of(new JoinKey("s", "pid")));
        rows(q, cols("id", "s", "eth"), row(4L, "12", "X"));
    }

    @Test
    void joinRefusesAmbiguousColumns() {
        Query left = values().select("id", "s");
        Query right = people().select("id", "age").derive("s", lit("x"));
        assertThrows(IllegalArgumentException.class, () -> left.join(right, "id"));
    }

    @Test
    void unionAllMatchesColumnsByName() {
        // the second input lists its columns the other way round; rows are matched by name, duplicates kept
        Query a = values().where(col("id").le(lit(2L))).select("id", "s");
        Query b = values().where(col("id").eq(1)).select("s", "id");
        rows(a.unionAll(b), cols("id", "s"), row(1L, "abc"), row(2L, "I21"), row(1L, "abc"));
    }

    @Test
    void everyMeasureInOneGroupedQuery() {
        // spells grouped by admission_method:
        //  elective: s2 (250.5)                       -> rows 1, persons 1, cost 250.5, min=max=mean 250.5
        //  emergency: s1 p1 1000, s3 p2 3000, s4 p6 500, s5 p6 750 -> rows 4, distinct persons 3,
        //             sum 5250, min 500, max 3000, mean 1312.5, discharged (non-null discharge) 3,
        //             count-if cost >= 750: 3, sum of cost where discharged: 1000 + 3000 + 750 = 4750
        //  other: s6 p3 0.0                           -> rows 1, persons 1, sum 0, ...
        Query q = Query.from(CanonicalSchema.SPELL)
                .aggregate(
                        List.of("admission_method"),
                        countRows("spells"),
                        countDistinct("persons", col("person_id")),
                        sum("cost", col("cost_gbp")),
                        min("min_cost", col("cost_gbp")),
                        max("max_cost", col("cost_gbp")),
                        mean("mean_cost", col("cost_gbp")),
                        count("discharged", col("discharge_date")),
                        countIf("costly", col("cost_gbp").ge(lit(750.0))),
                        sum("discharged_cost", col("cost_gbp")).where(isNotNull(col("discharge_date"))))
                .orderBy(SortKey.asc("admission_method"));
        rows(
                q,
                cols(
                        "admission_method",
                        "spells",
                        "persons",
                        "cost",
                        "min_cost",
                        "max_cost",
                        "mean_cost",
                        "discharged",
                        "costly",
                        "discharged_cost"),
                row("elective", 1L, 1L, 250.5, 250.5, 250.5, 250.5, 1L, 0L, 250.5),
                row("emergency", 4L, 3L, 5250.0, 500.0, 3000.0, 1312.5, 3L, 3L, 4750.0),
                row("other", 1L, 1L, 0.0, 0.0, 0.0, 0.0, 1L, 0L, 0.0));
    }

    @Test
    void integerSumsAreLongs() {
        // trap 14: SUM(INTEGER) is a HUGEINT (BigInteger) in DuckDB, BIGINT in Spark; ours is Long.
        // sum i = 7 - 7 + 3 + 10 = 13 (NULL skipped); mean i = 13 / 4 = 3.25; min/max of dates
        rows(
                values().aggregate(List.of(), sum("total", col("i")), mean("avg", col("i")), count("n", col("i"))),
                cols("total", "avg", "n"),
                row(13L, 3.25, 4L));
        rows(
                dates().aggregate(List.of(), min("first", col("d")), max("last", col("d"))),
                cols("first", "last"),
                row(parse("2000-01-01"), parse("2024-11-25")));
    }

    @Test
    void countIfNeverSumsABoolean() {
        // trap 5: SUM(boolean) fails in Spark. countIf(b): true for ids 1 and 4 = 2; NULL b is not counted.
        // numerator and denominator from one scan: 5 rows, 2 where b
        rows(
                values().aggregate(List.of(), countRows("denominator"), countIf("numerator", col("b"))),
                cols("denominator", "numerator"),
                row(5L, 2L));
    }

    @Test
    void aggregatesOverNoRows() {
        // no keys: one row, count 0, sum NULL; with keys: no rows
        rows(
                empty().aggregate(List.of(), countRows("n"), sum("s", col("x")), countIf("c", col("x").gt(lit(0L)))),
                cols("n", "s", "c"),
                row(0L, null, 0L));
        rows(empty().aggregate(List.of("k"), countRows("n")), cols("k", "n"));
    }

    @Test
    void manyGroupingSetsOfCountsMinimaAndMaxima() {
        // Four grouping sets (the renderer groups by all keys first, then forms the sets from that). Spells:
        // s1 p1 emergency 2024-03-31 (FY 2023/24) cost 1000; s2 p1 elective 2024-04-01 (2024/25) 250.5;
        // s3 p2 emergency 2024-04-02 (2024/25) 3000; s4 p6 emergency 2025-03-31 (2024/25) 500, not discharged;
        // s5 p6 emergency 2024-10-10 (2024/25) 750; s6 p3 other 2023-05-05 (2023/24) 0.
        // n = spells, discharged = non-null discharge, costly = cost >= 750, first/last admission.
        Query q = Query.from(CanonicalSchema.SPELL)
                .derive("fy", financialYear(col("admission_date")))
                .aggregate(
                        List.of(
                                GroupKey.of("admission_method").totalAs("all"),
                                GroupKey.of("person_id").totalAs("all"),
                                GroupKey.of("fy").totalAs("all")),
                        List.of(
                                List.of("admission_method", "person_id"),
                                List.of("admission_method"),
                                List.of("fy"),
                                List.of()),
                        countRows("n"),
                        count("discharged", col("discharge_date")),
                        countIf("costly", col("cost_gbp").ge(lit(750.0))),
                        min("first", col("admission_date")),
                        max("last", col("admission_date")));
        rows(
                q,
                cols("admission_method", "person_id", "fy", "n", "discharged", "costly", "first", "last"),
                // (method, person)
                row("elective", "p1", "all", 1L, 1L, 0L, parse("2024-04-01"), parse("2024-04-01")),
                row("emergency", "p1", "all", 1L, 1L, 1L, parse("2024-03-31"), parse("2024-03-31")),
                row("emergency", "p2", "all", 1L, 1L, 1L, parse("2024-04-02"), parse("2024-04-02")),
                // p6: s4 (500, open) and s5 (750)
                row("emergency", "p6", "all", 2L, 1L, 1L, parse("2024-10-10"), parse("2025-03-31")),
                row("other", "p3", "all", 1L, 1L, 0L, parse("2023-05-05"), parse("2023-05-05")),
                // (method)
                row("elective", "all", "all", 1L, 1L, 0L, parse("2024-04-01"), parse("2024-04-01")),
                row("emergency", "all", "all", 4L, 3L, 3L, parse("2024-03-31"), parse("2025-03-31")),
                row("other", "all", "all", 1L, 1L, 0L, parse("2023-05-05"), parse("2023-05-05")),
                // (fy): 2023/24 = s1, s6; 2024/25 = s2-s5 (s4 open; 3000 and 750 costly)
                row("all", "all", "2023/24", 2L, 2L, 1L, parse("2023-05-05"), parse("2024-03-31")),
                row("all", "all", "2024/25", 4L, 3L, 2L, parse("2024-04-01"), parse("2025-03-31")),
                // ()
                row("all", "all", "all", 6L, 5L, 3L, parse("2023-05-05"), parse("2025-03-31")));
    }

    @Test
    void distinctRowsAreAGroupByWithoutMeasures() {
        // persons with a registration: p1..p6, p6 twice -> 6 distinct
        rows(
                Query.from(CanonicalSchema.REGISTRATION)
                        .aggregate(List.of("person_id"))
                        .aggregate(List.of(), countRows("n")),
                cols("n"),
                row(6L));
    }

    @Test
    void rollupGivesBreakdownsAndTotalsFromOneScan() {
        // patients by sex with a Persons total: F p1 p3 p5 = 3, M p2 p4 p6 = 3, Persons 6
        Query q = Query.from(CanonicalSchema.PATIENT)
                .aggregate(List.of(GroupKey.of("sex").totalAs("Persons")), Query.rollup("sex"), countRows("n"))
                .orderBy(SortKey.asc("sex"));
        rows(q, cols("sex", "n"), row("F", 3L), row("M", 3L), row("Persons", 6L));
    }

    @Test
    void groupingSetsOverTwoKeysWithLabelledTotals() {
        // patients by sex and broad ethnic group, cube: ethnic groups: p1 A White, p2 H Asian, p3 NULL Not
        // stated, p4 Z Not stated, p5 M Black, p6 A White.
        // (sex, eth): F White 1, F Not stated 1, F Black 1, M Asian 1, M Not stated 1, M White 1;
        // (sex): F 3, M 3; (eth): Asian 1, Black 1, Not stated 2, White 2; (): 6
        Query q = Query.from(CanonicalSchema.PATIENT)
                .derive("eth", ethnicGroup(col("ethnicity")))
                .aggregate(
                        List.of(
                                GroupKey.of("sex").totalAs("Persons"),
                                GroupKey.of("eth").totalAs("All")),
                        Query.cube("sex", "eth"),
                        countRows("n"))
                .orderBy(SortKey.asc("sex"), SortKey.asc("eth"));
        rows(
                q,
                cols("sex", "eth", "n"),
                row("F", "All", 3L),
                row("F", "Black", 1L),
                row("F", "Not stated", 1L),
                row("F", "White", 1L),
                row("M", "All", 3L),
                row("M", "Asian", 1L),
                row("M", "Not stated", 1L),
                row("M", "White", 1L),
                row("Persons", "All", 6L),
                row("Persons", "Asian", 1L),
                row("Persons", "Black", 1L),
                row("Persons", "Not stated", 2L),
                row("Persons", "White", 2L));
    }

    @Test
    void rollupWithoutLabelLeavesTotalsNull() {
        // the total row's key is NULL and sorts first when asked: NULL 6, F 3, M 3
        Query q = Query.from(CanonicalSchema.PATIENT)
                .aggregate(List.of(GroupKey.of("sex")), Query.rollup("sex"), countRows("n"))
                .orderBy(SortKey.asc("sex").nullsFirst());
        rows(q, cols("sex", "n"), row(null, 6L), row("F", 3L), row("M", 3L));
    }

    @Test
    void firstRowPerPartitionWithoutQualify() {
        // trap 7: no QUALIFY in Spark. First spell per person by admission date then spell id:
        // p1: s1 (2024-03-31); p2: s3; p3: s6; p6: s5 (2024-10-10 before 2025-03-31)
        Query q = Query.from(CanonicalSchema.SPELL)
                .rowNumber("n", List.of("person_id"), SortKey.asc("admission_date"), SortKey.asc("spell_id"))
                .where(col("n").eq(1))
                .select("person_id", "spell_id");
        rows(q, cols("person_id", "spell_id"), row("p1", "s1"), row("p2", "s3"), row("p3", "s6"), row("p6", "s5"));
        // latest (descending): p1 s2, p2 s3, p3 s6, p6 s4
        Query latest = Query.from(CanonicalSchema.SPELL)
                .rowNumber("n", List.of("person_id"), SortKey.desc("admission_date"), SortKey.asc("spell_id"))
                .where(col("n").eq(1))
                .select("person_id", "spell_id");
        rows(latest, cols("person_id", "spell_id"), row("p1", "s2"), row("p2", "s3"), row("p3", "s6"), row("p6", "s4"));
    }

    @Test
    void explodeGivesOneRowPerWholeNumberOfTheRange() {
        // j..i per row: id 1 gives 2..7 (6 rows); id 2 gives 2..-7, an empty range (no rows, where Spark's
        // sequence would count down); id 3 gives 0..3 (4); id 4 has a NULL end (no rows); id 5 gives 3..10 (8)
        Query q = values().explode("k", col("j"), col("i"))
                .aggregate(List.of("id"), countRows("n"), min("first", col("k")), max("last", col("k")))
                .orderBy(SortKey.asc("id"));
        rows(q, cols("id", "n", "first", "last"), row(1L, 6L, 2L, 7L), row(3L, 4L, 0L, 3L), row(5L, 8L, 3L, 10L));
        // the new column is a whole number usable in arithmetic: the sum of 1..j over the rows is
        // 3 + 3 + 0 (empty) + 10 + 6 = 22
        rows(
                values().explode("k", lit(1L), col("j")).aggregate(List.of(), sum("total", col("k"))),
                cols("total"),
                row(22L));
    }

    @Test
    void bitSetReadsOneBitOfAWholeNumber() {
        // i = 7 (111), -7 (two's complement ...11001), 3 (011), NULL, 10 (1010): bits 0 and 1 of each
        column(values(), bitSet(col("i"), 0), true, true, true, null, false);
        column(values(), bitSet(col("i"), 1), true, false, true, null, true);
    }

    @Test
    void bitOrGathersFlagsOverRows() {
        // j = 2, 2, 0, 4, 3: 010 | 010 | 000 | 100 | 011 = 111 = 7; with bit 40 set on id 1 only, bit 40 is set
        // in the OR and bit 39 is not; no rows gives NULL
        Query q = values().derive(
                        "flags",
                        col("j").plus(when(col("id").eq(1L), lit(1L << 40)).otherwise(lit(0L))))
                .aggregate(
                        List.of(),
                        bitOr("all", col("j")),
                        bitOr("wide", col("flags")),
                        bitOr("none", col("j")).where(col("id").gt(lit(99L))))
                .select(
                        Named.as("all", col("all")),
                        Named.as("bit40", bitSet(col("wide"), 40)),
                        Named.as("bit39", bitSet(col("wide"), 39)),
                        Named.as("none", col("none")));
        rows(q, cols("all", "bit40", "bit39", "none"), row(7L, true, false, null));
    }

    @Test
    void nullOrderingIsExplicit() {
        // trap 6: DuckDB puts NULLs last, Spark first, by default. i values 7, -7, 3, NULL, 10.
        rows(
                values().select("i").orderBy(SortKey.asc("i")),
                cols("i"),
                row(-7L),
                row(3L),
                row(7L),
                row(10L),
                row((Object) null));
        rows(
                values().select("i").orderBy(SortKey.asc("i").nullsFirst()),
                cols("i"),
                row((Object) null),
                row(-7L),
                row(3L),
                row(7L),
                row(10L));
        rows(
                values().select("i").orderBy(SortKey.desc("i")),
                cols("i"),
                row(10L),
                row(7L),
                row(3L),
                row(-7L),
                row((Object) null));
        rows(
                values().select("i").orderBy(SortKey.desc("i").nullsFirst()),
                cols("i"),
                row((Object) null),
                row(10L),
                row(7L),
                row(3L),
                row(-7L));
    }

    @Test
    void orderByManyKeysAndLimit() {
        // spells by method descending, then cost ascending, top 3: other s6 0.0; emergency s4 500, s5 750
        Query q = Query.from(CanonicalSchema.SPELL)
                .select("spell_id", "admission_method", "cost_gbp")
                .orderBy(SortKey.desc("admission_method"), SortKey.asc("cost_gbp"))
                .limit(3);
        rows(
                q,
                cols("spell_id", "admission_method", "cost_gbp"),
                row("s6", "other", 0.0),
                row("s4", "emergency", 500.0),
                row("s5", "emergency", 750.0));
    }

    @Test
    void aSubQueryUsedTwiceIsOneCte() {
        // spells per person joined to the all-spells total computed from the same sub-query:
        // per person p1 2, p2 1, p3 1, p6 2; total over those = 6
        Query perPerson = Query.from(CanonicalSchema.SPELL).aggregate(List.of("person_id"), countRows("spells"));
        Query total =
                perPerson.aggregate(List.of(), sum("all_spells", col("spells"))).derive("one", lit(1L));
        Query q = perPerson.derive("one", lit(1L)).join(total, "one").select("person_id", "spells", "all_spells");
        rows(
                q,
                cols("person_id", "spells", "all_spells"),
                row("p1", 2L, 6L),
                row("p2", 1L, 6L),
                row("p3", 1L, 6L),
                row("p6", 2L, 6L));
        String sql = engine.render(q);
        assertEquals(1, sql.split("GROUP BY", -1).length - 1, "per-person aggregate rendered once:\n" + sql);
    }

    // ==== shared results (kept once per engine, read by later queries) =================================

    /** Registered at 2025-03-31 with their Place, as in prevalenceByPlaceFromOneScan: p1, p2, p4, p6. */
    private static Query registeredByPlace() {
        Expr ref = date("2025-03-31");
        return Query.from(CanonicalSchema.REGISTRATION)
                .where(and(
                        col("start_date").le(ref),
                        or(isNull(col("end_date")), col("end_date").gt(ref))))
                .select("person_id", "practice_code")
                .join(Query.from(CanonicalSchema.PRACTICE).select("practice_code", "place_code"), "practice_code");
    }

    @Test
    void aSharedResultGivesTheRowsOfItsInput() {
        // registered people by Place, hand-derived in prevalenceByPlaceFromOneScan: E06000032 {p4, p6},
        // E06000055 {p1, p2}. The same query over the shared result and over the plain sub-query must agree,
        // the first time (when the engine keeps it) and the second (when it reads what it kept).
        Query shared = registeredByPlace().shared("spec_registered_2025_03_31");
        for (Query people : List.of(registeredByPlace(), shared, shared)) {
            Query q = people.aggregate(List.of("place_code"), countRows("n")).orderBy(SortKey.asc("place_code"));
            rows(q, cols("place_code", "n"), row("E06000032", 2L), row("E06000055", 2L));
            rows(
                    people.select("person_id", "place_code"),
                    cols("person_id", "place_code"),
                    row("p1", "E06000055"),
                    row("p2", "E06000055"),
                    row("p4", "E06000032"),
                    row("p6", "E06000032"));
        }
        // once kept, the engine reads it rather than re-deriving it: the registration filter is gone from the SQL
        String sql = engine.render(shared.aggregate(List.of("place_code"), countRows("n")));
        assertFalse(sql.contains("start_date"), () -> "the kept result is recomputed:\n" + sql);
    }

    @Test
    void aSharedResultJoinsItsOwnAggregateAndFeedsAnotherSharedResult() {
        // The shared registered population twice in one query (each person with the size of their Place:
        // 2 everywhere), then a shared result built on it (people on the HYP register at 2025-03-31: p1, p2,
        // p6 — p4's resolved 2023) whose per-Place counts are E06000032 1 (p6), E06000055 2 (p1, p2).
        Query people = registeredByPlace().shared("spec_registered_2025_03_31");
        Query sizes = people.aggregate(List.of("place_code"), countRows("place_size"));
        rows(
                people.join(sizes, "place_code").select("person_id", "place_size"),
                cols("person_id", "place_size"),
                row("p1", 2L),
                row("p2", 2L),
                row("p4", 2L),
                row("p6", 2L));
        Expr ref = date("2025-03-31");
        Query hyp = Query.from(CanonicalSchema.CONDITION)
                .where(and(
                        col("condition").eq("HYP"),
                        col("diagnosis_date").le(ref),
                        or(isNull(col("resolved_date")), col("resolved_date").gt(ref))))
                .aggregate(List.of("person_id"));
        Query onRegister = people.join(hyp, "person_id").shared("spec_hypertension_2025_03_31");
        Query perPlace =
                onRegister.aggregate(List.of("place_code"), countRows("n")).orderBy(SortKey.asc("place_code"));
        rows(perPlace, cols("place_code", "n"), row("E06000032", 1L), row("E06000055", 2L));
        rows(
                new Query.Sort(
                        people.join(hyp, "person_id").aggregate(List.of("place_code"), countRows("n")),
                        List.of(SortKey.asc("place_code"))),
                cols("place_code", "n"),
                row("E06000032", 1L),
                row("E06000055", 2L));
    }

    @Test
    void sharedResultsUnderOneNameButDifferentDefinitionsStayApart() {
        // The name only labels what is kept: two different sub-queries under one name keep their own rows.
        // Spells from 2024-04-01: s2, s3, s4, s5 (4); elective spells: s2 (1).
        Query fromApril = Query.from(CanonicalSchema.SPELL)
                .where(col("admission_date").ge(date("2024-04-01")))
                .shared("spec_spells");
        Query elective = Query.from(CanonicalSchema.SPELL)
                .where(col("admission_method").eq("elective"))
                .shared("spec_spells");
        rows(fromApril.aggregate(List.of(), countRows("n")), cols("n"), row(4L));
        rows(elective.aggregate(List.of(), countRows("n")), cols("n"), row(1L));
        rows(fromApril.aggregate(List.of(), countRows("n")), cols("n"), row(4L));
    }

    @Test
    void aSharedResultNeedsASafeName() {
        assertThrows(IllegalArgumentException.class, () -> values().shared("drop table; --"));
        assertThrows(IllegalArgumentException.class, () -> values().shared("Registered"));
    }

    // ==== a data-pack shaped case: prevalence by Place with an ICB total (DP 2) ==========================

    @Test
    void prevalenceByPlaceFromOneScan() {
        // Registered at 2025-03-31 (start <= ref, end NULL or after): p1 K81001, p2 K81002, p4 E81001,
        // p5 Z99999 (unknown practice, dropped by the inner join), p6 E81001 (p3 ended 2024-06-01, p6's
        // K81001 spell ended 2019). Places: E06000055 {p1, p2}, E06000032 {p4, p6}.
        // On the HYP register at ref (diagnosed <= ref, unresolved or resolved after): p1 (2015), p6 (2001);
        // p2 diagnosed 2025-01-01 <= ref, so p2 too; p4 resolved 2023 -> no.
        // E06000055: 2 of 2; E06000032: 1 of 2 (p6); ICB: 3 of 4. Prevalence 100.0, 50.0, 75.0 per 100.
        Expr ref = date("2025-03-31");
        Query registered = Query.from(CanonicalSchema.REGISTRATION)
                .where(and(
                        col("start_date").le(ref),
                        or(isNull(col("end_date")), col("end_date").gt(ref))))
                .select("person_id", "practice_code")
                .join(Query.from(CanonicalSchema.PRACTICE).select("practice_code", "place_code"), "practice_code");
        Query onRegister = Query.from(CanonicalSchema.CONDITION)
                .where(and(
                        col("condition").eq("HYP"),
                        col("diagnosis_date").le(ref),
                        or(isNull(col("resolved_date")), col("resolved_date").gt(ref))))
                .aggregate(List.of("person_id"))
                .derive("on_register", lit(true));
        Query q = registered
                .leftJoin(onRegister, "person_id")
                .aggregate(
                        List.of(GroupKey.of("place_code").totalAs("ICB")),
                        Query.rollup("place_code"),
                        countRows("denominator"),
                        countIf("numerator", isNotNull(col("on_register"))))
                .derive("per_100", lit(100L).times(col("numerator")).dividedBy(col("denominator")))
                .orderBy(SortKey.asc("place_code"));
        rows(
                q,
                cols("place_code", "denominator", "numerator", "per_100"),
                row("E06000032", 2L, 1L, 50.0),
                row("E06000055", 2L, 2L, 100.0),
                row("ICB", 4L, 3L, 75.0));
    }

    @Test
    void emergencyAdmissionsByFinancialYearAndAgeBand() {
        // Emergency spells: s1 p1 2024-03-31 (FY 2023/24), s3 p2 2024-04-02 (2024/25), s4 p6 2025-03-31
        // (2024/25), s5 p6 2024-10-10 (2024/25). Ages at admission from birth month: p1 1950-03 at 2024-03-31
        // = 74 -> 70-74; p2 1950-04 at 2024-04-02 = 74 -> 70-74; p6 1934-05 at 2024-10-10 = 90 -> 90+;
        // at 2025-03-31 = 90 -> 90+. So 2023/24 70-74: 1; 2024/25 70-74: 1; 2024/25 90+: 2.
        Query spells = Query.from(CanonicalSchema.SPELL)
                .where(col("admission_method").eq("emergency"))
                .select("person_id", "admission_date")
                .join(Query.from(CanonicalSchema.PATIENT).select("person_id", "birth_month"), "person_id")
                .derive(
                        Named.as("fy", financialYear(col("admission_date"))),
                        Named.as("band", ageBand5(ageFromBirthMonth(col("birth_month"), col("admission_date")))));
        Query q =
                spells.aggregate(List.of("fy", "band"), countRows("n")).orderBy(SortKey.asc("fy"), SortKey.asc("band"));
        rows(
                q,
                cols("fy", "band", "n"),
                row("2023/24", "70-74", 1L),
                row("2024/25", "70-74", 1L),
                row("2024/25", "90+", 2L));
    }

    // ==== helpers =======================================================================================

    protected static Query values() {
        return source(SpecData.VALUES);
    }

    protected static Query dates() {
        return source(SpecData.DATES);
    }

    protected static Query people() {
        return source(SpecData.PEOPLE);
    }

    protected static Query awkward() {
        return source(SpecData.AWKWARD);
    }

    protected static Query empty() {
        return source(SpecData.EMPTY);
    }

    protected static Query source(SpecTable t) {
        return new Query.Source(t.name(), t.columnNames());
    }

    protected static List<String> cols(String... names) {
        return Arrays.asList(names);
    }

    protected static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    /** The expression's value on each row of the input, in id order. */
    protected void column(Query input, Expr expr, Object... expectedInIdOrder) {
        Query q = input.select(Named.as("id", col("id")), Named.as("v", expr)).orderBy(SortKey.asc("id"));
        Result r = engine.execute(q);
        List<Object> actual = r.rows().stream().map(row -> row.get(1)).toList();
        assertEquals(Arrays.asList(expectedInIdOrder), actual, () -> "on " + engine.name() + ":\n" + engine.render(q));
    }

    /** The exact rows (in order when the query orders, as a multiset otherwise) and column names. */
    @SafeVarargs
    protected final void rows(Query q, List<String> expectedColumns, List<Object>... expectedRows) {
        Result r = engine.execute(q);
        assertEquals(expectedColumns, r.columns(), () -> "columns on " + engine.name());
        List<List<Object>> expected = new ArrayList<>(Arrays.asList(expectedRows));
        List<List<Object>> actual = new ArrayList<>(r.rows());
        boolean ordered = q instanceof Query.Sort || (q instanceof Query.Limit l && l.input() instanceof Query.Sort);
        if (!ordered) {
            Comparator<List<Object>> byText = Comparator.comparing(Object::toString);
            expected.sort(byText);
            actual.sort(byText);
        }
        for (List<Object> row : actual) {
            for (Object v : row) {
                if (v != null
                        && !(v instanceof String
                                || v instanceof Long
                                || v instanceof Double
                                || v instanceof Boolean
                                || v instanceof java.time.LocalDate)) {
                    throw new AssertionError("un-normalised " + v.getClass() + " on " + engine.name());
                }
            }
        }
        assertEquals(expected, actual, () -> "on " + engine.name() + ":\n" + engine.render(q));
    }
}
