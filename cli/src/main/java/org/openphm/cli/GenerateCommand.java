package org.openphm.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import org.openphm.model.ConsoleProgress;
import org.openphm.synth.icb.SyntheticIcbDefinition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        description = "Write a synthetic ICB: one file per canonical table, every patient-level table "
                + "and aggregate feed, deterministic for a seed.")
final class GenerateCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, description = "Folder to write the files into")
    Path out;

    @Option(
            names = "--icb",
            defaultValue = SyntheticIcbDefinition.DEFAULT,
            description = "Which ICB the population is shaped like: a built-in definition (${DEFAULT-VALUE}, "
                    + "northmoor) or a definition file of the same shape (synth's icb/*.yaml)")
    String icb;

    @Option(
            names = "--patients",
            description = "Registered patients on 31 March 2025 (default: the ICB's size in its definition)")
    Long patients;

    @Option(names = "--seed", defaultValue = "20250331", description = "Random seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--format", defaultValue = "csv", description = "csv or parquet (default ${DEFAULT-VALUE})")
    SyntheticData.Format format;

    @Option(
            names = "--person-ids",
            description = "Write pseudonymous person_id columns instead of synthetic "
                    + "NHS numbers (skips the Modulus 11 check and pseudonymisation at ingest)")
    boolean personIds;

    @Option(
            names = "--ceiling",
            description = "Also write each person's true expected emergency admissions and "
                    + "probability of one or more, per financial year, to this CSV file outside --out: the risk model's "
                    + "ceiling (phm risk --ceiling). Ingest never reads it.")
    Path ceiling;

    @Option(
            names = "--threads",
            defaultValue = "0",
            description = "Threads that draw people, 0 for every processor (default ${DEFAULT-VALUE}); the files "
                    + "are byte-identical for any number")
    int threads;

    @Override
    public Integer call() throws Exception {
        SyntheticIcbDefinition definition = SyntheticIcbDefinition.load(icb);
        long size = patients == null ? definition.registeredPatients() : patients;
        if (size < 1000) {
            throw new IllegalArgumentException("--patients must be at least 1000 (got " + size + ")");
        }
        long started = System.nanoTime();
        ConsoleProgress progress = new ConsoleProgress(System.out);
        progress.message(String.format("Synthetic %s, %,d patients", definition.name(), size));
        Map<String, Long> rows =
                SyntheticData.generate(out, definition, size, seed, format, !personIds, ceiling, threads, progress);
        Summary.rowsPerTable(System.out, "Rows written", rows);
        System.out.printf(
                "Wrote %d %s files to %s in %s.%nNext: ./phm ingest --workspace phm.duckdb %s%n",
                rows.size(),
                format,
                out.toAbsolutePath(),
                Summary.duration(Duration.ofNanos(System.nanoTime() - started)),
                out);
        if (ceiling != null) {
            System.out.printf(
                    "Wrote the ceiling (true admission probabilities, patient-level: keep it with the data) "
                            + "to %s.%nUse it: ./phm risk --workspace phm.duckdb --ceiling %s%n",
                    ceiling.toAbsolutePath(), ceiling);
        }
        return 0;
    }
}
