package org.openphm.engine.duckdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openphm.engine.query.Expr.col;
import static org.openphm.engine.query.Measure.countRows;
import static org.openphm.engine.query.Measure.sum;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openphm.engine.EngineException;
import org.openphm.engine.Result;
import org.openphm.engine.query.Query;
import org.openphm.engine.query.SortKey;
import org.openphm.engine.spec.SpecData;
import org.openphm.engine.spec.SpecWorkspace;
import org.openphm.model.CanonicalSchema;

/** A workspace file opened read-only, and the same workspace exported to Parquet giving the same answers. */
class DuckDbWorkspaceTest {

    /** Emergency spells and their cost by person: p1 1 spell 1000.0; p2 1, 3000.0; p6 2, 500 + 750 = 1250.0. */
    static final Query SPELLS_BY_PERSON = Query.from(CanonicalSchema.SPELL)
            .where(col("admission_method").eq("emergency"))
            .aggregate(List.of("person_id"), countRows("spells"), sum("cost", col("cost_gbp")))
            .orderBy(SortKey.asc("person_id"));

    @Test
    void opensAWorkspaceReadOnly(@TempDir Path dir) throws Exception {
        Path workspace = SpecWorkspace.write(dir.resolve("ws.duckdb"), SpecData.ALL);
        try (DuckDbEngine engine = DuckDbEngine.open(workspace)) {
            Result r = engine.execute(SPELLS_BY_PERSON);
            assertEquals(
                    List.of(List.of("p1", 1L, 1000.0), List.of("p2", 1L, 3000.0), List.of("p6", 2L, 1250.0)), r.rows());
        }
        // read-only means an analysis cannot change the workspace, even through the same file
        Connection c = DriverManager.getConnection("jdbc:duckdb:" + workspace, readOnly());
        try (c;
                Statement s = c.createStatement()) {
            assertThrows(Exception.class, () -> s.execute("DELETE FROM spell"));
        }
    }

    @Test
    void sharedResultsAreKeptInTheEnginesOwnFileBesideTheWorkspaceAndGoWithIt(@TempDir Path dir) throws Exception {
        Path workspace = SpecWorkspace.write(dir.resolve("ws.duckdb"), SpecData.ALL);
        Query emergency = Query.from(CanonicalSchema.SPELL)
                .where(col("admission_method").eq("emergency"))
                .shared("emergency_spells");
        Query byPerson = emergency
                .aggregate(List.of("person_id"), countRows("spells"), sum("cost", col("cost_gbp")))
                .orderBy(SortKey.asc("person_id"));
        try (DuckDbEngine engine = DuckDbEngine.open(workspace)) {
            assertEquals(engine.execute(SPELLS_BY_PERSON), engine.execute(byPerson));
            assertEquals(
                    4L,
                    engine.execute(emergency.aggregate(List.of(), countRows("n")))
                            .getLong(0, "n"));
            List<Path> folders = engineFolders(dir);
            assertEquals(1, folders.size(), "one working folder beside the workspace: " + folders);
            assertTrue(Files.size(folders.get(0).resolve("kept.duckdb")) > 0);
        }
        assertEquals(List.of(), engineFolders(dir), "the working folder is deleted when the engine closes");
        // the workspace itself gained nothing
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + workspace, readOnly());
                Statement s = c.createStatement();
                java.sql.ResultSet r = s.executeQuery(
                        "SELECT count(*) FROM information_schema.tables WHERE table_name LIKE 'shared%'")) {
            r.next();
            assertEquals(0, r.getInt(1));
        }
    }

    private static List<Path> engineFolders(Path dir) throws java.io.IOException {
        try (var files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith("ws.duckdb.engine-"))
                    .toList();
        }
    }

    @Test
    void parquetExportRunsTheSameQueriesWithTheSameAnswers(@TempDir Path dir) throws Exception {
        Path workspace = SpecWorkspace.write(dir.resolve("ws.duckdb"), SpecData.ALL);
        List<ParquetExport.TableFile> files = ParquetExport.export(workspace, dir.resolve("parquet"));
        assertEquals(SpecData.ALL.size(), files.size());
        assertTrue(files.stream().allMatch(f -> Files.isRegularFile(f.path())));
        try (DuckDbEngine fromFile = DuckDbEngine.open(workspace);
                DuckDbEngine fromParquet = DuckDbEngine.overParquet(dir.resolve("parquet"))) {
            assertEquals(fromFile.execute(SPELLS_BY_PERSON), fromParquet.execute(SPELLS_BY_PERSON));
            Query all = Query.from(CanonicalSchema.PATIENT).orderBy(SortKey.asc("person_id"));
            assertEquals(fromFile.execute(all), fromParquet.execute(all));
        }
    }

    @Test
    void aFailedQueryNamesTheSqlAndLeavesTheEngineUsable(@TempDir Path dir) throws Exception {
        Path workspace = SpecWorkspace.write(dir.resolve("ws.duckdb"), SpecData.ALL);
        try (DuckDbEngine engine = DuckDbEngine.open(workspace)) {
            // a table the workspace lacks: the error carries the SQL
            EngineException e =
                    assertThrows(EngineException.class, () -> engine.execute(Query.from(CanonicalSchema.WORKFORCE)));
            assertTrue(e.getMessage().contains("FROM \"workforce\""), e.getMessage());
            assertEquals(3, engine.execute(SPELLS_BY_PERSON).size());
        }
    }

    @Test
    void aMissingWorkspaceIsAClearError(@TempDir Path dir) {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> DuckDbEngine.open(dir.resolve("none.duckdb")));
        assertTrue(e.getMessage().contains("none.duckdb"));
    }

    private static java.util.Properties readOnly() {
        java.util.Properties p = new java.util.Properties();
        p.setProperty("duckdb.read_only", "true");
        return p;
    }
}
