package org.openphm.engine.duckdb;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import org.openphm.engine.Engine;
import org.openphm.engine.spec.EngineSpec;
import org.openphm.engine.spec.SpecTable;
import org.openphm.engine.sql.DuckDbDialect;

/** The specification suite on DuckDB: the spec tables in an in-memory database. */
class DuckDbEngineSpecTest extends EngineSpec {

    private Connection connection;

    @Override
    protected Engine openEngine(List<SpecTable> tables) throws Exception {
        connection = DriverManager.getConnection("jdbc:duckdb:");
        for (SpecTable t : tables) {
            load(connection, t);
        }
        DuckDbEngine engine = DuckDbEngine.over(connection);
        return new Engine() {
            @Override
            public String name() { return engine.name(); }

            @Override
            public org.openphm.engine.Result execute(org.openphm.engine.query.Query q) { return engine.execute(q); }

            @Override
            public String render(org.openphm.engine.query.Query q) { return engine.render(q); }

            @Override
            public void close() {
                try {
                    connection.close();
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
    }

    /** Creates the table with the model's DuckDB types and inserts its rows. */
    static void load(Connection c, SpecTable t) throws Exception {
        DuckDbDialect d = DuckDbDialect.INSTANCE;
        String columns = t.columns().stream().map(col -> d.quote(col.name()) + " " + col.type().duckdbType())
                .collect(Collectors.joining(", "));
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + d.quote(t.name()) + " (" + columns + ")");
        }
        String marks = String.join(", ", Collections.nCopies(t.columns().size(), "?"));
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + d.quote(t.name()) + " VALUES (" + marks + ")")) {
            for (List<Object> row : t.rows()) {
                for (int i = 0; i < row.size(); i++) {
                    ps.setObject(i + 1, row.get(i));
                }
                ps.executeUpdate();
            }
        }
    }
}
