package org.openphm.analyses;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.openphm.engine.Engine;
import org.openphm.engine.duckdb.DuckDbEngine;
import org.openphm.engine.duckdb.ParquetExport;
import org.openphm.engine.spark.LocalSpark;
import org.openphm.engine.spark.SparkEngine;
import org.openphm.engine.spec.SpecTable;
import org.openphm.engine.spec.SpecWorkspace;

/**
 * Opens tiny hand-made tables on either engine, so each analysis's specification test runs the same
 * definition on DuckDB and on Spark: DuckDB reads a workspace file, Spark the same workspace exported to
 * Parquet (the layout it reads in production).
 *
 * <p>This is the one style for analysis specifications, as ehrQL's {@code tests/spec} is for its query language:
 * a {@code <Family>SpecTest} in the family's package, each case a {@code @ParameterizedTest} over
 * {@code @ValueSource(strings = {SpecEngines.DUCKDB, SpecEngines.SPARK})} that opens its own small hand-built rows
 * with {@link #open}, exercises one behaviour and checks values worked out by hand in the test, so the same case
 * runs unchanged on every engine. No engine-specific subclasses and no DuckDB-only specs: a case that fails on one
 * engine is an engine difference to fix or report, not to skip. Logic that needs no engine stays a plain
 * JUnit test; the fidelity tests (synthetic BLMK against the published figures) and the whole-pack parity test in
 * {@code spark-job} are separate. {@code SpecStyleTest} keeps analyses' tests to this.
 */
public final class SpecEngines {
    private SpecEngines() {}

    /** Engine names for {@code @ParameterizedTest @ValueSource(strings = {"duckdb", "spark"})}. */
    public static final String DUCKDB = "duckdb";

    public static final String SPARK = "spark";

    private static SparkSession spark;

    public static Engine open(String engine, Path dir, List<SpecTable> tables) throws Exception {
        Path workspace = SpecWorkspace.write(dir.resolve("spec.duckdb"), tables);
        if (DUCKDB.equals(engine)) {
            return DuckDbEngine.open(workspace);
        }
        Path parquet = Files.createDirectories(dir.resolve("parquet"));
        ParquetExport.export(workspace, parquet);
        return SparkEngine.overParquet(session(), parquet);
    }

    /** One local session for the whole test run: starting Spark costs seconds, the tables are tiny. */
    private static synchronized SparkSession session() {
        if (spark == null || spark.sparkContext().isStopped()) { // a test may have stopped the shared session
            spark = LocalSpark.builder(2)
                    .config("spark.sql.codegen.wholeStage", "false")
                    .config("spark.sql.codegen.factoryMode", "NO_CODEGEN")
                    .getOrCreate();
        }
        return spark;
    }
}
