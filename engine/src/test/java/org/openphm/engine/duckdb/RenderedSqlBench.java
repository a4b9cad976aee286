package org.openphm.engine.duckdb;

import static org.openphm.engine.query.Expr.*;
import static org.openphm.engine.query.Measure.*;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.openphm.engine.Result;
import org.openphm.engine.query.Expr;
import org.openphm.engine.query.GroupKey;
import org.openphm.engine.query.Named;
import org.openphm.engine.query.Query;
import org.openphm.engine.query.SortKey;
import org.openphm.model.CanonicalSchema;

/**
 * Benchmark, not a test: the SQL the renderer generates against the SQL a person would write for the same
 * aggregates, on a BLMK-sized population (1.14M patients) in an in-memory DuckDB, timed in one run and
 * reported as a ratio. Run: {@code java -cp <test classpath> org.openphm.engine.duckdb.RenderedSqlBench [patients]}.
 */
public final class RenderedSqlBench {

    public static void main(String[] args) throws Exception {
        int patients = args.length > 0 ? Integer.parseInt(args[0]) : 1_140_000;
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
            long t0 = System.nanoTime();
            populate(c, patients);
            System.out.printf("populated %,d patients in %.1f s%n", patients, (System.nanoTime() - t0) / 1e9);
            DuckDbEngine engine = DuckDbEngine.over(c);
            compare(c, engine, "prevalence by Place with ICB total", prevalence(), PREVALENCE_SQL);
            compare(c, engine, "population by sex x age band x ethnic group (cube)", population(), POPULATION_SQL);
        }
    }

    private static void compare(Connection c, DuckDbEngine engine, String what, Query q, String handSql)
            throws Exception {
        Result generated = engine.execute(q);
        List<List<Object>> hand = run(c, handSql);
        if (!generated.rows().equals(hand)) {
            throw new IllegalStateException(what + ": generated and hand-written SQL disagree");
        }
        double[] gen = new double[5];
        double[] byHand = new double[5];
        for (int i = 0; i < 5; i++) { // alternate, so both see the same cache and load
            long t = System.nanoTime();
            engine.execute(q);
            gen[i] = (System.nanoTime() - t) / 1e6;
            t = System.nanoTime();
            run(c, handSql);
            byHand[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(gen);
        Arrays.sort(byHand);
        System.out.printf(
                "%s: %d rows; median generated %.0f ms, hand-written %.0f ms, ratio %.2f%n",
                what, generated.size(), gen[2], byHand[2], gen[2] / byHand[2]);
    }

    private static Query prevalence() {
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
        return registered
                .leftJoin(onRegister, "person_id")
                .aggregate(
                        List.of(GroupKey.of("place_code").totalAs("ICB")),
                        Query.rollup("place_code"),
                        countRows("denominator"),
                        countIf("numerator", isNotNull(col("on_register"))))
                .orderBy(SortKey.asc("place_code"));
    }

    static final String PREVALENCE_SQL = """
            WITH reg AS (
              SELECT r.person_id, p.place_code FROM registration r JOIN practice p USING (practice_code)
              WHERE r.start_date <= DATE '2025-03-31' AND (r.end_date IS NULL OR r.end_date > DATE '2025-03-31')),
            hyp AS (
              SELECT DISTINCT person_id FROM condition
              WHERE condition = 'HYP' AND diagnosis_date <= DATE '2025-03-31'
                AND (resolved_date IS NULL OR resolved_date > DATE '2025-03-31'))
            SELECT CASE WHEN GROUPING(place_code) = 1 THEN 'ICB' ELSE place_code END AS place_code,
                   COUNT(*) AS denominator, COUNT(h.person_id) AS numerator
            FROM reg LEFT JOIN hyp h USING (person_id)
            GROUP BY ROLLUP (place_code) ORDER BY place_code""";

    private static Query population() {
        Expr age = ageFromBirthMonth(col("birth_month"), date("2025-03-31"));
        return Query.from(CanonicalSchema.PATIENT)
                .where(isNull(col("death_date")))
                .derive(Named.as("band", ageBand5(age)), Named.as("eth", ethnicGroup(col("ethnicity"))))
                .aggregate(
                        List.of(
                                GroupKey.of("sex").totalAs("Persons"),
                                GroupKey.of("band").totalAs("All ages"),
                                GroupKey.of("eth").totalAs("All")),
                        Query.cube("sex", "band", "eth"),
                        countRows("n"))
                .orderBy(SortKey.asc("sex"), SortKey.asc("band"), SortKey.asc("eth"));
    }

    static final String POPULATION_SQL = """
            WITH p AS (
              SELECT sex, ethnicity, CAST(birth_month || '-01' AS DATE) AS born FROM patient WHERE death_date IS NULL),
            a AS (
              -- not date_diff('year', ...): that counts year boundaries crossed, not birthdays passed
              SELECT sex, ethnicity, 2025 - year(born) - CASE WHEN month(born) * 100 + day(born) > 331 THEN 1 ELSE 0 END AS age
              FROM p),
            b AS (
              SELECT sex, CASE WHEN age >= 90 THEN '90+' ELSE (age // 5 * 5) || '-' || (age // 5 * 5 + 4) END AS band,
                CASE WHEN ethnicity IN ('A','B','C') THEN 'White' WHEN ethnicity IN ('D','E','F','G') THEN 'Mixed'
                     WHEN ethnicity IN ('H','J','K','L','R') THEN 'Asian' WHEN ethnicity IN ('M','N','P') THEN 'Black'
                     WHEN ethnicity = 'S' THEN 'Other' ELSE 'Not stated' END AS eth
              FROM a)
            SELECT CASE WHEN GROUPING(sex) = 1 THEN 'Persons' ELSE sex END AS sex,
                   CASE WHEN GROUPING(band) = 1 THEN 'All ages' ELSE band END AS band,
                   CASE WHEN GROUPING(eth) = 1 THEN 'All' ELSE eth END AS eth, COUNT(*) AS n
            FROM b GROUP BY CUBE (sex, band, eth) ORDER BY 1, 2, 3""";

    /** Deterministic synthetic rows: enough shape for the joins and groups, no realism needed here. */
    private static void populate(Connection c, int n) throws Exception {
        try (Statement s = c.createStatement()) {
            for (var t : List.of(
                    CanonicalSchema.PATIENT,
                    CanonicalSchema.PRACTICE,
                    CanonicalSchema.REGISTRATION,
                    CanonicalSchema.CONDITION)) {
                s.execute("CREATE TABLE " + t.name() + " ("
                        + String.join(
                                ", ",
                                t.columns().stream()
                                        .map(col -> "\"" + col.name() + "\" "
                                                + col.type().duckdbType())
                                        .toList())
                        + ")");
            }
            s.execute(
                    "INSERT INTO practice (practice_code, place_code) SELECT 'K8' || lpad(CAST(i AS VARCHAR), 4, '0'), "
                            + "['E06000055','E06000056','E06000032','E06000042'][1 + i % 4] FROM range(150) t(i)");
            s.execute("INSERT INTO patient (person_id, sex, birth_month, ethnicity, lsoa, death_date) SELECT 'p' || i, "
                    + "CASE WHEN i % 2 = 0 THEN 'F' ELSE 'M' END, "
                    + "CAST(1925 + i % 100 AS VARCHAR) || '-' || lpad(CAST(1 + i % 12 AS VARCHAR), 2, '0'), "
                    + "substr('ABCDHJKLMNPRSZ', 1 + CAST(i % 14 AS INTEGER), 1), 'E01000001', "
                    + "CASE WHEN i % 97 = 0 THEN DATE '2024-06-01' END FROM range(" + n + ") t(i)");
            s.execute("INSERT INTO registration (person_id, practice_code, start_date, end_date) SELECT 'p' || i, "
                    + "'K8' || lpad(CAST(i % 150 AS VARCHAR), 4, '0'), DATE '2000-01-01' + CAST(i % 9000 AS INTEGER), "
                    + "CASE WHEN i % 20 = 0 THEN DATE '2024-01-01' END FROM range(" + n + ") t(i)");
            s.execute("INSERT INTO condition (person_id, condition, diagnosis_date, resolved_date) SELECT 'p' || i, "
                    + "CASE WHEN i % 3 = 0 THEN 'HYP' ELSE 'DM' END, DATE '2010-01-01' + CAST(i % 5000 AS INTEGER), NULL "
                    + "FROM range(" + n + ") t(i) WHERE i % 5 = 0");
        }
    }

    private static List<List<Object>> run(Connection c, String sql) throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(Result.normalise(rs.getObject(i)));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
