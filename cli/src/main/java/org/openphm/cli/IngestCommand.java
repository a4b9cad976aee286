package org.openphm.cli;

import org.openphm.model.ConsoleProgress;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.openphm.ingest.Ingest;
import org.openphm.ingest.IngestOptions;
import org.openphm.ingest.IngestResult;
import org.openphm.ingest.QuarantineGroup;
import org.openphm.ingest.TableReconciliation;
import org.openphm.ingest.UnusableInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Validate a folder of canonical files (<table>.csv or <table>.parquet) and rebuild the "
                + "workspace from them. Bad rows are quarantined with file, line, field and reason; raw NHS numbers "
                + "are checked (Modulus 11) and replaced by keyed pseudonyms (key in <workspace>.key).",
                "A table with more than 5%% of its rows quarantined stops the ingest unless --accept-quarantine is given.",
                "Exit codes: 0 loaded (possibly with quarantined rows), 2 unusable input or too many rows quarantined"
                        + " (nothing changed)."})
final class IngestCommand implements Callable<Integer> {
    static final int UNUSABLE_INPUT = 2;

    @Parameters(index = "0", paramLabel = "DIR", description = "Folder with one file per canonical table")
    Path input;

    @Option(names = "--workspace", required = true, description = "DuckDB workspace file to create or replace")
    Path workspace;

    @Option(names = "--as-of", description = "Extract date (yyyy-mm-dd): later patient-level dates are refused "
            + "as in the future (default: today)")
    LocalDate asOf;

    @Option(names = "--report", description = "Write the reconciliation and quarantine summary as JSON to this file")
    Path report;

    @Option(names = "--quarantine-out", description = "Write quarantined rows per source file as CSV into this folder, "
            + "for the data supplier")
    Path quarantineOut;

    @Option(names = "--accept-quarantine", description = "Load the valid rows even when more than 5%% of a table's "
            + "rows are quarantined (without it such an extract is refused and the workspace left as it was)")
    boolean acceptQuarantine;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        IngestResult result;
        double maxQuarantined = acceptQuarantine ? IngestOptions.ACCEPT_ANY_QUARANTINE
                : IngestOptions.DEFAULT_MAX_QUARANTINED_SHARE;
        try {
            result = Ingest.run(new IngestOptions(input, workspace, asOf, report, quarantineOut, maxQuarantined),
                    new ConsoleProgress(out));
        } catch (UnusableInputException e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("phm ingest: " + e.getMessage());
            err.println("Nothing was loaded; " + workspace + " is as it was.");
            err.flush();
            return UNUSABLE_INPUT;
        }
        printReconciliation(out, result.tables());
        printQuarantine(out, result.quarantine());
        out.printf("Ingested %,d rows (%,d loaded, %,d quarantined) into %s in %s, as of %s.%n", result.read(),
                result.loaded(), result.quarantined(), result.workspace(), Summary.duration(result.elapsed()), result.asOf());
        if (result.keyFile() != null) {
            out.println("Pseudonym key: " + result.keyFile() + " (keep it with the workspace and back it up; never share it)");
        }
        if (report != null) {
            out.println("Report: " + report.toAbsolutePath());
        }
        if (quarantineOut != null && result.quarantined() > 0) {
            out.println("Quarantined rows for the supplier: " + quarantineOut.toAbsolutePath());
        }
        return 0;
    }

    private static void printReconciliation(PrintStream out, List<TableReconciliation> tables) {
        out.println("Reconciliation (read = loaded + quarantined):");
        out.printf("  %-22s %-28s %12s %12s %12s%n", "table", "file", "read", "loaded", "quarantined");
        StringBuilder absent = new StringBuilder();
        for (TableReconciliation t : tables) {
            if (t.file() == null) {
                absent.append(absent.length() == 0 ? "" : ", ").append(t.table());
                continue;
            }
            out.printf("  %-22s %-28s %,12d %,12d %,12d%n", t.table(), t.file(), t.read(), t.loaded(), t.quarantined());
        }
        if (absent.length() > 0) {
            out.println("  not supplied (created empty): " + absent);
        }
    }

    private static void printQuarantine(PrintStream out, List<QuarantineGroup> groups) {
        if (groups.isEmpty()) {
            return;
        }
        out.println("Quarantine (rows by table, field and reason; first lines):");
        int shown = 0;
        for (QuarantineGroup g : groups) {
            if (shown++ == 30) {
                out.printf("  ... and %d more groups (see --report)%n", groups.size() - 30);
                break;
            }
            out.printf("  %-14s %-20s %,9d  %s  (lines %s)%n", g.file(), g.field(), g.rows(), g.reason(),
                    g.exampleLines().stream().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse(""));
        }
    }
}
