package org.openphm.engine.duckdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class DuckDbMemoryTest {

    @AfterEach
    void clear() {
        System.clearProperty(DuckDbMemory.PROPERTY);
    }

    @Test
    void theLimitSetIsTheLimitDuckDbHolds() throws Exception {
        System.setProperty(DuckDbMemory.PROPERTY, "512MB");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
            String before = setting(c);
            DuckDbMemory.apply(c);
            // DuckDB reports sizes in binary units: 512,000,000 bytes is 488.2 MiB
            assertEquals("488.2 MiB", setting(c));
            assertTrue(!before.equals(setting(c)), "the default (80% of the machine) was " + before);
        }
    }

    @Test
    void withNothingSetTheDefaultApplies() {
        Assumptions.assumeTrue(System.getenv(DuckDbMemory.ENVIRONMENT) == null, "the environment sets a limit");
        assertEquals(DuckDbMemory.DEFAULT, DuckDbMemory.limit());
    }

    @Test
    void aLimitThatIsNoSizeIsRefusedSayingWhatIsAccepted() {
        System.setProperty(DuckDbMemory.PROPERTY, "lots");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, DuckDbMemory::limit);
        assertTrue(e.getMessage().contains("1GB or 512MB"), e.getMessage());
        System.setProperty(DuckDbMemory.PROPERTY, "1GB'; DROP TABLE x; --");
        assertThrows(IllegalArgumentException.class, DuckDbMemory::limit);
        System.setProperty(DuckDbMemory.PROPERTY, "50%");
        assertEquals("50%", DuckDbMemory.limit());
    }

    @Test
    void runningOutOfMemorySaysWhichSettingToRaise() throws Exception {
        System.setProperty(DuckDbMemory.PROPERTY, "16MB");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
            DuckDbMemory.apply(c);
            try (Statement s = c.createStatement()) {
                s.execute("SET threads = 1");
                // what a build keeps between queries: its shared results, in temporary tables
                s.execute("CREATE TEMP TABLE kept AS SELECT i FROM range(1000000) t(i)");
            }
            // one 60 MB list: an aggregate state DuckDB cannot spill
            java.sql.SQLException e = assertThrows(java.sql.SQLException.class, () -> {
                try (Statement s = c.createStatement();
                        ResultSet r = s.executeQuery("SELECT list(i) FROM range(7500000) t(i)")) {
                    r.next();
                }
            });
            String explained = DuckDbMemory.explain(e.getMessage());
            assertTrue(explained.startsWith("Out of Memory Error"), explained);
            assertTrue(explained.contains("at most 16MB") && explained.contains(DuckDbMemory.ENVIRONMENT), explained);
            String withHeld = DuckDbMemory.explain(e.getMessage(), c);
            assertTrue(withHeld.startsWith(explained + "\nDuckDB held: "), withHeld);
            assertTrue(withHeld.matches("(?s).*held: .*IN_MEMORY_TABLE [0-9]+ MB.*"), withHeld);
        }
        assertEquals("Binder Error: no such column", DuckDbMemory.explain("Binder Error: no such column"));
    }

    @Test
    void aStatementThatRanOutOfMemoryRunsOnceMoreOnOneThreadAndTheThreadsGoBack() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
            threads(c, 2);
            java.util.List<String> threadsPerRun = new java.util.ArrayList<>();
            String result;
            try (DuckDbMemory.Done<String> done = DuckDbMemory.retryingOnOneThread(c, s -> {
                threadsPerRun.add(threads(c));
                if (threadsPerRun.size() == 1) {
                    throw new java.sql.SQLException("Out of Memory Error: failed to allocate data of size 8.0 MiB");
                }
                return "done";
            })) {
                result = done.value();
            }
            assertEquals("done", result);
            assertEquals(java.util.List.of("2", "1"), threadsPerRun);
            assertEquals("2", threads(c), "the threads are put back");

            int[] runs = {0};
            java.sql.SQLException other = assertThrows(
                    java.sql.SQLException.class,
                    () -> DuckDbMemory.retryingOnOneThread(c, s -> {
                        runs[0]++;
                        throw new java.sql.SQLException("Binder Error: no such column");
                    }));
            assertEquals(1, runs[0], "only running out of memory is retried: " + other.getMessage());
        }
    }

    @Test
    void aStatementThatRunsOutOfMemoryOnOneThreadTooFailsWithDuckDbsMessage() throws Exception {
        System.setProperty(DuckDbMemory.PROPERTY, "16MB");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
            DuckDbMemory.apply(c);
            threads(c, 2);
            java.sql.SQLException e = assertThrows(java.sql.SQLException.class, () -> {
                try (DuckDbMemory.Done<ResultSet> done = DuckDbMemory.retryingOnOneThread(
                                c, s -> s.executeQuery("SELECT list(i) FROM range(7500000) t(i)"));
                        ResultSet r = done.value()) {
                    r.next();
                }
            });
            assertTrue(e.getMessage().startsWith("Out of Memory Error"), e.getMessage());
            assertEquals(1, e.getSuppressed().length, "the failure on two threads comes with it");
            assertEquals("2", threads(c));
        }
    }

    private static String threads(Connection c) throws java.sql.SQLException {
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT current_setting('threads')")) {
            r.next();
            return r.getString(1);
        }
    }

    private static void threads(Connection c, int n) throws java.sql.SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET threads = " + n);
        }
    }

    private static String setting(Connection c) throws Exception {
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT current_setting('memory_limit')")) {
            r.next();
            return r.getString(1);
        }
    }
}
