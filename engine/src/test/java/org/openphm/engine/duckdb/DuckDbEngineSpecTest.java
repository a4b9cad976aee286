package org.openphm.engine.duckdb;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.openphm.engine.Engine;
import org.openphm.engine.Result;
import org.openphm.engine.query.Query;
import org.openphm.engine.spec.EngineSpec;
import org.openphm.engine.spec.SpecTable;
import org.openphm.engine.spec.SpecWorkspace;

/** The specification suite on DuckDB: the spec tables in an in-memory database. */
class DuckDbEngineSpecTest extends EngineSpec {

    @Override
    protected Engine openEngine(List<SpecTable> tables) throws Exception {
        Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        for (SpecTable t : tables) {
            SpecWorkspace.load(connection, t);
        }
        DuckDbEngine engine = DuckDbEngine.over(connection);
        // The engine leaves a caller's connection open; the suite owns this one, so closing closes it.
        return new Engine() {
            @Override
            public String name() {
                return engine.name();
            }

            @Override
            public Result execute(Query q) {
                return engine.execute(q);
            }

            @Override
            public String render(Query q) {
                return engine.render(q);
            }

            @Override
            public void close() {
                try {
                    connection.close();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
    }
}
