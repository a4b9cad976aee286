package org.openphm.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.openphm.ingest.Ingest;
import org.openphm.ingest.IngestOptions;
import org.openphm.ingest.IngestResult;
import org.openphm.model.ConsoleProgress;
import org.openphm.model.Progress;
import org.openphm.model.WorkspaceLayout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code phm bench-ingest}: the ingest of a raw folder twice in one run, record by record (the baseline) and with
 * plain files staged in bulk by DuckDB (what {@code phm ingest} does), rows a second against issue 19's million, and
 * a check that the two workspaces hold the same rows, table for table (a benchmark, not a test).
 */
@Command(
        name = "bench-ingest",
        mixinStandardHelpOptions = true,
        description = "Times phm ingest of a raw folder record by record and in bulk, in one run, against 1,000,000 "
                + "rows a second, and checks the two workspaces hold the same rows.")
public final class BenchIngestCommand implements Callable<Integer> {
    static final double ROWS_PER_SECOND_TARGET = 1_000_000;

    @Option(
            names = "--raw",
            defaultValue = "demo/data",
            description = "Raw canonical files (default ${DEFAULT-VALUE}, from phm demo; or phm generate --out D)")
    Path raw;

    @Option(
            names = "--out",
            defaultValue = "bench-ingest",
            description = "Folder for the two workspaces and the report (default ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--report", description = "Report file (Markdown; default OUT/bench-ingest-report.md)")
    Path report;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(raw.resolve("patient.csv")) && !Files.isRegularFile(raw.resolve("patient.parquet"))) {
            throw new IllegalArgumentException("no raw CSV or Parquet files in " + raw
                    + ": run 'phm demo' (it writes demo/data) " + "or 'phm generate --out " + raw + "'");
        }
        Files.createDirectories(out);
        Path byRecord = out.resolve("record-by-record.duckdb");
        Path bulk = out.resolve("bulk.duckdb");
        for (Path w : List.of(byRecord, bulk)) {
            Files.deleteIfExists(w);
            Files.deleteIfExists(w.resolveSibling(w.getFileName() + ".key"));
        }
        String loadBefore = BenchCommand.loadAverage();
        Progress progress = new ConsoleProgress(System.out);
        try (java.util.stream.Stream<Path> files = Files.list(raw)) {
            RComparison.warmPageCache(files.filter(Files::isRegularFile).toList());
        }
        progress.message("Record by record (the baseline)");
        System.setProperty(Ingest.BULK_STAGING_PROPERTY, "false");
        IngestResult baseline;
        try {
            baseline = Ingest.run(IngestOptions.of(raw, byRecord, null), progress);
        } finally {
            System.clearProperty(Ingest.BULK_STAGING_PROPERTY);
        }
        // The same key, so the two workspaces carry the same pseudonyms and can be compared row for row.
        Files.copy(
                byRecord.resolveSibling(byRecord.getFileName() + ".key"),
                bulk.resolveSibling(bulk.getFileName() + ".key"));
        progress.message("In bulk (phm ingest)");
        IngestResult ours = Ingest.run(IngestOptions.of(raw, bulk, null), progress);
        String loadAfter = BenchCommand.loadAverage();
        List<String> differ = differingTables(byRecord, bulk);

        double baseS = BenchCommand.seconds(baseline.elapsed());
        double oursS = BenchCommand.seconds(ours.elapsed());
        StringBuilder s = new StringBuilder("# phm bench-ingest\n\n");
        s.append(String.format(
                "Raw files %s; %,d rows in %d files; %d cores; load average %s before, %s after; peak resident "
                        + "memory %.2f GB.%n%n",
                raw.toAbsolutePath(),
                ours.read(),
                ours.tables().stream().filter(t -> t.file() != null).count(),
                Runtime.getRuntime().availableProcessors(),
                loadBefore,
                loadAfter,
                ProcessMemory.peakResidentBytes() / 1e9));
        s.append("| | seconds | rows a second | target |\n| --- | ---: | ---: | ---: |\n");
        s.append(String.format("| record by record | %.1f | %,.0f | |%n", baseS, ours.read() / baseS));
        s.append(String.format(
                "| in bulk (phm ingest) | %.1f | %,.0f | %,.0f (%s) |%n",
                oursS,
                ours.read() / oursS,
                ROWS_PER_SECOND_TARGET,
                ours.read() / oursS >= ROWS_PER_SECOND_TARGET ? "met" : "NOT met"));
        s.append(String.format(
                "%nBulk is %.2fx as fast. Same rows loaded, quarantined and reconciled in every table: %s.%n",
                baseS / oursS, differ.isEmpty() ? "yes" : "NO (" + String.join(", ", differ) + ")"));
        System.out.println();
        System.out.print(s);
        BenchReport.write(report != null ? report : out.resolve("bench-ingest-report.md"), s.toString());
        System.out.printf("Wrote the two workspaces to %s and %s%n", byRecord.toAbsolutePath(), bulk.toAbsolutePath());
        return differ.isEmpty() ? 0 : 1;
    }

    /** Tables whose rows differ between two workspaces (as multisets), the metadata (times of ingest) aside. */
    static List<String> differingTables(Path a, Path b) throws Exception {
        List<String> differ = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement st = c.createStatement()) {
            st.execute("ATTACH '" + a.toAbsolutePath() + "' AS a (READ_ONLY)");
            st.execute("ATTACH '" + b.toAbsolutePath() + "' AS b (READ_ONLY)");
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT table_name FROM duckdb_tables() WHERE database_name = 'a' "
                    + "AND table_name <> '" + WorkspaceLayout.META_TABLE + "' ORDER BY 1")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String t : tables) {
                String x = "a.\"" + t + "\"";
                String y = "b.\"" + t + "\"";
                try (ResultSet rs = st.executeQuery("SELECT (SELECT count(*) FROM (SELECT * FROM " + x
                        + " EXCEPT ALL SELECT * FROM " + y + ")) + (SELECT count(*) FROM (SELECT * FROM " + y
                        + " EXCEPT ALL SELECT * FROM " + x + "))")) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        differ.add(t);
                    }
                }
            }
        }
        return differ;
    }
}
