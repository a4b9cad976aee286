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
import java.util.List;
import java.util.Properties;
import org.openphm.engine.Engine;
import org.openphm.engine.EngineException;
import org.openphm.engine.Result;
import org.openphm.engine.query.Query;
import org.openphm.engine.sql.DuckDbDialect;
import org.openphm.engine.sql.SqlRenderer;

/** The default engine: DuckDB embedded in this JVM, over a workspace file or a connection the caller made. */
public final class DuckDbEngine implements Engine {

    private final Connection connection;
    private final boolean ownsConnection;
    private final SqlRenderer renderer = new SqlRenderer(DuckDbDialect.INSTANCE);

    private DuckDbEngine(Connection connection, boolean ownsConnection) {
        this.connection = connection;
        this.ownsConnection = ownsConnection;
    }

    /** Opens a workspace (org.openphm.model.WorkspaceLayout) read-only, so analyses can never change it. */
    public static DuckDbEngine open(Path workspace) {
        if (!Files.isRegularFile(workspace)) {
            throw new IllegalArgumentException("no workspace file " + workspace);
        }
        Properties props = new Properties();
        props.setProperty("duckdb.read_only", "true");
        try {
            return new DuckDbEngine(DriverManager.getConnection("jdbc:duckdb:" + workspace.toAbsolutePath(), props), true);
        } catch (SQLException e) {
            throw new EngineException("cannot open workspace " + workspace + ": " + e.getMessage(), e);
        }
    }

    /** Runs on a connection the caller owns (and closes); tables must already be there. */
    public static DuckDbEngine over(Connection connection) {
        return new DuckDbEngine(connection, false);
    }

    /**
     * Runs over a directory of {@code <table>.parquet} files (ParquetExport's layout) through views, so the
     * same Parquet can be checked on both engines.
     */
    public static DuckDbEngine overParquet(Path directory) {
        try {
            Connection c = DriverManager.getConnection("jdbc:duckdb:");
            DuckDbEngine engine = new DuckDbEngine(c, true);
            for (ParquetExport.TableFile f : ParquetExport.tableFiles(directory)) {
                // Spark writes a table as a directory of part files; DuckDB reads those through a glob.
                String location = f.path().toAbsolutePath().toString()
                        + (Files.isDirectory(f.path()) ? "/*.parquet" : "");
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE VIEW " + DuckDbDialect.INSTANCE.quote(f.table()) + " AS SELECT * FROM read_parquet("
                            + DuckDbDialect.INSTANCE.stringLiteral(location) + ")");
                }
            }
            return engine;
        } catch (SQLException e) {
            throw new EngineException("cannot read Parquet tables in " + directory + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String name() { return "duckdb"; }

    @Override
    public String render(Query query) { return renderer.render(query); }

    @Override
    public Result execute(Query query) {
        String sql = render(query);
        // A fresh statement per query: after an SQL error DuckDB's JDBC statement is closed (STACK.md).
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            int n = md.getColumnCount();
            List<String> columns = new ArrayList<>(n);
            for (int i = 1; i <= n; i++) {
                columns.add(md.getColumnLabel(i));
            }
            List<List<Object>> rows = new ArrayList<>();
            while (rs.next()) {
                List<Object> row = new ArrayList<>(n);
                for (int i = 1; i <= n; i++) {
                    row.add(Result.normalise(rs.getObject(i)));
                }
                rows.add(row);
            }
            return new Result(columns, rows);
        } catch (SQLException e) {
            throw new EngineException("DuckDB failed: " + e.getMessage() + "\n" + sql, e);
        }
    }

    @Override
    public void close() {
        if (ownsConnection) {
            try {
                connection.close();
            } catch (SQLException e) {
                throw new EngineException("cannot close DuckDB: " + e.getMessage(), e);
            }
        }
    }
}
