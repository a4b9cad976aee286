package org.openphm.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.openphm.ingest.WorkspaceVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code phm bench-explorer}: how fast the dashboard's scenario explorer answers a slider (a benchmark, not a test). */
@Command(
        name = "bench-explorer",
        mixinStandardHelpOptions = true,
        description = "Benchmark of the dashboard's scenario explorer: serves a workspace, prepares the Case for "
                + "Change's runs, then times random slider changes against the API (p50 / p99 in ms, and p99 as a "
                + "ratio to the 200 ms target).")
public final class BenchExplorerCommand implements Callable<Integer> {

    @Option(names = "--workspace", required = true, description = "DuckDB workspace written by phm ingest")
    Path workspace;

    @Option(
            names = "--out",
            description = "A folder phm build wrote (it holds results/; any build: the explorer "
                    + "reads only the workspace); default: the workspace's folder")
    Path out;

    @Option(names = "--changes", defaultValue = "500", description = "Slider changes timed (default ${DEFAULT-VALUE})")
    int changes;

    @Option(
            names = "--seed",
            defaultValue = "1",
            description = "Seed of the random lever values (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--report", description = "Also write the table to this file")
    Path report;

    @Override
    public Integer call() throws Exception {
        WorkspaceVersion.requireCurrent(workspace);
        Path dir = out != null ? out : workspace.toAbsolutePath().getParent();
        if (!Files.exists(dir.resolve("results").resolve("metadata.json"))) {
            throw new IllegalArgumentException(dir + " holds no built results: give --out a folder phm build wrote");
        }
        if (changes < 1) {
            throw new IllegalArgumentException("--changes must be at least 1");
        }
        ExplorerBenchmark.Report r = ExplorerBenchmark.run(dir, workspace, changes, seed);
        r.print(System.out);
        BenchReport.write(report, BenchReport.printed(r::print));
        return 0;
    }
}
