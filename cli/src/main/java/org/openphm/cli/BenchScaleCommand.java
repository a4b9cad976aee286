package org.openphm.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.openphm.bench.BenchCommand;
import org.openphm.bench.ProcessMemory;
import org.openphm.ingest.Ingest;
import org.openphm.ingest.IngestOptions;
import org.openphm.ingest.IngestResult;
import org.openphm.model.ConsoleProgress;
import org.openphm.publish.pack.PackWriter;
import org.openphm.stats.sdc.DisclosureRule;
import org.openphm.synth.icb.SyntheticIcbDefinition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code phm bench-scale}: the whole run (generate, ingest, train the risk model, build, pack) at several population
 * sizes in one process, each stage timed with its throughput and its own peak resident memory (issue 19's scaling
 * table). A benchmark, not a test. The peak of a stage is the process's high-water mark from the stage's start (Linux
 * lets a process reset it), so it includes what earlier stages left resident: the Java heap, once grown, is not given
 * back, so a stage's peak is its own only when it needs more than the stages before it.
 */
@Command(
        name = "bench-scale",
        mixinStandardHelpOptions = true,
        description = "Times generate, ingest, risk training, build and pack at several population sizes in one run, "
                + "with patients or rows a second and each stage's peak resident memory.")
final class BenchScaleCommand implements Callable<Integer> {

    @Option(
            names = "--patients",
            split = ",",
            defaultValue = "1139000",
            description = "Population sizes, comma-separated, smallest first (default ${DEFAULT-VALUE})")
    List<Long> sizes;

    @Option(
            names = "--icb",
            defaultValue = SyntheticIcbDefinition.DEFAULT,
            description = "Synthetic ICB definition to scale (default ${DEFAULT-VALUE})")
    String icb;

    @Option(
            names = "--out",
            defaultValue = "bench-scale",
            description = "Working folder (one sub-folder per size) and the report (default ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--keep", description = "Keep each size's files (by default they are deleted once measured)")
    boolean keep;

    @Option(names = "--report", description = "Report file (Markdown; default OUT/bench-scale-report.md)")
    Path report;

    /** One stage at one size. */
    record Stage(long patients, String name, Duration elapsed, String throughput, long peakBytes) {}

    @Override
    public Integer call() throws Exception {
        ConsoleProgress progress = new ConsoleProgress(System.out);
        SyntheticIcbDefinition definition = SyntheticIcbDefinition.load(icb);
        if (SyntheticIcbDefinition.builtIn().contains(icb)) {
            System.setProperty(org.openphm.analyses.icb.IcbProfile.PROPERTY, icb);
        }
        String loadBefore = BenchCommand.loadAverage();
        List<Stage> stages = new ArrayList<>();
        for (long n : sizes) {
            Path dir = out.resolve(Long.toString(n));
            CheckedPublish.deleteTree(dir);
            Path data = dir.resolve("data");
            Path workspace = dir.resolve("workspace.duckdb");
            Path built = dir.resolve("built");
            progress.message(String.format("%,d patients: generating", n));
            long[] rows = new long[1];
            int first = stages.size();
            stages.add(measure(
                    n,
                    "generate",
                    () -> {
                        Map<String, Long> written = SyntheticData.generate(
                                data, definition, n, 20250331L, SyntheticData.Format.csv, true, null, progress);
                        rows[0] = written.values().stream()
                                .mapToLong(Long::longValue)
                                .sum();
                    },
                    seconds -> String.format("%,.0f patients/s (%,d rows)", n / seconds, rows[0])));
            IngestResult[] ingested = new IngestResult[1];
            if (failed(stages, first)) {
                continue;
            }
            progress.message(String.format("%,d patients: ingesting", n));
            stages.add(measure(
                    n,
                    "ingest",
                    () -> ingested[0] = Ingest.run(IngestOptions.of(data, workspace, null), progress),
                    seconds -> String.format("%,.0f rows/s", ingested[0].read() / seconds)));
            if (failed(stages, first)) {
                continue;
            }
            progress.message(String.format("%,d patients: training the risk model", n));
            stages.add(measure(
                    n,
                    "risk model",
                    () -> {
                        int exit = new picocli.CommandLine(new RiskCommand())
                                .execute("train", "--workspace", workspace.toString());
                        if (exit != 0) {
                            throw new IllegalStateException("risk train failed (exit " + exit + ")");
                        }
                    },
                    seconds -> ""));
            if (failed(stages, first)) {
                continue;
            }
            progress.message(String.format("%,d patients: building (no pack)", n));
            stages.add(measure(
                    n,
                    "build",
                    () -> BuildCommand.run(
                            workspace,
                            built,
                            false,
                            DisclosureRule.nhsDefault(),
                            false,
                            String.format("synthetic %s, %,d patients (phm bench-scale)", definition.name(), n),
                            List.of(),
                            false),
                    seconds -> ""));
            if (failed(stages, first)) {
                continue;
            }
            progress.message(String.format("%,d patients: writing the pack", n));
            stages.add(measure(n, "pack", () -> PackWriter.write(built, progress), seconds -> ""));
            if (!keep) {
                CheckedPublish.deleteTree(dir);
            }
        }
        String text = report(stages, loadBefore, BenchCommand.loadAverage());
        System.out.println();
        System.out.print(text);
        Path file = report != null ? report : out.resolve("bench-scale-report.md");
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, text);
        System.out.println("Wrote " + file.toAbsolutePath());
        return 0;
    }

    /** What went wrong, in one line, NHS numbers masked (a message may quote an input value). */
    private static String firstLine(Throwable e) {
        String message =
                e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
        String line = e.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
        return org.openphm.ingest.NhsNumber.maskAll(line.length() > 200 ? line.substring(0, 200) + "…" : line);
    }

    private static boolean failed(List<Stage> stages, int from) {
        return stages.subList(from, stages.size()).stream()
                .anyMatch(st -> st.throughput().startsWith("FAILED"));
    }

    interface Work {
        void run() throws Exception;
    }

    private static Stage measure(long patients, String name, Work work, java.util.function.DoubleFunction<String> rate)
            throws Exception {
        System.gc(); // what the last stage no longer needs is not counted against this one
        ProcessMemory.resetPeak();
        long started = System.nanoTime();
        try {
            work.run();
        } catch (Exception | OutOfMemoryError e) {
            // recorded, not thrown: how far a size got is the finding (the later stages of that size are skipped)
            return new Stage(
                    patients,
                    name,
                    Duration.ofNanos(System.nanoTime() - started),
                    "FAILED: " + firstLine(e),
                    ProcessMemory.peakResidentBytes());
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        return new Stage(
                patients, name, elapsed, rate.apply(elapsed.toNanos() / 1e9), ProcessMemory.peakResidentBytes());
    }

    static String report(List<Stage> stages, String loadBefore, String loadAfter) {
        StringBuilder s = new StringBuilder("# phm bench-scale\n\n");
        s.append(String.format(
                "%d cores, %.1f GB of memory; Java heap at most %.2f GB; load average %s before, %s after.%n%n",
                Runtime.getRuntime().availableProcessors(),
                ProcessMemory.machineBytes() / 1e9,
                Runtime.getRuntime().maxMemory() / 1e9,
                loadBefore,
                loadAfter));
        s.append("| patients | stage | time | throughput | peak resident GB |\n");
        s.append("| ---: | --- | ---: | --- | ---: |\n");
        for (Stage st : stages) {
            s.append(String.format(
                    "| %,d | %s | %s | %s | %.2f |%n",
                    st.patients(), st.name(), Summary.duration(st.elapsed()), st.throughput(), st.peakBytes() / 1e9));
        }
        return s.toString();
    }
}
