package org.openphm.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.openphm.analyses.build.Build;
import org.openphm.analyses.build.BuildReport;
import org.openphm.analyses.risk.RiskModelFile;
import org.openphm.engine.Engine;
import org.openphm.engine.duckdb.DuckDbEngine;
import org.openphm.ingest.WorkspaceVersion;
import org.openphm.model.ConsoleProgress;
import org.openphm.model.WorkspaceLayout;
import org.openphm.outputcheck.OutputCheck;
import org.openphm.outputcheck.Release;
import org.openphm.publish.pack.PackSummary;
import org.openphm.publish.pack.PackWriter;
import org.openphm.stats.sdc.DisclosureRule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "build",
        mixinStandardHelpOptions = true,
        description = "Compute every indicator and analysis of the data pack from a workspace into DIR/results, "
                + "and the printed pack into DIR/pack.")
final class BuildCommand implements Callable<Integer> {

    @Option(names = "--workspace", required = true, description = "DuckDB workspace written by phm ingest")
    Path workspace;

    @Option(names = "--out", required = true, description = "Output folder (results/ and pack/ are written in it)")
    Path out;

    @Mixin
    PublicationOptions publication = new PublicationOptions();

    @Option(names = "--no-pack", description = "Skip the HTML and PDF pack")
    boolean noPack;

    @Option(
            names = "--rebuild",
            description = "Compute every step again instead of reusing the results of earlier builds kept in " + "DIR/"
                    + CACHE + " (the cache is refreshed)")
    boolean rebuild;

    /**
     * The build cache, in the output folder beside (not in) what is published: unsuppressed aggregates of earlier
     * builds' steps, reused while their inputs are unchanged.
     */
    static final String CACHE = ".build-cache";

    @Option(
            names = "--cohorts",
            description = "Folder of saved cohort files (.json, .yaml) to publish with the pack "
                    + "as aggregates (PHM 13.3; default: <workspace>.cohorts beside the workspace, when it exists)")
    Path cohorts;

    @Override
    public Integer call() throws Exception {
        Path folder = cohorts != null ? cohorts : WorkspaceLayout.companion(workspace, ".cohorts");
        if (cohorts != null && !Files.isDirectory(cohorts)) {
            throw new IllegalArgumentException("--cohorts " + cohorts + " is not a folder");
        }
        return run(
                workspace,
                out,
                publication.analystOutputs,
                publication.rule(),
                !noPack,
                "workspace " + workspace.getFileName(),
                cohortFiles(folder),
                !rebuild);
    }

    /**
     * Checks the staging folder with the independent output check and publishes it into {@code out}; a rejected
     * build publishes nothing and its problems are printed.
     */
    static OutputCheck.Report publishChecked(Path out, org.openphm.model.Progress progress) throws java.io.IOException {
        progress.message("Checking every file before it is published (phm check-outputs)");
        try {
            return Release.publish(out);
        } catch (Release.Rejected rejected) {
            Release.print(rejected.report(), System.err, 20);
            throw rejected;
        }
    }

    /** The cohort files of a folder (none when it does not exist), in name order. */
    static List<Path> cohortFiles(Path folder) throws java.io.IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (var files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().matches(".*\\.(json|ya?ml)$"))
                    .sorted()
                    .toList();
        }
    }

    /**
     * Builds into a staging folder, checks every file there with the independent output check, and publishes
     * (moves into {@code out}) only what passes.
     */
    static int run(
            Path workspace,
            Path out,
            boolean analystOutputs,
            DisclosureRule rule,
            boolean pack,
            String population,
            List<Path> cohorts,
            boolean reuseCache)
            throws Exception {
        WorkspaceVersion.requireCurrent(workspace);
        ConsoleProgress progress = new ConsoleProgress(System.out);
        Path staging = Release.prepare(out);
        // a model saved by phm risk train scores the population; without one PHM 13.1 fits its own
        Path modelFile = RiskModelFile.beside(workspace);
        java.util.Optional<RiskModelFile.Saved> riskModel = java.nio.file.Files.exists(modelFile)
                ? java.util.Optional.of(RiskModelFile.read(modelFile))
                : java.util.Optional.empty();
        riskModel.ifPresent(m ->
                progress.message("Using the risk model saved in " + modelFile + " (trained on " + m.trainedAt() + ")"));
        Build.Summary summary;
        try (Engine engine = DuckDbEngine.open(workspace)) {
            if (!cohorts.isEmpty()) {
                progress.message("Publishing " + cohorts.size() + " saved cohorts as aggregates: "
                        + String.join(
                                ", ",
                                cohorts.stream()
                                        .map(c -> c.getFileName().toString())
                                        .toList()));
            }
            summary = Build.run(
                    engine,
                    new Build.Options(staging, null, analystOutputs, rule, population, riskModel, cohorts)
                            .withCache(out.resolve(CACHE), reuseCache),
                    progress);
        }
        PackSummary p = pack ? PackWriter.write(staging, progress) : null;
        OutputCheck.Report check = publishChecked(out, progress);
        BuildReport.print(
                summary,
                out.resolve("results"),
                analystOutputs ? out.resolve("analyst").resolve("results") : null,
                System.out);
        if (p != null) {
            Path packDir = out.resolve("pack");
            System.out.printf(
                    "Pack: %s and %s (%d sections, %d charts, %d pages%s)%n",
                    packDir.resolve(PackWriter.HTML).toAbsolutePath(),
                    packDir.resolve(PackWriter.PDF).toAbsolutePath(),
                    p.sections(),
                    p.charts(),
                    p.pdfPages(),
                    p.chartProblems() > 0 ? ", " + p.chartProblems() + " chart problems shown in the pack" : "");
            System.out.printf(
                    "Summary pack: %s (%d pages: each section's key insights and headline charts)%n",
                    packDir.resolve(PackWriter.SUMMARY_PDF).toAbsolutePath(), p.summaryPages());
        }
        System.out.printf("Output check: %d published files, no disclosure problems%n", check.files());
        return 0;
    }
}
