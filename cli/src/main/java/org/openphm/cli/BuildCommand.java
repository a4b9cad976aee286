package org.openphm.cli;

import org.openphm.model.ConsoleProgress;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.openphm.analyses.build.Build;
import org.openphm.analyses.build.BuildReport;
import org.openphm.analyses.risk.RiskModelFile;
import org.openphm.engine.Engine;
import org.openphm.engine.duckdb.DuckDbEngine;
import org.openphm.publish.pack.PackSummary;
import org.openphm.publish.pack.PackWriter;
import org.openphm.outputcheck.OutputCheck;
import org.openphm.outputcheck.Release;
import org.openphm.stats.sdc.DisclosureRule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Compute every indicator and analysis of the data pack from a workspace into DIR/results, "
                + "and the printed pack into DIR/pack.")
final class BuildCommand implements Callable<Integer> {

    @Option(names = "--workspace", required = true, description = "DuckDB workspace written by phm ingest")
    Path workspace;

    @Option(names = "--out", required = true, description = "Output folder (results/ and pack/ are written in it)")
    Path out;

    @Option(names = "--analyst-outputs", description = "Also write unsuppressed results to DIR/analyst/results "
            + "(for analysts only: not for publication)")
    boolean analystOutputs;

    @Option(names = "--suppress-at-or-below", defaultValue = "7",
            description = "Disclosure control: counts from 1 to this are suppressed (default ${DEFAULT-VALUE})")
    int suppressAtOrBelow;

    @Option(names = "--round-to", defaultValue = "5",
            description = "Disclosure control: published counts are rounded to a multiple of this (default ${DEFAULT-VALUE})")
    int roundTo;

    @Option(names = "--no-pack", description = "Skip the HTML and PDF pack")
    boolean noPack;

    @Override
    public Integer call() throws Exception {
        return run(workspace, out, analystOutputs, new DisclosureRule(suppressAtOrBelow, roundTo, false), !noPack,
                "workspace " + workspace.getFileName());
    }

    /**
     * Builds into a staging folder, checks every file there with the independent output check, and publishes
     * (moves into {@code out}) only what passes.
     */
    static int run(Path workspace, Path out, boolean analystOutputs, DisclosureRule rule, boolean pack,
                   String population) throws Exception {
        WorkspaceVersion.requireCurrent(workspace);
        ConsoleProgress progress = new ConsoleProgress(System.out);
        Path staging = Release.prepare(out);
        // a model saved by phm risk train scores the population; without one PHM 13.1 fits its own
        Path modelFile = RiskModelFile.beside(workspace);
        java.util.Optional<RiskModelFile.Saved> riskModel = java.nio.file.Files.exists(modelFile)
                ? java.util.Optional.of(RiskModelFile.read(modelFile)) : java.util.Optional.empty();
        riskModel.ifPresent(m -> progress.message("Using the risk model saved in " + modelFile + " (trained on "
                + m.trainedAt() + ")"));
        Build.Summary summary;
        try (Engine engine = DuckDbEngine.open(workspace)) {
            summary = Build.run(engine, new Build.Options(staging, null, analystOutputs, rule, population, riskModel),
                    progress);
        }
        PackSummary p = pack ? PackWriter.write(staging, progress) : null;
        progress.message("Checking every file before it is published (phm check-outputs)");
        OutputCheck.Report check;
        try {
            check = Release.publish(out);
        } catch (Release.Rejected rejected) {
            Release.print(rejected.report(), System.err, 20);
            throw rejected;
        }
        BuildReport.print(summary, out.resolve("results"), analystOutputs
                ? out.resolve("analyst").resolve("results") : null, System.out);
        if (p != null) {
            Path packDir = out.resolve("pack");
            System.out.printf("Pack: %s and %s (%d sections, %d charts, %d pages%s)%n",
                    packDir.resolve(PackWriter.HTML).toAbsolutePath(), packDir.resolve(PackWriter.PDF).toAbsolutePath(),
                    p.sections(), p.charts(), p.pdfPages(),
                    p.chartProblems() > 0 ? ", " + p.chartProblems() + " chart problems shown in the pack" : "");
            System.out.printf("Summary pack: %s (%d pages: each section's key insights and headline charts)%n",
                    packDir.resolve(PackWriter.SUMMARY_PDF).toAbsolutePath(), p.summaryPages());
        }
        System.out.printf("Output check: %d published files, no disclosure problems%n", check.files());
        return 0;
    }
}
