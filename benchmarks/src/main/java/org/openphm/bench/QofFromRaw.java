package org.openphm.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.openphm.analyses.indicator.AgeBandCounts;
import org.openphm.analyses.indicator.CellKey;
import org.openphm.analyses.indicator.DisclosureStep;
import org.openphm.analyses.indicator.EnglandComparator;
import org.openphm.analyses.indicator.Geography;
import org.openphm.analyses.indicator.IndicatorCalculator;
import org.openphm.analyses.indicator.IndicatorRow;
import org.openphm.analyses.indicator.IndicatorSpec;
import org.openphm.analyses.indicator.Periods;
import org.openphm.analyses.output.IndicatorFiles;
import org.openphm.analyses.qof.QofPrevalenceSource;
import org.openphm.engine.duckdb.DuckDbEngine;
import org.openphm.ingest.Ingest;
import org.openphm.ingest.IngestOptions;
import org.openphm.model.CanonicalSchema;
import org.openphm.model.FinancialYear;
import org.openphm.model.Progress;
import org.openphm.model.Table;
import org.openphm.stats.Polarity;
import org.openphm.stats.sdc.DisclosureRule;

/**
 * Our side of the R comparison, from the same raw CSV: the tables the QOF prevalence family reads ingested into a
 * fresh workspace (validation, pseudonymisation, reconciliation: the whole of phm ingest), then the family built
 * as phm build builds it — counting every year, statistics and disclosure control of all its indicators, and its
 * indicator files written.
 */
final class QofFromRaw {
    private QofFromRaw() {}

    /** What the family reads (RegisteredPopulation, the register flags, Geography, Periods, EnglandComparator). */
    static final List<Table> TABLES = List.of(
            CanonicalSchema.PRACTICE,
            CanonicalSchema.LSOA,
            CanonicalSchema.PATIENT,
            CanonicalSchema.REGISTRATION,
            CanonicalSchema.CONDITION);

    /**
     * A run: the timed steps, the years built, and the crude cells (counts, value and 95% limits) of the rows the
     * build computed, for the cell-for-cell check.
     *
     * @param counting   the engine's counting of every year (opening the workspace and reading its geography too)
     * @param statistics values, limits, comparisons and trends of every indicator, and disclosure control
     * @param files      the family's indicator files
     */
    record Run(
            Duration ingest,
            Duration counting,
            Duration statistics,
            Duration files,
            List<FinancialYear> years,
            Map<CellKey, QofCells.Cell> cells,
            Path workspace,
            Path resultsDir) {
        Duration build() {
            return counting.plus(statistics).plus(files);
        }

        Duration total() {
            return ingest.plus(build());
        }
    }

    static Run run(Path raw, Path work) throws Exception {
        Path input = stage(raw, work.resolve("input"));
        Path workspace = work.resolve("qof.duckdb");
        Files.deleteIfExists(workspace);
        Files.deleteIfExists(workspace.resolveSibling(workspace.getFileName() + ".key"));
        Path results = work.resolve("results");
        Files.createDirectories(results);

        long t0 = System.nanoTime();
        Ingest.run(IngestOptions.of(input, workspace, null), Progress.SILENT);
        long t1 = System.nanoTime();
        QofPrevalenceSource source = new QofPrevalenceSource();
        List<IndicatorSpec> specs = source.indicators();
        Map<CellKey, AgeBandCounts> counts = new HashMap<>();
        IndicatorCalculator calculator;
        List<FinancialYear> years;
        long t2;
        long t3;
        try (DuckDbEngine engine = DuckDbEngine.open(workspace)) {
            Geography geography = Geography.load(engine);
            calculator = new IndicatorCalculator(geography, EnglandComparator.load(engine));
            years = Periods.of(engine);
            counts.putAll(source.count(engine, years));
            t2 = System.nanoTime();
            DisclosureStep.Rows rows =
                    new DisclosureStep(geography, DisclosureRule.nhsDefault()).publish(specs, calculator, counts);
            t3 = System.nanoTime();
            Map<String, Polarity> polarities = new HashMap<>();
            specs.forEach(s -> polarities.put(s.metadata().id(), s.metadata().polarity()));
            IndicatorFiles.write(results, rows.published(), geography.names(), polarities);
        }
        long t4 = System.nanoTime();

        // Outside the timing: the same calculator on the same counts gives the build's exact (unsuppressed) rows,
        // keyed by cell, which is what the R pipeline computes.
        Map<CellKey, QofCells.Cell> cells = new HashMap<>();
        for (IndicatorSpec spec : specs) {
            if (spec.standardised()) {
                continue;
            }
            for (IndicatorCalculator.Keyed k : calculator.keyedRows(spec, counts)) {
                IndicatorRow r = k.row();
                cells.put(
                        k.key(),
                        new QofCells.Cell(
                                Math.round(r.count()),
                                Math.round(r.denominator()),
                                r.value(),
                                r.lowerCi95(),
                                r.upperCi95()));
            }
        }
        return new Run(
                Duration.ofNanos(t1 - t0),
                Duration.ofNanos(t2 - t1),
                Duration.ofNanos(t3 - t2),
                Duration.ofNanos(t4 - t3),
                years,
                cells,
                workspace,
                results);
    }

    /**
     * An input folder holding the family's tables from the raw folder (linked, not copied) and, for the other
     * tables ingest insists on, the raw file's header alone: they are ingested empty, as the family never reads
     * them and the R pipeline does not read them either.
     */
    static Path stage(Path raw, Path input) throws IOException {
        if (Files.isDirectory(input)) {
            try (Stream<Path> old = Files.list(input)) {
                for (Path p : old.toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(input);
        for (Table t : CanonicalSchema.TABLES) {
            Path file = raw.resolve(t.name() + ".csv");
            boolean needed = TABLES.contains(t);
            if (!Files.isRegularFile(file)) {
                if (needed) {
                    throw new IllegalArgumentException("no " + file + ": the QOF comparison reads " + t.name()
                            + ".csv from the raw folder (write one with phm generate --out " + raw + ")");
                }
                continue; // ingest says which mandatory table is missing, and how to supply it
            }
            Path staged = input.resolve(file.getFileName());
            if (needed) {
                link(staged, file.toAbsolutePath());
            } else if (t.mandatory()) {
                try (Stream<String> lines = Files.lines(file)) {
                    Files.writeString(staged, lines.findFirst().orElse("") + "\n");
                }
            }
        }
        return input;
    }

    private static void link(Path link, Path target) throws IOException {
        try {
            Files.createSymbolicLink(link, target);
        } catch (UnsupportedOperationException | IOException e) {
            Files.copy(target, link); // a file system without symbolic links
        }
    }
}
