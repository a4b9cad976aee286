package org.openphm.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openphm.analyses.indicator.CellKey;
import org.openphm.model.Progress;

/**
 * QOF register prevalence from raw CSV to results, ours against the idiomatic R data.table pipeline on the same
 * files (issue 17: ours at least {@link #RATIO_TARGET} times faster), with the two sides' cells checked against
 * each other cell for cell. The raw files are read once before either is timed, so both read them from the page
 * cache: whichever ran second would otherwise be helped by the first.
 */
final class RComparison {
    private RComparison() {}

    static final double RATIO_TARGET = 10.0;

    /** What one comparison measured and found. */
    record Result(
            Path raw,
            Duration r,
            QofFromRaw.Run ours,
            Path rCells,
            Path ourCells,
            int cells,
            List<String> differences,
            String loadBefore,
            String loadAfter) {
        double ratio() {
            return BenchCommand.seconds(r) / BenchCommand.seconds(ours.total());
        }

        boolean agree() {
            return differences.isEmpty();
        }

        /** The report's section, Markdown. */
        String section() {
            StringBuilder s = new StringBuilder();
            s.append("## QOF register prevalence from raw CSV, against an idiomatic R data.table pipeline\n\n");
            s.append(String.format(
                    "Raw files %s; years %s to %s; %d cores; load average %s before, %s after.%n%n",
                    raw.toAbsolutePath(),
                    ours.years().get(0),
                    ours.years().get(ours.years().size() - 1),
                    Runtime.getRuntime().availableProcessors(),
                    loadBefore,
                    loadAfter));
            s.append("R = Rscript benchmarks/r/qof_prevalence.R from start to exit (fread the five tables, count, "
                    + "Wilson limits, fwrite the cells). Ours = phm ingest of the same five tables into a fresh "
                    + "workspace, then the QOF family as phm build builds it (counting, statistics and disclosure "
                    + "control of its crude and age-standardised indicators, its indicator files).\n\n");
            s.append(String.format(
                    "| R s | ours s | of which ingest / counting / statistics / files s | R / ours | target %.0fx "
                            + "| cells | same cells |%n",
                    RATIO_TARGET));
            s.append("| ---: | ---: | --- | ---: | --- | ---: | --- |\n");
            s.append(String.format(
                    "| %.1f | %.1f | %.1f / %.1f / %.1f / %.1f | %.2f | %s | %,d | %s |%n",
                    BenchCommand.seconds(r),
                    BenchCommand.seconds(ours.total()),
                    BenchCommand.seconds(ours.ingest()),
                    BenchCommand.seconds(ours.counting()),
                    BenchCommand.seconds(ours.statistics()),
                    BenchCommand.seconds(ours.files()),
                    ratio(),
                    ratio() >= RATIO_TARGET ? "met" : "NOT met",
                    cells,
                    agree() ? "yes" : "NO (" + differences.size() + " cells)"));
            if (!agree()) {
                s.append("\nThe R and our cells differ, e.g.:\n");
                differences.stream()
                        .limit(5)
                        .forEach(d -> s.append("- ").append(d).append('\n'));
            }
            return s.toString();
        }
    }

    /**
     * Runs R, then ours, on {@code raw}, working in {@code work} (R's cells, our workspace and results).
     * Call only where {@link RPipeline#unavailable()} is empty.
     */
    static Result run(Path raw, Path work, Progress progress) throws Exception {
        String loadBefore = BenchCommand.loadAverage();
        Path rCells = work.resolve("r-cells.csv");
        warmPageCache(QofFromRaw.TABLES.stream()
                .map(t -> raw.resolve(t.name() + ".csv"))
                .toList());
        progress.message("  R data.table pipeline on " + raw);
        Duration r = RPipeline.run(raw, work.resolve("r"), rCells);
        progress.message("  ours: ingest of the five tables and the QOF family's build");
        QofFromRaw.Run ours = QofFromRaw.run(raw, work.resolve("ours"));
        String loadAfter = BenchCommand.loadAverage();
        Path ourCells = work.resolve("our-cells.csv");
        QofCells.write(ourCells, ours.cells());
        Map<CellKey, QofCells.Cell> fromR = QofCells.read(rCells);
        return new Result(
                raw,
                r,
                ours,
                rCells,
                ourCells,
                ours.cells().size(),
                QofCells.differences(ours.cells(), fromR),
                loadBefore,
                loadAfter);
    }

    /**
     * Reads files through once, keeping nothing, so that two pipelines timed one after the other both read them from
     * the page cache: whichever ran second would otherwise be helped by the first.
     */
    static void warmPageCache(List<Path> files) throws java.io.IOException {
        byte[] buffer = new byte[1 << 20];
        for (Path file : files) {
            try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
                while (in.read(buffer) >= 0) {
                    // read through, keep nothing
                }
            }
        }
    }
}
