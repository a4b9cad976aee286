package org.openphm.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import org.openphm.ingest.Ingest;
import org.openphm.ingest.IngestOptions;
import org.openphm.ingest.IngestResult;
import org.openphm.model.ConsoleProgress;
import org.openphm.stats.sdc.DisclosureRule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = "The whole job on the built-in synthetic BLMK population: generate, ingest, build the pack.")
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--out", defaultValue = "demo", description = "Folder for everything (default ${DEFAULT-VALUE})")
    Path out;

    @Option(
            names = "--patients",
            defaultValue = "1139000",
            description = "Synthetic patients (default ${DEFAULT-VALUE})")
    long patients;

    @Option(names = "--seed", defaultValue = "20250331", description = "Random seed (default ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() throws Exception {
        long started = System.nanoTime();
        ConsoleProgress progress = new ConsoleProgress(System.out);
        Path data = out.resolve("data");
        Path workspace = out.resolve("workspace.duckdb");
        progress.message("1/4 Generating the synthetic population");
        Map<String, Long> rows =
                SyntheticData.generate(data, patients, seed, SyntheticData.Format.csv, true, null, progress);
        Summary.rowsPerTable(System.out, "Generated", rows);
        progress.message("2/4 Validating and loading into " + workspace);
        IngestResult ingest = Ingest.run(IngestOptions.of(data, workspace, null), progress);
        System.out.printf(
                "Ingested %,d rows: %,d loaded, %,d quarantined%n",
                ingest.read(), ingest.loaded(), ingest.quarantined());
        // the product's flow: a risk model trained and saved, then the build scores with it and publishes the saved
        // cohorts (the shipped examples, when run from the source folder) with it
        progress.message("3/4 Training the emergency-admission risk model");
        int trained = new picocli.CommandLine(new RiskCommand()).execute("train", "--workspace", workspace.toString());
        if (trained != 0) {
            throw new IllegalStateException("training the risk model failed (exit " + trained + ")");
        }
        progress.message("4/4 Building the data pack");
        BuildCommand.run(
                workspace,
                out,
                false,
                DisclosureRule.nhsDefault(),
                true,
                // the generator's size is the registered list on its reference date; later years grow from it, so
                // the pack's latest registered population (DP 1.2) is a different, larger figure; its trends are
                // the generator's (issue 16 item 4), so the cover says where they come from
                String.format(
                        "synthetic BLMK-like population: %,d patients registered on %s (seed %d), its levels "
                                + "and trends fitted to the data pack's (synth/CALIBRATION.md)",
                        patients,
                        org.openphm.synth.population.PopulationFlow.REFERENCE_DATE.format(
                                java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK)),
                        seed),
                BuildCommand.cohortFiles(Path.of("examples", "cohorts")),
                true);
        System.out.printf(
                "%nDone in %s. Open %s in a browser, or serve the dashboard:%n  ./phm serve --workspace %s%n",
                Summary.duration(Duration.ofNanos(System.nanoTime() - started)),
                out.resolve("pack").resolve("index.html").toAbsolutePath(),
                workspace);
        return 0;
    }
}
