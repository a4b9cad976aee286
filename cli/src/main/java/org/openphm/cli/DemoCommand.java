package org.openphm.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import org.openphm.analyses.icb.IcbProfile;
import org.openphm.ingest.Ingest;
import org.openphm.ingest.IngestOptions;
import org.openphm.ingest.IngestResult;
import org.openphm.model.ConsoleProgress;
import org.openphm.stats.sdc.DisclosureRule;
import org.openphm.synth.icb.SyntheticIcbDefinition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = "The whole job on a built-in synthetic ICB: generate, ingest, build the pack.")
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--out", defaultValue = "demo", description = "Folder for everything (default ${DEFAULT-VALUE})")
    Path out;

    @Option(
            names = "--icb",
            defaultValue = SyntheticIcbDefinition.DEFAULT,
            description = "Which synthetic ICB: a built-in definition (${DEFAULT-VALUE}, northmoor) or a "
                    + "definition file; a built-in one builds with its built-in ICB profile")
    String icb;

    @Option(names = "--patients", description = "Synthetic patients (default: the ICB's size in its definition)")
    Long patients;

    @Option(names = "--seed", defaultValue = "20250331", description = "Random seed (default ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() throws Exception {
        long started = System.nanoTime();
        ConsoleProgress progress = new ConsoleProgress(System.out);
        SyntheticIcbDefinition definition = SyntheticIcbDefinition.load(icb);
        long size = patients == null ? definition.registeredPatients() : patients;
        useBuiltInProfile(progress);
        Path data = out.resolve("data");
        Path workspace = out.resolve("workspace.duckdb");
        progress.message(String.format("1/4 Generating the synthetic population of %s", definition.name()));
        Map<String, Long> rows =
                SyntheticData.generate(data, definition, size, seed, SyntheticData.Format.csv, true, null, progress);
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
                        "synthetic population shaped like %s: %,d patients registered on %s (seed %d), its "
                                + "levels and trends those of its definition (synth/CALIBRATION.md)",
                        definition.name(),
                        size,
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

    /**
     * A built-in synthetic ICB is built with the built-in ICB profile of the same name, unless the user names a
     * profile; a definition file needs the user's own profile (the build says which it uses).
     */
    private void useBuiltInProfile(ConsoleProgress progress) {
        if (IcbProfile.configured().isPresent()) {
            progress.message("ICB profile: " + IcbProfile.configured().get());
        } else if (SyntheticIcbDefinition.builtIn().contains(icb)) {
            System.setProperty(IcbProfile.PROPERTY, icb);
        } else {
            progress.message("No ICB profile named: the built-in default is used. Name yours with "
                    + IcbProfile.ENVIRONMENT + "=/path/profile.yaml");
        }
    }
}
