package org.openphm.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.openphm.model.CsvLine;

/**
 * Two builds of the same workspace are the same: the same files in results/ and analyst/results/, row for row and
 * cell for cell (numbers to the last printed digit: engines may add doubles in a different order).
 */
final class SameResults {
    private SameResults() {}

    static void assertSame(Path onDuckDb, Path onSpark) throws IOException {
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
    }

    static TreeSet<String> csvFiles(Path folder) throws IOException {
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
