package org.openphm.engine.duckdb;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How much memory DuckDB may hold in one of our processes, set on every connection we open. DuckDB's own default
 * is 80% of the machine; with the Java heap beside it a 1.14M-patient build then peaked at 5.7 GB. Capped, DuckDB
 * spills the large joins and sorts to its temporary directory instead (beside a workspace file, or the one the
 * caller sets), so memory stays bounded whatever the population: the same limit serves an ICB and England.
 *
 * <p>The limit is {@code OPENPHM_DUCKDB_MEMORY} (or the system property {@code openphm.duckdb.memory}) in DuckDB's
 * own form ("1GB", "512MB", "80%"); by default {@link #DEFAULT}.
 */
public final class DuckDbMemory {
    private DuckDbMemory() {}

    public static final String PROPERTY = "openphm.duckdb.memory";
    public static final String ENVIRONMENT = "OPENPHM_DUCKDB_MEMORY";
    public static final String DEFAULT = "768MB";

    private static final Pattern SIZE = Pattern.compile("\\d+(\\.\\d+)?\\s*(B|KB|MB|GB|TB|KIB|MIB|GIB|TIB|%)");

    /** The limit in force: the system property, else the environment, else the default. */
    public static String limit() {
        String set = System.getProperty(PROPERTY);
        if (set == null || set.isBlank()) {
            set = System.getenv(ENVIRONMENT);
        }
        return set == null || set.isBlank() ? DEFAULT : check(set.trim());
    }

    /** A limit in DuckDB's form, or an error saying what is accepted. */
    static String check(String limit) {
        if (!SIZE.matcher(limit.toUpperCase(Locale.ROOT)).matches()) {
            throw new IllegalArgumentException(ENVIRONMENT + " (or -D" + PROPERTY + ") is '" + limit
                    + "': give a size such as 1GB or 512MB, or a share of the machine such as 50%");
        }
        return limit;
    }

    /** Applies the limit to a connection (an in-memory database, or a workspace opened read-only). */
    public static void apply(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET memory_limit = '" + limit() + "'");
        }
    }

    /**
     * DuckDB's message, with what to do when it ran out of memory: some operators (a window over every row, a large
     * list) cannot spill, so a large population needs a larger limit than an ICB's (README, "Scaling").
     */
    public static String explain(String duckDbMessage) {
        return explain(duckDbMessage, null);
    }

    /**
     * {@link #explain(String)}, with what DuckDB held when it ran out ({@code duckdb_memory()} by kind, in memory
     * and spilled), read from the connection that failed: the one-line answer to "what took the memory".
     */
    public static String explain(String duckDbMessage, Connection connection) {
        if (duckDbMessage == null || !duckDbMessage.contains("Out of Memory Error")) {
            return duckDbMessage;
        }
        String held = connection == null ? "" : held(connection);
        return duckDbMessage.lines().findFirst().orElse("") + "\nDuckDB may hold at most " + limit()
                + " in this process: set " + ENVIRONMENT + " to another limit and run the command again. Usually"
                + " higher; but DuckDB's failures do not fall steadily as the limit rises (a 10-million-patient build"
                + " passed at 768MB and failed at 4GB), so a lower one may pass too."
                + (held.isEmpty() ? "" : "\nDuckDB held: " + held);
    }

    /** Whether DuckDB's message says it ran out of memory. */
    static boolean outOfMemory(String duckDbMessage) {
        return duckDbMessage != null && duckDbMessage.contains("Out of Memory Error");
    }

    /** One statement's work, on a statement of its own. */
    interface Work<T> {
        T run(Statement statement) throws SQLException;
    }

    /**
     * The statement that did the work, still open (its result set is read through it), and what the work gave.
     * Closing it closes the statement.
     */
    record Done<T>(Statement statement, T value) implements AutoCloseable {
        @Override
        public void close() throws SQLException {
            statement.close();
        }
    }

    /**
     * Runs the work on a new statement; if DuckDB runs out of memory, runs it once more, on another statement
     * (DuckDB closes one that failed) and on one thread, then puts the threads back. Why: on two threads each
     * holds its own hash tables and sort runs, and near the limit one may fail to spill where the other would
     * have waited (the full-size build's person indicators failed so once at 768MB, and passed on the next run).
     * One thread holds about half. The statement is the same, so is its result; only a statement that fails
     * before giving anything back is run again (DuckDB's JDBC results are whole when the query returns, and a
     * CREATE leaves nothing when it fails). The retry is said on standard error.
     */
    static <T> Done<T> retryingOnOneThread(Connection connection, Work<T> work) throws SQLException {
        try {
            return attempt(connection, work);
        } catch (SQLException first) {
            if (!outOfMemory(first.getMessage())) {
                throw first;
            }
            String threads = setting(connection, "threads");
            if ("1".equals(threads)) {
                throw first;
            }
            System.err.println("DuckDB ran out of memory within " + limit() + " on " + threads
                    + " threads: running the statement again on one thread");
            try (Statement s = connection.createStatement()) {
                s.execute("SET threads = 1");
            }
            try {
                return attempt(connection, work);
            } catch (SQLException again) {
                again.addSuppressed(first);
                throw again;
            } finally {
                try (Statement s = connection.createStatement()) {
                    s.execute("SET threads = " + Integer.parseInt(threads));
                }
            }
        }
    }

    private static <T> Done<T> attempt(Connection connection, Work<T> work) throws SQLException {
        Statement statement = connection.createStatement();
        try {
            return new Done<>(statement, work.run(statement));
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    private static String setting(Connection connection, String name) throws SQLException {
        try (Statement s = connection.createStatement();
                java.sql.ResultSet r = s.executeQuery("SELECT current_setting('" + name + "')")) {
            r.next();
            return r.getString(1);
        }
    }

    /** Memory DuckDB holds by kind, largest first ("" when it cannot say). */
    static String held(Connection connection) {
        StringBuilder held = new StringBuilder();
        try (Statement s = connection.createStatement();
                java.sql.ResultSet r = s.executeQuery("SELECT tag, memory_usage_bytes, temporary_storage_bytes"
                        + " FROM duckdb_memory() WHERE memory_usage_bytes + temporary_storage_bytes >= 1048576"
                        + " ORDER BY memory_usage_bytes DESC")) {
            while (r.next()) {
                held.append(held.length() == 0 ? "" : ", ")
                        .append(r.getString(1))
                        .append(' ')
                        .append(r.getLong(2) >> 20)
                        .append(" MB");
                if (r.getLong(3) > 0) {
                    held.append(" (").append(r.getLong(3) >> 20).append(" MB spilled)");
                }
            }
        } catch (java.sql.SQLException e) {
            return "";
        }
        return held.toString();
    }
}
