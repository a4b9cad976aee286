package org.openphm.cli;

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
import org.openphm.ingest.SourceTranslation;
import org.openphm.ingest.TableReconciliation;
import org.openphm.ingest.UnusableInputException;
import org.openphm.interop.AdapterOptions;
import org.openphm.interop.SourceAdapter;
import org.openphm.interop.StandardIngest;
import org.openphm.model.ConsoleProgress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "ingest",
        mixinStandardHelpOptions = true,
        description = {
            "Validate a folder of canonical files (<table>.csv or <table>.parquet) and rebuild the "
                    + "workspace from them. Bad rows are quarantined with file, line, field and reason; raw NHS numbers "
                    + "are checked (Modulus 11) and replaced by keyed pseudonyms (key in <workspace>.key).",
            "A table with more than 5%% of its rows quarantined stops the ingest unless --accept-quarantine is given.",
            "With --format omop (an OMOP CDM 5.4 folder of CSV or Parquet tables, or a DuckDB database of them) or --format fhir (a FHIR R4 Bulk Data export"
                    + " of NDJSON files) the source is first translated onto the canonical tables, with the ICB's"
                    + " reference files from --geography; the report then says where every source row went.",
            "Exit codes: 0 loaded (possibly with quarantined rows), 2 unusable input or too many rows quarantined"
                    + " (nothing changed)."
        })
final class IngestCommand implements Callable<Integer> {
    static final int UNUSABLE_INPUT = 2;

    @Parameters(
            index = "0",
            paramLabel = "DIR",
            description = "Folder with one file per canonical table (or the "
                    + "OMOP CDM / FHIR export folder with --format)")
    Path input;

    @Option(
            names = "--format",
            paramLabel = "omop|fhir",
            description =
                    "Translate a standard format: omop (CDM 5.4 "
                            + "CSV or Parquet tables, or a .duckdb database) or fhir (R4 Bulk Data NDJSON); default: the canonical layout")
    String format;

    @Option(
            names = "--geography",
            paramLabel = "DIR",
            description =
                    "With --format: the ICB's reference files and "
                            + "aggregate feeds in the canonical layout (practice.csv, lsoa.csv, population_projection.csv, ...)")
    Path geography;

    @Option(
            names = "--default-practice",
            paramLabel = "CODE",
            description =
                    "With --format: register people whose "
                            + "source names no practice of the geography with this practice (otherwise they are not registered)")
    String defaultPractice;

    @Option(
            names = "--register-map",
            paramLabel = "FILE",
            description = "With --format: the SNOMED CT register map "
                    + "(default: the shipped, reviewed map; build one with phm register-map)")
    Path registerMap;

    @Option(names = "--workspace", required = true, description = "DuckDB workspace file to create or replace")
    Path workspace;

    @Option(
            names = "--as-of",
            description = "Extract date (yyyy-mm-dd): later patient-level dates are refused "
                    + "as in the future (default: today)")
    LocalDate asOf;

    @Option(names = "--report", description = "Write the reconciliation and quarantine summary as JSON to this file")
    Path report;

    @Option(
            names = "--quarantine-out",
            description = "Write quarantined rows per source file as CSV into this folder, " + "for the data supplier")
    Path quarantineOut;

    @Option(
            names = "--accept-quarantine",
            description = "Load the valid rows even when more than 5%% of a table's "
                    + "rows are quarantined (without it such an extract is refused and the workspace left as it was)")
    boolean acceptQuarantine;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        IngestResult result;
        double maxQuarantined =
                acceptQuarantine ? IngestOptions.ACCEPT_ANY_QUARANTINE : IngestOptions.DEFAULT_MAX_QUARANTINED_SHARE;
        try {
            IngestOptions options = new IngestOptions(input, workspace, asOf, report, quarantineOut, maxQuarantined);
            if (format == null) {
                if (geography != null || defaultPractice != null || registerMap != null) {
                    throw new picocli.CommandLine.ParameterException(
                            spec.commandLine(),
                            "--geography, --default-practice and --register-map need --format omop or --format fhir");
                }
                result = Ingest.run(options, new ConsoleProgress(out));
            } else {
                SourceAdapter adapter;
                try {
                    adapter = SourceAdapter.named(format);
                } catch (IllegalArgumentException e) {
                    throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
                }
                result = StandardIngest.run(
                        adapter,
                        new AdapterOptions(input, geography, defaultPractice, registerMap),
                        options,
                        new ConsoleProgress(out));
            }
        } catch (UnusableInputException e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("phm ingest: " + e.getMessage());
            err.println("Nothing was loaded; " + workspace + " is as it was.");
            err.flush();
            return UNUSABLE_INPUT;
        }
        if (result.translation() != null) {
            printTranslation(out, result.translation());
        }
        printReconciliation(out, result.tables());
        printQuarantine(out, result.quarantine());
        out.printf(
                "Ingested %,d rows (%,d loaded, %,d quarantined) into %s in %s, as of %s.%n",
                result.read(),
                result.loaded(),
                result.quarantined(),
                result.workspace(),
                Summary.duration(result.elapsed()),
                result.asOf());
        if (result.keyFile() != null) {
            out.println("Pseudonym key: " + result.keyFile()
                    + " (keep it with the workspace and back it up; never share it)");
        }
        if (report != null) {
            out.println("Report: " + report.toAbsolutePath());
        }
        if (quarantineOut != null && result.quarantined() > 0) {
            out.println("Quarantined rows for the supplier: " + quarantineOut.toAbsolutePath());
        }
        return 0;
    }

    /** Per source table: rows read and where they went. */
    private static void printTranslation(PrintStream out, SourceTranslation t) {
        out.println("Source (" + t.format() + "): rows read per source table and where they went:");
        for (String table : t.sourceTables()) {
            out.printf("  %-22s %,9d read%n", table, t.read(table));
            for (SourceTranslation.Mapping m : t.mapping()) {
                if (m.sourceTable().equals(table)) {
                    out.printf(
                            "    %-16s %-14s %,9d  %s%n",
                            m.outcome().label(),
                            m.target() == null ? "" : m.target(),
                            m.rows(),
                            (m.field() == null ? "" : m.field() + ": ") + (m.reason() == null ? "" : m.reason()));
                }
            }
        }
        SourceTranslation.Coverage c = t.codes();
        out.printf(
                "Register map coverage: %,d of %,d distinct condition codes (%,d of %,d records) are on a register%n",
                c.mappedCodes(), c.distinctCodes(), c.mappedRecords(), c.records());
        out.println("Policies for what the source lacks:");
        t.policies().forEach(p -> out.println("  - " + p));
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
            out.printf(
                    "  %-14s %-20s %,9d  %s  (lines %s)%n",
                    g.file(),
                    g.field(),
                    g.rows(),
                    g.reason(),
                    g.exampleLines().stream()
                            .map(String::valueOf)
                            .reduce((a, b) -> a + ", " + b)
                            .orElse(""));
        }
    }
}
