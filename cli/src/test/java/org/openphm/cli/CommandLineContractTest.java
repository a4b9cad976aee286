package org.openphm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openphm.model.CanonicalSchema;

/**
 * What every {@code phm} command promises on the command line: a usage error (an unknown option or command, a
 * missing option or argument) exits 2 naming what is wrong and showing the usage, before anything is written; a
 * command that fails exits 1 with one line saying why; a command that succeeds exits 0 and ends with a summary of
 * what it wrote and where. The benchmark commands, which live in their own module, are still reached from phm.
 */
class CommandLineContractTest {

    private static final int USAGE_ERROR = 2;

    @Test
    void anUnknownOptionIsAUsageErrorNamingItAndNothingIsWritten(@TempDir Path dir) {
        Path out = dir.resolve("gen");
        CliRun r = CliRun.of("generate", "--out", out.toString(), "--patients", "1000", "--colour", "blue");
        assertEquals(USAGE_ERROR, r.code(), r.err());
        assertTrue(
                r.err().startsWith("Unknown options: '--colour', 'blue'")
                        || r.err().startsWith("Unknown option: '--colour'"),
                r.err());
        assertTrue(r.err().contains("Usage: phm generate"), "the usage says what is accepted: " + r.err());
        assertEquals("", r.out());
        assertFalse(Files.exists(out), "a usage error writes nothing");
    }

    @Test
    void aMissingRequiredOptionIsNamedWithTheUsage() {
        CliRun r = CliRun.of("build", "--out", "never-written");
        assertEquals(USAGE_ERROR, r.code(), r.err());
        assertTrue(r.err().startsWith("Missing required option: '--workspace=<workspace>'"), r.err());
        assertTrue(r.err().contains("Usage: phm build"), r.err());
        assertTrue(
                r.err().contains("--workspace=<workspace>")
                        && r.err().contains("DuckDB workspace written by phm ingest"),
                "the usage describes the missing option: " + r.err());
        assertFalse(Files.exists(Path.of("never-written")));
    }

    @Test
    void aMissingRequiredArgumentIsNamedWithTheUsage() {
        CliRun r = CliRun.of("check-outputs");
        assertEquals(USAGE_ERROR, r.code(), r.err());
        assertTrue(r.err().startsWith("Missing required parameter: 'DIR'"), r.err());
        assertTrue(
                r.err().contains("Usage: phm check-outputs") && r.err().contains("The folder phm build wrote"),
                r.err());
    }

    @Test
    void aMistypedCommandIsAUsageErrorSuggestingTheRightOne() {
        CliRun r = CliRun.of("biuld", "--workspace", "w.duckdb");
        assertEquals(USAGE_ERROR, r.code(), r.err());
        assertTrue(r.err().startsWith("Unmatched arguments from index 0: 'biuld'"), r.err());
        assertTrue(r.err().contains("Did you mean: phm build or phm build-england?"), r.err());
    }

    @Test
    void aCommandThatFailsExitsOneWithOneLineSayingWhyAndWritesNothing(@TempDir Path dir) {
        Path out = dir.resolve("gen");
        CliRun r = CliRun.of("generate", "--out", out.toString(), "--patients", "999");
        assertEquals(1, r.code(), r.err());
        assertEquals(
                "phm generate: --patients must be at least 1000 (got 999)" + System.lineSeparator()
                        + "(set PHM_DEBUG=1 for details)" + System.lineSeparator(),
                r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void aWorkspaceThatDoesNotExistIsAFailureSayingHowToMakeOne(@TempDir Path dir) {
        Path workspace = dir.resolve("none.duckdb");
        CliRun r = CliRun.of(
                "export",
                "--workspace",
                workspace.toString(),
                "--out",
                dir.resolve("parquet").toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(
                r.err().startsWith("phm export: " + workspace + " does not exist: create it with phm ingest"), r.err());
        assertFalse(Files.exists(workspace), "checking the workspace must not create it");
    }

    @Test
    void helpAndVersionExitZero() {
        CliRun version = CliRun.of("--version");
        assertEquals(0, version.code());
        assertEquals("OpenPHM 0.1.0", version.out().strip());
        CliRun help = CliRun.of("build", "--help");
        assertEquals(0, help.code());
        assertTrue(help.out().startsWith("Usage: phm build"), help.out());
        assertEquals("", help.err());
    }

    /** The benchmarks moved to their own module (benchmarks/); phm still offers every one of them. */
    @Test
    void everyBenchmarkCommandIsStillAPhmCommand() {
        for (String bench : List.of("bench", "bench-api", "bench-explorer", "bench-risk", "bench-impact", "bench-r")) {
            CliRun r = CliRun.of(bench, "--help");
            assertEquals(0, r.code(), bench + ": " + r.err());
            assertTrue(r.out().startsWith("Usage: phm " + bench + " "), r.out());
        }
        CliRun missing = CliRun.of("bench-explorer");
        assertEquals(USAGE_ERROR, missing.code());
        assertTrue(missing.err().startsWith("Missing required option: '--workspace=<workspace>'"), missing.err());
    }

    @Test
    void schemaSaysWhatItWroteAndWhere(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("model.md");
        CliRun r = CliRun.of("schema", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(
                "Wrote the canonical data model (schema version " + CanonicalSchema.VERSION + ", "
                        + CanonicalSchema.TABLES.size() + " tables) to " + out.toAbsolutePath(),
                r.out().strip());
        String written = Files.readString(out);
        for (var table : CanonicalSchema.TABLES) {
            assertTrue(written.contains(table.name()), "the file holds table " + table.name());
        }
    }

    /** The summary's row counts are those of the files written, table by table, and its total is their sum. */
    @Test
    void generateSummarisesTheRowsOfEveryFileItWroteAndWhere(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("gen");
        CliRun r = CliRun.of("generate", "--out", out.toString(), "--patients", "1000");
        assertEquals(0, r.code(), r.err());
        String summary = r.out().substring(r.out().indexOf("Rows written:"));
        Map<String, Long> rows = new LinkedHashMap<>();
        Matcher m = Pattern.compile("(?m)^  (\\w+) +([\\d,]+)$").matcher(summary);
        while (m.find()) {
            rows.put(m.group(1), Long.parseLong(m.group(2).replace(",", "")));
        }
        long total = rows.remove("total");
        assertEquals(total, rows.values().stream().mapToLong(Long::longValue).sum(), summary);

        List<Path> files;
        try (Stream<Path> s = Files.list(out)) {
            files = s.sorted().toList();
        }
        assertEquals(rows.size(), files.size(), "one summary line per file: " + summary);
        for (Path f : files) {
            String table = f.getFileName().toString().replaceFirst("\\.csv$", "");
            long records;
            try (Reader reader = Files.newBufferedReader(f);
                    CSVParser csv = CSVFormat.DEFAULT
                            .builder()
                            .setHeader()
                            .setSkipHeaderRecord(true)
                            .build()
                            .parse(reader)) {
                records = csv.stream().count();
            }
            assertEquals(records, rows.get(table), table);
        }
        assertTrue(
                summary.contains("Wrote " + files.size() + " csv files to " + out.toAbsolutePath() + " in "), summary);
        assertTrue(summary.contains("Next: ./phm ingest --workspace phm.duckdb " + out), summary);
    }
}
