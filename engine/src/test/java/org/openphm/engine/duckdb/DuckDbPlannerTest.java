package org.openphm.engine.duckdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The engine's connections join in the order a definition writes: the setting that stopped the 3.2-million-patient
 * build running out of memory (DuckDbPlanner's comment has the measurement).
 */
class DuckDbPlannerTest {

    /**
     * A population joined to its facts, then to a one-row lookup matching 1 row in 1,000: DuckDB's cost model
     * would join the selective lookup first; as written, the facts are joined first.
     */
    private static final String QUERY =
            "SELECT count(*) FROM pop AS p JOIN facts AS f ON p.id = f.fid" + " JOIN lookup AS l ON p.k = l.lk";

    @AfterEach
    void clear() {
        System.clearProperty(DuckDbPlanner.REORDER_PROPERTY);
    }

    @Test
    void joinsRunInTheOrderWrittenOnEveryEngineConnection() throws Exception {
        try (Connection c = tables()) {
            DuckDbEngine.over(c).close();
            assertEquals("lookup last", order(c));
            assertEquals(100L, count(c), "the order changes the plan, never the answer");
        }
    }

    @Test
    void withReorderingAllowedDuckDbsOwnOrderComesBack() throws Exception {
        System.setProperty(DuckDbPlanner.REORDER_PROPERTY, "true");
        try (Connection c = tables()) {
            DuckDbEngine.over(c).close();
            assertEquals("lookup first", order(c));
            assertEquals(100L, count(c));
        }
    }

    private static Connection tables() throws Exception {
        Connection c = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE pop AS SELECT i AS id, i % 1000 AS k FROM range(100000) t(i)");
            s.execute("CREATE TABLE facts AS SELECT i AS fid, i * 2 AS v FROM range(100000) t(i)");
            s.execute("CREATE TABLE lookup AS SELECT 7::BIGINT AS lk");
        }
        return c;
    }

    /** Which join the plan does last: in DuckDB's plan text the outermost (last) join is printed first. */
    private static String order(Connection c) throws Exception {
        String plan = "";
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery("EXPLAIN " + QUERY)) {
            while (r.next()) {
                plan += r.getString(2);
            }
        }
        java.util.regex.Matcher outermost =
                java.util.regex.Pattern.compile("Conditions: ([^│]*)").matcher(plan);
        assertTrue(outermost.find(), plan);
        String condition = outermost.group(1);
        assertTrue(condition.contains("lk") != condition.contains("fid"), plan);
        return condition.contains("lk") ? "lookup last" : "lookup first";
    }

    private static long count(Connection c) throws Exception {
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery(QUERY)) {
            r.next();
            return r.getLong(1);
        }
    }
}
