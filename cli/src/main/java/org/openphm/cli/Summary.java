package org.openphm.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;

/** The closing summary every command prints: what it wrote, how much, where. */
final class Summary {
    private Summary() {}

    static void rowsPerTable(PrintStream out, String title, Map<String, Long> rows) {
        int width = rows.keySet().stream().mapToInt(String::length).max().orElse(5);
        out.println(title + ":");
        long total = 0;
        for (Map.Entry<String, Long> e : rows.entrySet()) {
            out.printf("  %-" + width + "s %,14d%n", e.getKey(), e.getValue());
            total += e.getValue();
        }
        out.printf("  %-" + width + "s %,14d%n", "total", total);
    }

    static String duration(Duration d) {
        return org.openphm.analyses.build.BuildReport.duration(d);
    }
}
