package org.openphm.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.openphm.model.ConsoleProgress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code phm bench-r}: the R comparison of {@code phm bench} on its own, from a raw folder, without the whole
 * build and the hand-written SQL before it (a benchmark, not a test).
 */
@Command(
        name = "bench-r",
        mixinStandardHelpOptions = true,
        description = "QOF register prevalence from raw CSV: ours (ingest + the family's build) against an idiomatic "
                + "R data.table pipeline on the same files, cell for cell, and the ratio R / ours against 10x.")
public final class BenchRCommand implements Callable<Integer> {

    @Option(
            names = "--raw",
            defaultValue = "demo/data",
            description = "Raw canonical CSV files (default ${DEFAULT-VALUE}, from phm demo; or phm generate --out D)")
    Path raw;

    @Option(
            names = "--out",
            defaultValue = "bench-r",
            description = "Folder for both sides' cells, our workspace and results, and the report (default "
                    + "${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--report", description = "Report file (Markdown; default OUT/bench-r-report.md)")
    Path report;

    @Override
    public Integer call() throws Exception {
        Optional<String> noR = RPipeline.unavailable();
        if (noR.isPresent()) {
            System.out.println(RPipeline.skipMessage(noR.get()));
            return 0;
        }
        if (!Files.isRegularFile(raw.resolve("patient.csv"))) {
            throw new IllegalArgumentException("no raw CSV files in " + raw + ": run 'phm demo' (it writes demo/data) "
                    + "or 'phm generate --out " + raw + "'");
        }
        System.out.printf(
                "QOF prevalence from %s: R data.table against ours, %d cores, load average %s%n",
                raw, Runtime.getRuntime().availableProcessors(), BenchCommand.loadAverage());
        RComparison.Result r = RComparison.run(raw, out, new ConsoleProgress(System.out));
        String text = "# phm bench-r\n\n" + r.section();
        System.out.println();
        System.out.print(text);
        Path reportFile = report != null ? report : out.resolve("bench-r-report.md");
        BenchReport.write(reportFile, text);
        System.out.printf(
                "Wrote R's cells to %s, ours to %s, our workspace to %s and our QOF results to %s%n",
                r.rCells().toAbsolutePath(),
                r.ourCells().toAbsolutePath(),
                r.ours().workspace().toAbsolutePath(),
                r.ours().resultsDir().toAbsolutePath());
        if (!r.agree()) {
            System.out.println("R and our QOF cells DIFFER (see the report): a correctness problem.");
            return 1;
        }
        return 0;
    }
}
