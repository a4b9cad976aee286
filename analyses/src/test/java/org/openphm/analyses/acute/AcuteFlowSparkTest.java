package org.openphm.analyses.acute;

import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.openphm.engine.Engine;
import org.openphm.engine.duckdb.ParquetExport;
import org.openphm.engine.spark.LocalSpark;
import org.openphm.engine.spark.SparkEngine;
import org.openphm.engine.spec.SpecWorkspace;

/**
 * The same acute-flow specification on Spark SQL, over the hand-made workspace exported to Parquet (the path
 * by which a workspace moves to a cluster): the answers must be DuckDB's, derived by hand.
 */
class AcuteFlowSparkTest extends AcuteFlowSpec {

    @TempDir
    static Path dir;
    private static SparkSession spark;
    private static SparkEngine engine;

    @BeforeAll
    static void open() throws Exception {
        Path workspace = SpecWorkspace.write(dir.resolve("acute.duckdb"), AcuteSpecData.tables());
        ParquetExport.export(workspace, dir.resolve("parquet"));
        // Tiny tables: Spark's interpreted evaluation is faster here than compiling code for every query.
        spark = LocalSpark.builder(2).config("spark.sql.codegen.wholeStage", "false")
                .config("spark.sql.codegen.factoryMode", "NO_CODEGEN").getOrCreate();
        engine = SparkEngine.overParquet(spark, dir.resolve("parquet"));
    }

    // No @AfterAll stop: getOrCreate hands every test class of this JVM the same session (SpecEngines's too), so
    // stopping it here broke the Spark cases of whichever class ran next.

    @Override
    Engine engine() {
        return engine;
    }
}
