package org.openphm.interop.omop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.openphm.ingest.UnusableInputException;
import org.openphm.interop.SourceRows;

/**
 * The CDM tables of a source, whichever way it is stored: a folder of CSV files ({@code PERSON.csv} or
 * {@code person.csv}), a folder of Parquet files ({@code person.parquet}), or a DuckDB database file holding the
 * CDM tables (in any schema). Parquet and database tables are read through DuckDB into private CSV copies in the
 * scratch folder, and reported by their own name and row number ({@code person.parquet:12} is its 12th row).
 */
final class OmopTables {
    private record Table(Path csv, String label, long lineOffset) {}

    private final Map<String, Table> tables;
    private final String kind;

    private OmopTables(Map<String, Table> tables, String kind) {
        this.tables = tables;
        this.kind = kind;
    }

    static OmopTables open(Path source, Path scratch) throws IOException, UnusableInputException {
        if (Files.isRegularFile(source) && source.getFileName().toString().endsWith(".duckdb")) {
            return database(source, scratch);
        }
        if (!Files.isDirectory(source)) {
            throw new UnusableInputException(
                    source.toString(),
                    0,
                    null,
                    "is neither a folder of CDM tables nor a DuckDB database (.duckdb)",
                    "give the folder holding PERSON.csv (or person.parquet), or the .duckdb file holding the CDM tables");
        }
        Map<String, Table> found = new LinkedHashMap<>();
        Map<String, Path> parquet = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(source)) {
            for (Path p : files.sorted().toList()) {
                String name = p.getFileName().toString();
                String lower = name.toLowerCase(Locale.ROOT);
                if (lower.endsWith(".csv")) {
                    found.put(lower.substring(0, lower.length() - 4), new Table(p, name, 0));
                } else if (lower.endsWith(".parquet")) {
                    parquet.put(lower.substring(0, lower.length() - 8), p);
                }
            }
        }
        if (!parquet.isEmpty()) {
            try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
                    Statement st = db.createStatement()) {
                for (Map.Entry<String, Path> e : parquet.entrySet()) {
                    Path csv = scratch.resolve(e.getKey() + ".csv");
                    st.execute("COPY (SELECT * FROM read_parquet(" + literal(e.getValue()) + ")) TO " + literal(csv)
                            + " (HEADER, DELIMITER ',')");
                    found.putIfAbsent(
                            e.getKey(),
                            new Table(csv, e.getValue().getFileName().toString(), -1));
                }
            } catch (SQLException e) {
                throw new UnusableInputException(
                        source.toString(),
                        0,
                        null,
                        "a Parquet file cannot be read (" + e.getMessage().split("\n")[0] + ")",
                        "check the files are Parquet written by a CDM export");
            }
        }
        return new OmopTables(found, parquet.isEmpty() ? "CSV tables" : "Parquet tables");
    }

    private static OmopTables database(Path file, Path scratch) throws UnusableInputException {
        Map<String, Table> found = new LinkedHashMap<>();
        String name = file.getFileName().toString();
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
                Statement st = db.createStatement()) {
            st.execute("ATTACH " + literal(file) + " AS cdm (READ_ONLY)");
            List<String[]> names = new ArrayList<>();
            try (ResultSet rs =
                    st.executeQuery("SELECT schema_name, table_name FROM duckdb_tables() WHERE database_name = 'cdm'"
                            + " ORDER BY schema_name = 'main' DESC, schema_name, table_name")) {
                while (rs.next()) {
                    names.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
            for (String[] n : names) {
                String table = n[1].toLowerCase(Locale.ROOT);
                if (found.containsKey(table)) {
                    continue;
                }
                Path csv = scratch.resolve(table + ".csv");
                // Rows in the table's stored order, so a row number points where the supplier's query finds it.
                st.execute("COPY (SELECT * FROM cdm.\"" + n[0].replace("\"", "\"\"") + "\".\""
                        + n[1].replace("\"", "\"\"") + "\") TO " + literal(csv) + " (HEADER, DELIMITER ',')");
                found.put(table, new Table(csv, name + "/" + n[1], -1));
            }
        } catch (SQLException e) {
            throw new UnusableInputException(
                    name,
                    0,
                    null,
                    "cannot be read as a DuckDB database (" + e.getMessage().split("\n")[0] + ")",
                    "stop any program using it, or export the CDM tables as CSV or Parquet");
        }
        return new OmopTables(found, "a DuckDB database");
    }

    boolean has(String table) {
        return tables.containsKey(table);
    }

    /** Each row of a CDM table (none when absent); returns rows read. */
    long each(String table, Consumer<SourceRows.Row> action) throws IOException {
        Table t = tables.get(table);
        return t == null ? 0 : SourceRows.each(t.csv(), t.label(), t.lineOffset(), action);
    }

    /** The tables present, lower-case CDM names. */
    List<String> names() {
        return List.copyOf(tables.keySet());
    }

    String kind() {
        return kind;
    }

    private static String literal(Path p) {
        return "'" + p.toAbsolutePath().toString().replace("'", "''") + "'";
    }
}
