package org.openphm.analyses.conditions;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.openphm.engine.Engine;
import org.openphm.engine.duckdb.DuckDbEngine;
import org.openphm.engine.spec.SpecWorkspace;

/** The conditions specification on DuckDB, over a workspace file written from the hand-made tables. */
class ConditionsDuckDbTest extends ConditionSpec {

    @TempDir
    static Path dir;
    private static DuckDbEngine engine;

    @BeforeAll
    static void open() throws Exception {
        engine = DuckDbEngine.open(SpecWorkspace.write(dir.resolve("conditions.duckdb"), ConditionSpecData.tables()));
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Override
    Engine engine() {
        return engine;
    }
}
