package org.openphm.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.openphm.model.ConsoleProgress;
import org.openphm.synth.england.EnglandDefinitions;
import org.openphm.synth.england.EnglandIcbs;
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

    @Option(names = "--format", description = "csv or parquet (default csv; parquet with --england)")
    SyntheticData.Format format;

    @Option(
            names = "--england",
            description = "A synthetic England: England's 42 ICBs at their published sizes (about 62.8 million "
                    + "patients; --patients scales them to another total), each from a definition written to "
                    + "DIR/definitions and generated into its own folder DIR/icb=<code>, one after another")
    boolean england;

    @Option(
            names = "--icbs",
            split = ",",
            description = "With --england: only these ICBs (ODS codes, e.g. QJK,QKK); people are numbered as in "
                    + "the whole of England")
    java.util.Set<String> icbs = new java.util.LinkedHashSet<>();

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
        if (england) {
            return england();
        }
        if (!icbs.isEmpty()) {
            throw new IllegalArgumentException("--icbs chooses ICBs of England: give --england too");
        }
        if (format == null) {
            format = SyntheticData.Format.csv;
        }
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

    private Integer england() throws Exception {
        if (ceiling != null || !icb.equals(SyntheticIcbDefinition.DEFAULT)) {
            throw new IllegalArgumentException("--england generates England's own ICBs: leave out --icb and --ceiling");
        }
        List<EnglandIcbs.Icb> all = patients == null ? EnglandIcbs.all() : EnglandIcbs.scaledTo(patients);
        if (format == null) {
            format = SyntheticData.Format.parquet;
        }
        long started = System.nanoTime();
        ConsoleProgress progress = new ConsoleProgress(System.out);
        List<EnglandIcbs.Icb> chosen = all.stream()
                .filter(i -> icbs.isEmpty() || icbs.contains(i.code()))
                .toList();
        progress.message(String.format(
                "Synthetic England: %d of its %d ICBs, %,d patients",
                chosen.size(),
                all.size(),
                chosen.stream().mapToLong(EnglandIcbs.Icb::registeredPatients).sum()));
        List<EnglandGeneration.Partition> partitions =
                EnglandGeneration.generate(out, all, icbs, seed, format, !personIds, threads, progress);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        long patientsWritten = 0;
        long drawn = 0;
        long rows = 0;
        int kept = 0;
        for (EnglandGeneration.Partition p : partitions) {
            patientsWritten += p.icb().registeredPatients();
            drawn += p.peopleDrawn();
            rows += p.rows();
            kept += p.kept() ? 1 : 0;
        }
        double seconds = Math.max(took.toMillis(), 1) / 1000.0;
        System.out.printf(
                "Wrote %d ICB partitions (%s files, %d kept from an earlier run) to %s in %s:%n"
                        + "  %,d registered patients, %,d people drawn, %,d rows%s%n"
                        + "  one folder per ICB: %s/icb=<code>/; their definitions: %s/; what each holds: %s%n"
                        + "Next, one ICB: ./phm ingest --workspace icb.duckdb %s/icb=%s%n"
                        + "  then: OPENPHM_ICB_PROFILE=%s ./phm build --workspace icb.duckdb --out icb%n",
                partitions.size(),
                format,
                kept,
                out.toAbsolutePath(),
                Summary.duration(took),
                patientsWritten,
                drawn,
                rows,
                kept == 0
                        ? String.format(
                                " (%,.0f registered patients a second, %,.0f rows a second)",
                                patientsWritten / seconds, rows / seconds)
                        : "",
                out,
                out.resolve(EnglandGeneration.DEFINITIONS),
                out.resolve(EnglandGeneration.MANIFEST),
                out,
                partitions.get(0).icb().code(),
                out.resolve(EnglandGeneration.DEFINITIONS)
                        .resolve(partitions.get(0).icb().code() + EnglandDefinitions.PROFILE));
        return 0;
    }
}
