package org.openphm.engine.spec;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import org.openphm.engine.sql.DuckDbDialect;

/** Writes spec tables into a DuckDB database: a workspace file, or an in-memory connection. */
public final class SpecWorkspace {
    private SpecWorkspace() {}

    /** A workspace file holding the tables, typed with the model's DuckDB types. */
    public static Path write(Path file, List<SpecTable> tables) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath())) {
            for (SpecTable t : tables) {
                load(c, t);
            }
        }
        return file;
    }

    /** Creates the table with the model's DuckDB types and inserts its rows. */
    public static void load(Connection c, SpecTable t) throws Exception {
        DuckDbDialect d = DuckDbDialect.INSTANCE;
        String columns = t.columns().stream()
                .map(col -> d.quote(col.name()) + " " + col.type().duckdbType())
                .collect(Collectors.joining(", "));
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + d.quote(t.name()) + " (" + columns + ")");
        }
        String marks = String.join(", ", Collections.nCopies(t.columns().size(), "?"));
        try (PreparedStatement ps =
                c.prepareStatement("INSERT INTO " + d.quote(t.name()) + " VALUES (" + marks + ")")) {
            for (List<Object> row : t.rows()) {
                for (int i = 0; i < row.size(); i++) {
                    ps.setObject(i + 1, row.get(i));
                }
                ps.executeUpdate();
            }
        }
    }
}
