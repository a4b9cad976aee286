package org.openphm.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.openphm.analyses.build.BuildReport;
import org.openphm.analyses.build.NationalBuild;
import org.openphm.analyses.indicator.Periods;
import org.openphm.engine.Engine;
import org.openphm.engine.duckdb.DuckDbEngine;
import org.openphm.ingest.Ingest;
import org.openphm.ingest.IngestOptions;
import org.openphm.ingest.IngestResult;
import org.openphm.ingest.WorkspaceVersion;
import org.openphm.model.ConsoleProgress;
import org.openphm.model.FinancialYear;
import org.openphm.outputcheck.OutputCheck;
import org.openphm.outputcheck.Release;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "build-england",
        mixinStandardHelpOptions = true,
        description = "The data pack's indicators for England, its NHS regions and its ICBs, from one workspace per "
                + "ICB, counted one after another: DIR/results/indicators.csv (disclosure-controlled). With --data, "
                + "each ICB of a synthetic England (phm generate --england) is first ingested into its workspace.")
final class BuildEnglandCommand implements Callable<Integer> {

    @Option(
            names = "--workspaces",
            required = true,
            description = "Folder of ICB workspaces (<code>.duckdb, one per ICB, written by phm ingest)")
    Path workspaces;

    @Option(
            names = "--data",
            description = "A folder phm generate --england wrote: each partition icb=<code>/ without a workspace in "
                    + "--workspaces is ingested into <code>.duckdb first (a stopped run resumes)")
    Path data;

    @Option(names = "--out", required = true, description = "Output folder (results/ is written in it)")
    Path out;

    @Mixin
    PublicationOptions publication = new PublicationOptions();

    @Option(
            names = "--rebuild",
            description = "Count every ICB again instead of reusing the counts kept in DIR/" + BuildCommand.CACHE)
    boolean rebuild;

    private static final String WORKSPACE = ".duckdb";
    private static final String RESULTS = "results";
    private static final String ANALYST = "analyst";

    @Override
    public Integer call() throws Exception {
        ConsoleProgress progress = new ConsoleProgress(System.out);
        long t0 = System.nanoTime();
        Files.createDirectories(workspaces);
        List<String> ingested = data == null ? List.of() : ingest(data, workspaces, progress);
        List<Path> found = workspaces(workspaces);
        if (found.isEmpty()) {
            throw new IllegalArgumentException("no workspace (*" + WORKSPACE + ") in " + workspaces
                    + ": ingest one per ICB there (phm ingest --workspace " + workspaces.resolve("<code>" + WORKSPACE)
                    + " DATA), or give --data a folder phm generate --england wrote");
        }
        List<List<FinancialYear>> periods = new ArrayList<>();
        for (Path w : found) {
            WorkspaceVersion.requireCurrent(w);
            try (Engine engine = DuckDbEngine.open(w)) {
                periods.add(Periods.of(engine));
            }
        }
        List<FinancialYear> years = NationalBuild.commonYears(periods);
        // a year complete in some workspaces but not all is left out, and the workspaces that lack it are named
        java.util.Set<FinancialYear> leftOut = new java.util.TreeSet<>();
        periods.forEach(leftOut::addAll);
        years.forEach(leftOut::remove);
        if (!leftOut.isEmpty()) {
            List<String> lacking = new ArrayList<>();
            for (int k = 0; k < found.size(); k++) {
                if (!periods.get(k).containsAll(leftOut)) {
                    lacking.add(found.get(k).getFileName().toString());
                }
            }
            progress.message("Left out " + leftOut + ": not a complete year in " + String.join(", ", lacking)
                    + " (England's figures are of the same years for every ICB)");
        }
        NationalBuild england = new NationalBuild(publication.rule(), years);
        progress.message("Building England from " + found.size() + " ICB workspaces for " + years.get(0) + " to "
                + years.get(years.size() - 1));
        Path staging = Release.prepare(out);
        int i = 0;
        for (Path w : found) {
            String name = w.getFileName().toString();
            try (Engine engine = DuckDbEngine.open(w)) {
                NationalBuild.Counted c = england.add(
                        engine,
                        name,
                        out.resolve(BuildCommand.CACHE).resolve(name.substring(0, name.length() - WORKSPACE.length())),
                        !rebuild,
                        progress);
                progress.message(String.format(
                        "%d of %d: %s: ICB %s, %,d cells, in %s (%d family counts reused, %d computed)",
                        ++i,
                        found.size(),
                        name,
                        String.join(", ", c.icbs()),
                        c.cells(),
                        BuildReport.duration(c.time()),
                        c.reusedSteps(),
                        c.computedSteps()));
            }
        }
        NationalBuild.Summary summary = england.publish(
                staging.resolve(RESULTS),
                publication.analystOutputs ? staging.resolve(ANALYST).resolve(RESULTS) : null,
                "England: " + found.size() + " ICB workspaces in " + workspaces.getFileName(),
                progress);
        OutputCheck.Report check = BuildCommand.publishChecked(out, progress);
        if (!ingested.isEmpty()) {
            System.out.println("Ingested " + ingested.size() + " ICBs into " + workspaces.toAbsolutePath() + ": "
                    + String.join(", ", ingested));
        }
        System.out.printf(
                "Results: %d indicators for England, %d regions and %d ICBs (%,d rows, disclosure-controlled), "
                        + "%s to %s, in %s%n",
                summary.indicators(),
                summary.regions(),
                summary.icbs(),
                summary.publishedRows(),
                years.get(0),
                years.get(years.size() - 1),
                out.resolve(RESULTS).toAbsolutePath());
        if (publication.analystOutputs) {
            System.out.println("Unsuppressed analyst results (not for publication): "
                    + out.resolve(ANALYST).resolve(RESULTS).toAbsolutePath());
        }
        System.out.printf(
                "Output check: %d published files, no disclosure problems. Whole run: %s%n",
                check.files(), BuildReport.duration(Duration.ofNanos(System.nanoTime() - t0)));
        return 0;
    }

    /** The ICB workspaces of a folder, in name order. */
    static List<Path> workspaces(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(WORKSPACE) && Files.isRegularFile(f))
                    .sorted()
                    .toList();
        }
    }

    /**
     * Ingests each whole partition ({@code icb=<code>/}; a {@code .partial} one is still being generated) that has
     * no workspace yet. An ingest is atomic, so a workspace that exists is whole: a stopped run resumes with the
     * next ICB. Returns the codes ingested.
     */
    static List<String> ingest(Path data, Path workspaces, ConsoleProgress progress) throws Exception {
        List<Path> partitions;
        try (var children = Files.list(data)) {
            partitions = children.filter(Files::isDirectory)
                    .filter(p -> p.getFileName().toString().startsWith(EnglandGeneration.PARTITION))
                    .filter(p -> !p.getFileName().toString().endsWith(EnglandGeneration.PARTIAL))
                    .sorted()
                    .toList();
        }
        if (partitions.isEmpty()) {
            throw new IllegalArgumentException("no ICB partition (" + EnglandGeneration.PARTITION + "<code>/) in "
                    + data + ": give --data the folder phm generate --england --out wrote");
        }
        List<String> done = new ArrayList<>();
        for (Path partition : partitions) {
            String code = partition.getFileName().toString().substring(EnglandGeneration.PARTITION.length());
            Path workspace = workspaces.resolve(code + WORKSPACE);
            if (Files.exists(workspace)) {
                continue;
            }
            progress.message("Ingesting ICB " + code + " from " + partition);
            IngestResult r = Ingest.run(IngestOptions.of(partition, workspace, null), progress);
            progress.message(String.format(
                    "Ingested ICB %s: %,d rows (%,d loaded, %,d quarantined) in %s",
                    code, r.read(), r.loaded(), r.quarantined(), Summary.duration(r.elapsed())));
            done.add(code);
        }
        return done;
    }
}
