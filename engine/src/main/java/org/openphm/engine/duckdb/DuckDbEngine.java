package org.openphm.engine.duckdb;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openphm.engine.Engine;
import org.openphm.engine.EngineException;
import org.openphm.engine.Result;
import org.openphm.engine.query.Query;
import org.openphm.engine.sql.DuckDbDialect;
import org.openphm.engine.sql.SqlRenderer;

/**
 * The default engine: DuckDB embedded in this JVM, over a workspace file or a connection the caller made.
 * {@link Query.Shared} results are kept in temporary tables for the engine's lifetime, so the tables they
 * read must not change while the engine is open.
 */
public final class DuckDbEngine implements Engine {

    private final Connection connection;
    private final boolean ownsConnection;
    private final SqlRenderer renderer = new SqlRenderer(DuckDbDialect.INSTANCE);
    /** Shared results kept so far, each in its table. */
    private final Map<Query.Shared, String> kept = new HashMap<>();
    /** Where kept results are written over a workspace ({@link #open}); null: temporary tables. */
    private final KeptResultsSpace space;

    private DuckDbEngine(Connection connection, boolean ownsConnection) {
        this(connection, ownsConnection, null);
    }

    private DuckDbEngine(Connection connection, boolean ownsConnection, KeptResultsSpace space) {
        this.connection = connection;
        this.ownsConnection = ownsConnection;
        this.space = space;
    }

    /**
     * Opens a workspace (org.openphm.model.WorkspaceLayout) read-only, so analyses can never change it. Its tables
     * are read by their names; shared results are kept in a database of the engine's own ({@link
     * KeptResultsSpace}), found first by name.
     */
    public static DuckDbEngine open(Path workspace) {
        if (!Files.isRegularFile(workspace)) {
            throw new IllegalArgumentException("no workspace file " + workspace);
        }
        KeptResultsSpace space = KeptResultsSpace.beside(workspace);
        Connection c = null;
        try {
            c = DriverManager.getConnection("jdbc:duckdb:");
            DuckDbMemory.apply(c);
            DuckDbPlanner.apply(c);
            try (Statement s = c.createStatement()) {
                s.execute("SET temp_directory = " + literal(space.spill()));
                s.execute("ATTACH " + literal(workspace) + " AS workspace (READ_ONLY)");
                s.execute("ATTACH " + literal(space.keptDatabase()) + " AS kept");
                // kept first: a table is created in the first, and a kept name ("shared_...") is never a table's
                s.execute("SET search_path = 'kept.main,workspace.main'");
            }
            return new DuckDbEngine(c, true, space);
        } catch (SQLException e) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (SQLException ignored) {
                // the open failed; its cause is the error to report
            }
            space.close();
            throw new EngineException("cannot open workspace " + workspace + ": " + e.getMessage(), e);
        }
    }

    private static String literal(Path path) {
        return DuckDbDialect.INSTANCE.stringLiteral(path.toAbsolutePath().toString());
    }

    /**
     * Runs on a connection the caller owns (and closes); tables must already be there. The connection is given
     * the engine's planning settings, so every query of the model is planned alike whoever opened it.
     */
    public static DuckDbEngine over(Connection connection) {
        try {
            DuckDbPlanner.apply(connection);
        } catch (SQLException e) {
            throw new EngineException("cannot set DuckDB's planning: " + e.getMessage(), e);
        }
        return new DuckDbEngine(connection, false);
    }

    /**
     * Runs over a directory of {@code <table>.parquet} files (ParquetExport's layout) through views, so the
     * same Parquet can be checked on both engines.
     */
    public static DuckDbEngine overParquet(Path directory) {
        try {
            Connection c = DriverManager.getConnection("jdbc:duckdb:");
            DuckDbMemory.apply(c);
            DuckDbPlanner.apply(c);
            DuckDbEngine engine = new DuckDbEngine(c, true);
            for (ParquetExport.TableFile f : ParquetExport.tableFiles(directory)) {
                // Spark writes a table as a directory of part files; DuckDB reads those through a glob.
                String location =
                        f.path().toAbsolutePath().toString() + (Files.isDirectory(f.path()) ? "/*.parquet" : "");
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE VIEW " + DuckDbDialect.INSTANCE.quote(f.table())
                            + " AS SELECT * FROM read_parquet(" + DuckDbDialect.INSTANCE.stringLiteral(location)
                            + ", hive_partitioning = false)");
                }
            }
            return engine;
        } catch (SQLException e) {
            throw new EngineException("cannot read Parquet tables in " + directory + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String name() {
        return "duckdb";
    }

    /** The SQL run for the query: shared results already kept are read from their temporary tables. */
    @Override
    public synchronized String render(Query query) {
        return renderer.render(query, kept::get);
    }

    /** Serialised: one JDBC connection runs one statement at a time; DuckDB parallelises within it. */
    @Override
    public synchronized Result execute(Query query) {
        // one read path: the rows streamed into a list
        List<String> columns = new ArrayList<>();
        List<List<Object>> rows = new ArrayList<>();
        stream(query, new RowSink() {
            @Override
            public void columns(List<String> names) {
                columns.addAll(names);
            }

            @Override
            public void row(Object[] values) {
                rows.add(java.util.Arrays.asList(values));
            }
        });
        return new Result(columns, rows);
    }

    @Override
    public synchronized void stream(Query query, RowSink rowSink) {
        StatementTrace.ReaderTime readerTime = new StatementTrace.ReaderTime();
        RowSink sink = readerTime.around(rowSink);
        read(query, readerTime, (rs, columns) -> {
            sink.columns(columns);
            int n = columns.size();
            while (rs.next()) {
                Object[] row = new Object[n];
                for (int i = 1; i <= n; i++) {
                    row[i - 1] = Result.normalise(rs.getObject(i));
                }
                sink.row(row);
            }
        });
    }

    /** Reads numbers with the driver's primitive getters: no value is boxed. */
    @Override
    public synchronized void streamNumeric(Query query, int textColumns, NumericRowSink rowSink) {
        StatementTrace.ReaderTime readerTime = new StatementTrace.ReaderTime();
        NumericRowSink sink = readerTime.around(rowSink);
        read(query, readerTime, (rs, columns) -> {
            sink.columns(columns);
            int n = columns.size();
            String[] text = new String[textColumns];
            double[] numbers = new double[n - textColumns];
            while (rs.next()) {
                for (int i = 0; i < textColumns; i++) {
                    text[i] = rs.getString(i + 1);
                }
                for (int i = textColumns; i < n; i++) {
                    double v = rs.getDouble(i + 1);
                    numbers[i - textColumns] = rs.wasNull() ? Double.NaN : v;
                }
                sink.row(text, numbers);
            }
        });
    }

    private interface Rows {
        void read(ResultSet rs, List<String> columns) throws SQLException;
    }

    /** Runs the query and hands its open result, with the column names, to the reader. */
    private void read(Query query, StatementTrace.ReaderTime readerTime, Rows rows) {
        keepShared(query);
        String sql = render(query);
        long t0 = System.nanoTime();
        try (DuckDbMemory.Done<ResultSet> done =
                        DuckDbMemory.retryingOnOneThread(connection, s -> s.executeQuery(sql));
                ResultSet rs = done.value()) {
            ResultSetMetaData md = rs.getMetaData();
            List<String> columns = new ArrayList<>(md.getColumnCount());
            for (int i = 1; i <= md.getColumnCount(); i++) {
                columns.add(md.getColumnLabel(i));
            }
            rows.read(rs, columns);
            StatementTrace.record("query", sql, t0, readerTime);
        } catch (SQLException e) {
            throw new EngineException(
                    "DuckDB failed: " + DuckDbMemory.explain(e.getMessage(), connection) + "\n" + sql, e);
        }
    }

    /** Computes each shared result of the query not kept yet into a table of its own, inner ones first. */
    private void keepShared(Query query) {
        for (Query.Shared shared : Query.sharedResults(query)) {
            if (kept.containsKey(shared)) {
                continue;
            }
            String table = "shared_" + shared.name();
            if (kept.containsValue(table)) {
                // Another result under the same name: keep both, as names are only labels.
                table = table + "_" + kept.size();
            }
            String sql = "CREATE OR REPLACE " + (space == null ? "TEMP " : "") + "TABLE "
                    + DuckDbDialect.INSTANCE.quote(table) + " AS "
                    + renderer.render(shared.input(), kept::get);
            long t0 = System.nanoTime();
            try (DuckDbMemory.Done<Boolean> done = DuckDbMemory.retryingOnOneThread(connection, s -> s.execute(sql))) {
                StatementTrace.record("keep " + shared.name(), sql, t0);
            } catch (SQLException e) {
                throw new EngineException(
                        "DuckDB failed to keep " + shared.name() + ": "
                                + DuckDbMemory.explain(e.getMessage(), connection) + "\n" + sql,
                        e);
            }
            kept.put(shared, table);
        }
    }

    /** Drops the kept results from a caller's connection; a connection the engine opened takes them with it. */
    @Override
    public synchronized void close() {
        if (!ownsConnection) {
            for (String table : kept.values()) {
                try (Statement s = connection.createStatement()) {
                    s.execute("DROP TABLE IF EXISTS " + DuckDbDialect.INSTANCE.quote(table));
                } catch (SQLException e) {
                    throw new EngineException("cannot drop " + table + ": " + e.getMessage(), e);
                }
            }
            kept.clear();
        }
        if (ownsConnection) {
            try {
                connection.close();
            } catch (SQLException e) {
                throw new EngineException("cannot close DuckDB: " + e.getMessage(), e);
            } finally {
                if (space != null) {
                    space.close();
                }
            }
        }
    }
}
