package org.openphm.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.openphm.engine.duckdb.ParquetExport;
import org.openphm.ingest.WorkspaceVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = "Write every table of a workspace as DIR/<table>.parquet: the layout the Spark build reads "
                + "(spark-submit --class org.openphm.spark.SparkBuild openphm-spark-job.jar --parquet DIR --out OUT).")
final class ExportCommand implements Callable<Integer> {

    @Option(names = "--workspace", required = true, description = "DuckDB workspace written by phm ingest")
    Path workspace;

    @Option(names = "--out", required = true, description = "Folder for the Parquet files")
    Path out;

    @Override
    public Integer call() {
        WorkspaceVersion.requireCurrent(workspace);
        long t0 = System.nanoTime();
        List<ParquetExport.TableFile> files = ParquetExport.export(workspace, out);
        System.out.printf(
                "Wrote %d Parquet tables to %s in %.1fs.%nNext: spark-submit --class "
                        + "org.openphm.spark.SparkBuild spark-job/target/openphm-spark-job.jar --parquet %s --out DIR%n",
                files.size(), out.toAbsolutePath(), (System.nanoTime() - t0) / 1e9, out);
        return 0;
    }
}
