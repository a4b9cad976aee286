package org.openphm.spark;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openphm.analyses.build.Build;
import org.openphm.analyses.qof.QofRegisters;
import org.openphm.engine.Engine;
import org.openphm.engine.duckdb.DuckDbEngine;
import org.openphm.engine.duckdb.ParquetExport;
import org.openphm.engine.spark.LocalSpark;
import org.openphm.ingest.Ingest;
import org.openphm.ingest.IngestOptions;
import org.openphm.model.Progress;
import org.openphm.stats.sdc.DisclosureRule;
import org.openphm.synth.SynthOptions;
import org.openphm.synth.SyntheticIcb;

/**
 * The whole data pack, built on DuckDB from a synthetic workspace and on Spark from the same workspace
 * exported to Parquet, must be the same file for file, row for row and cell for cell (numbers to the last
 * printed digit: the engines may add doubles in a different order). This is the promise that a national build on
 * a cluster means what the laptop build means.
 */
class SparkBuildParityTest {

    @TempDir
    Path dir;

    @Test
    void everyResultFileIsTheSameOnBothEngines() throws Exception {
        Path data = dir.resolve("data");
        SyntheticIcb.generate(
                data,
                new SynthOptions(Long.getLong("openphm.parity.patients", 3_000), 20250331, true),
                QofRegisters.ageLabels(),
                Progress.SILENT);
        Path workspace = dir.resolve("ws.duckdb");
        Ingest.run(IngestOptions.of(data, workspace, null), Progress.SILENT);

        Path onDuckDb = dir.resolve("duckdb");
        try (Engine engine = DuckDbEngine.open(workspace)) {
            Build.run(
                    engine,
                    new Build.Options(onDuckDb, null, true, DisclosureRule.nhsDefault(), "parity"),
                    Progress.SILENT);
        }
        Path parquet = dir.resolve("parquet");
        ParquetExport.export(workspace, parquet);
        SparkSession spark = LocalSpark.session(2);
        Path onSpark = dir.resolve("spark");
        SparkBuild.run(spark, parquet, null, onSpark, null, true);

        SameResults.assertSame(onDuckDb, onSpark);
        assertTrue(Files.exists(onSpark.resolve("results/metadata.json")), "the Spark build wrote no metadata.json");
    }
}
