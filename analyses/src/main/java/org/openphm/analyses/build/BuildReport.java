package org.openphm.analyses.build;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;

/** What a build prints when it ends, whichever engine ran it: time per step, then what was written where. */
public final class BuildReport {
    private BuildReport() {}

    public static void print(Build.Summary summary, PrintStream out) {
        print(summary, summary.resultsDir(), summary.analystDir(), out);
    }

    /** As {@link #print(Build.Summary, PrintStream)}, for a build published from staging to these folders. */
    public static void print(
            Build.Summary summary, java.nio.file.Path resultsDir, java.nio.file.Path analystDir, PrintStream out) {
        out.println("Time per step:");
        for (Map.Entry<String, Duration> e : summary.timings().entrySet()) {
            out.printf("  %-45s %s%n", e.getKey(), duration(e.getValue()));
        }
        out.printf(
                "Results: %d indicators (%,d rows, disclosure-controlled), %d analyses, %s to %s, in %s%n",
                summary.indicators(),
                summary.indicatorRows(),
                summary.analyses(),
                summary.years().get(0),
                summary.years().get(summary.years().size() - 1),
                resultsDir.toAbsolutePath());
        if (analystDir != null) {
            out.println("Unsuppressed analyst results (not for publication): " + analystDir.toAbsolutePath());
        }
    }

    public static String duration(Duration d) {
        long s = d.toSeconds();
        return s >= 60 ? String.format("%dm %02ds", s / 60, s % 60) : String.format("%.1fs", d.toMillis() / 1000.0);
    }
}
