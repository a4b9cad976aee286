package org.openphm.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openphm.analyses.build.Build;
import org.openphm.analyses.qof.QofRegisters;
import org.openphm.engine.Engine;
import org.openphm.engine.duckdb.DuckDbEngine;
import org.openphm.engine.duckdb.ParquetExport;
import org.openphm.engine.spark.LocalSpark;
import org.openphm.ingest.Ingest;
import org.openphm.ingest.IngestOptions;
import org.openphm.model.CsvLine;
import org.openphm.model.Progress;
import org.openphm.stats.sdc.DisclosureRule;
import org.openphm.synth.SynthOptions;
import org.openphm.synth.SyntheticIcb;

/**
 * The whole data pack, built on DuckDB from a synthetic workspace and on Spark from the same workspace
 * exported to Parquet, must be the same file for file, row for row and cell for cell (numbers to the last
 * printed digit: the engines may add doubles in a different order). This is the promise that a national build on
 * a cluster means what the laptop build means.
 */
class SparkBuildParityTest {

    @TempDir
    Path dir;

    @Test
    void everyResultFileIsTheSameOnBothEngines() throws Exception {
        Path data = dir.resolve("data");
        SyntheticIcb.generate(
                data,
                new SynthOptions(Long.getLong("openphm.parity.patients", 3_000), 20250331, true),
                QofRegisters.ageLabels(),
                Progress.SILENT);
        Path workspace = dir.resolve("ws.duckdb");
        Ingest.run(IngestOptions.of(data, workspace, null), Progress.SILENT);

        Path onDuckDb = dir.resolve("duckdb");
        try (Engine engine = DuckDbEngine.open(workspace)) {
            Build.run(
                    engine,
                    new Build.Options(onDuckDb, null, true, DisclosureRule.nhsDefault(), "parity"),
                    Progress.SILENT);
        }
        Path parquet = dir.resolve("parquet");
        ParquetExport.export(workspace, parquet);
        SparkSession spark = LocalSpark.session(2);
        Path onSpark = dir.resolve("spark");
        SparkBuild.run(spark, parquet, null, onSpark, null, true);

        for (String results : List.of("results", "analyst/results")) {
            TreeSet<String> duck = csvFiles(onDuckDb.resolve(results));
            TreeSet<String> sparkFiles = csvFiles(onSpark.resolve(results));
            assertFalse(duck.isEmpty(), "the DuckDB build wrote no CSV files to " + results);
            assertEquals(duck, sparkFiles, "the two builds wrote different files to " + results);
            for (String file : duck) {
                assertSameTable(
                        results + "/" + file,
                        onDuckDb.resolve(results).resolve(file),
                        onSpark.resolve(results).resolve(file));
            }
        }
        assertTrue(Files.exists(onSpark.resolve("results/metadata.json")), "the Spark build wrote no metadata.json");
    }

    private static TreeSet<String> csvFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            TreeSet<String> names = new TreeSet<>();
            files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".csv"))
                    .forEach(names::add);
            return names;
        }
    }

    private static void assertSameTable(String name, Path duck, Path spark) throws IOException {
        List<String> a = Files.readAllLines(duck);
        List<String> b = Files.readAllLines(spark);
        assertEquals(a.size(), b.size(), name + ": row count");
        assertEquals(a.get(0), b.get(0), name + ": header");
        List<String> header = CsvLine.split(a.get(0));
        for (int line = 1; line < a.size(); line++) {
            if (a.get(line).equals(b.get(line))) {
                continue;
            }
            List<String> x = CsvLine.split(a.get(line));
            List<String> y = CsvLine.split(b.get(line));
            assertEquals(x.size(), y.size(), name + " line " + (line + 1) + ": field count");
            for (int f = 0; f < x.size(); f++) {
                if (!sameCell(x.get(f), y.get(f))) {
                    fail(name + " line " + (line + 1) + " field " + header.get(f) + ": DuckDB '" + x.get(f)
                            + "' but Spark '" + y.get(f) + "'\n  duckdb: " + a.get(line) + "\n  spark:  "
                            + b.get(line));
                }
            }
        }
    }

    /**
     * Equal text, or numbers that differ by at most one unit in the last printed digit: the engines add
     * doubles in different orders, so a mean that lands on ...5 at the rounding digit can print either way.
     */
    private static boolean sameCell(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        try {
            double x = Double.parseDouble(a);
            double y = Double.parseDouble(b);
            if (a.matches(".*[eE].*") || b.matches(".*[eE].*")) {
                return Math.abs(x - y) <= 1e-9 * Math.max(Math.abs(x), Math.abs(y));
            }
            double lastDigit = Math.pow(10, -Math.max(decimals(a), decimals(b)));
            return Math.abs(x - y) <= lastDigit * 1.000001;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static int decimals(String number) {
        int dot = number.indexOf('.');
        return dot < 0 ? 0 : number.length() - dot - 1;
    }
}
