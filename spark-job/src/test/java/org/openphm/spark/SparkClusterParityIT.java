package org.openphm.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openphm.analyses.build.Build;
import org.openphm.analyses.qof.QofRegisters;
import org.openphm.engine.Engine;
import org.openphm.engine.duckdb.DuckDbEngine;
import org.openphm.engine.duckdb.ParquetExport;
import org.openphm.ingest.Ingest;
import org.openphm.ingest.IngestOptions;
import org.openphm.model.Progress;
import org.openphm.stats.sdc.DisclosureRule;
import org.openphm.synth.SynthOptions;
import org.openphm.synth.SyntheticIcb;

/**
 * Issue 19 item 5: the job jar, submitted with spark-submit to a real standalone Spark cluster (a master, a worker and
 * its executors, each their own JVM; {@link StandaloneCluster}), builds the same results files as DuckDB on the same
 * workspace. Runs in {@code mvn verify} after the job jar is packaged. The size is
 * {@code -Dopenphm.cluster.patients} (default 3,000; the closing note of issue 19 reports a 100,000-patient run).
 */
class SparkClusterParityIT {

    @TempDir
    Path dir;

    @Test
    void theJobJarOnAStandaloneClusterBuildsWhatDuckDbBuilds() throws Exception {
        Path jar = Path.of("target", "openphm-spark-job.jar").toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), "the job jar is built by mvn package: " + jar);
        long patients = Long.getLong("openphm.cluster.patients", 3_000);
        Path data = dir.resolve("data");
        SyntheticIcb.generate(
                data, new SynthOptions(patients, 20250331, true), QofRegisters.ageLabels(), Progress.SILENT);
        Path workspace = dir.resolve("ws.duckdb");
        Ingest.run(IngestOptions.of(data, workspace, null), Progress.SILENT);
        Path onDuckDb = dir.resolve("duckdb");
        long duckStarted = System.nanoTime();
        try (Engine engine = DuckDbEngine.open(workspace)) {
            Build.run(
                    engine,
                    new Build.Options(onDuckDb, null, true, DisclosureRule.nhsDefault(), "parity"),
                    Progress.SILENT);
        }
        double duckSeconds = (System.nanoTime() - duckStarted) / 1e9;
        Path parquet = dir.resolve("parquet");
        ParquetExport.export(workspace, parquet);

        Path onCluster = dir.resolve("cluster");
        Path log = dir.resolve("spark-submit.log");
        try (StandaloneCluster cluster = StandaloneCluster.start(dir.resolve("cluster-home"), 2, "3g")) {
            long started = System.nanoTime();
            int exit = cluster.submit(
                    jar,
                    SparkBuild.class.getName(),
                    log,
                    "3g",
                    List.of(
                            "spark.executor.memory=2g",
                            "spark.driver.host=127.0.0.1",
                            "spark.driver.bindAddress=127.0.0.1",
                            "spark.ui.enabled=false",
                            "spark.sql.shuffle.partitions=4"),
                    "--parquet",
                    parquet.toString(),
                    "--out",
                    onCluster.toString(),
                    "--analyst-outputs");
            String submitted = Files.readString(log);
            assertEquals(0, exit, "spark-submit failed:\n" + tail(submitted) + "\n" + cluster.logs());
            // the job ran on the cluster's executors, not in a local Spark inside the driver
            assertTrue(
                    cluster.logs().contains("Launching executor")
                            || cluster.logs().contains("Asked to launch executor"),
                    "the worker launched no executor:\n" + cluster.logs());
            System.out.printf(
                    "Cluster parity at %,d patients: DuckDB build %.1f s, spark-submit to the standalone cluster %.1f s%n",
                    patients, duckSeconds, (System.nanoTime() - started) / 1e9);
        }
        SameResults.assertSame(onDuckDb, onCluster);
    }

    private static String tail(String log) {
        String[] lines = log.split("\n");
        return String.join("\n", java.util.Arrays.copyOfRange(lines, Math.max(0, lines.length - 60), lines.length));
    }
}
