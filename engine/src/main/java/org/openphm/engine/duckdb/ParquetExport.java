package org.openphm.engine.duckdb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.openphm.engine.EngineException;
import org.openphm.engine.sql.DuckDbDialect;

/**
 * Writes every table of a DuckDB workspace as {@code <dir>/<table>.parquet}, the layout the Spark engine
 * (and {@link DuckDbEngine#overParquet}) reads, so one workspace runs on either engine. DuckDB's own
 * {@code COPY ... (FORMAT PARQUET)} does the writing; column types carry over (INTEGER as INT32, DATE as DATE).
 */
public final class ParquetExport {
    private ParquetExport() {}

    public static final String EXTENSION = ".parquet";

    /** A table and the Parquet file (or directory of part files) holding it. */
    public record TableFile(String table, Path path) {}

    /** Exports every base table in the workspace's main schema; returns the files written. */
    public static List<TableFile> export(Path workspace, Path directory) {
        Properties props = new Properties();
        props.setProperty("duckdb.read_only", "true");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + workspace.toAbsolutePath(), props)) {
            return export(c, directory);
        } catch (SQLException e) {
            throw new EngineException("cannot export " + workspace + ": " + e.getMessage(), e);
        }
    }

    /** Exports every base table visible on the connection's main schema. */
    public static List<TableFile> export(Connection c, Path directory) throws SQLException {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> tables = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' "
                                + "AND table_type = 'BASE TABLE' ORDER BY table_name")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        List<TableFile> written = new ArrayList<>();
        DuckDbDialect d = DuckDbDialect.INSTANCE;
        for (String table : tables) {
            Path file = directory.resolve(table + EXTENSION);
            try (Statement s = c.createStatement()) {
                s.execute("COPY " + d.quote(table) + " TO "
                        + d.stringLiteral(file.toAbsolutePath().toString()) + " (FORMAT PARQUET)");
            }
            written.add(new TableFile(table, file));
        }
        return written;
    }

    /** The tables in a Parquet directory: each {@code <table>.parquet} file or directory of part files. */
    public static List<TableFile> tableFiles(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("no Parquet directory " + directory);
        }
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(p -> p.getFileName().toString().endsWith(EXTENSION))
                    .sorted()
                    .map(p -> {
                        String name = p.getFileName().toString();
                        return new TableFile(name.substring(0, name.length() - EXTENSION.length()), p);
                    })
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
