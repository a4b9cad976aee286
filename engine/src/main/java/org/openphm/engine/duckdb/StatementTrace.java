package org.openphm.engine.duckdb;

import java.util.Locale;

/**
 * With {@code -Dopenphm.duckdb.trace=SECONDS}, every statement that took at least that long (0 for all) is written
 * to standard error with its time and the start and end of its SQL: where a slow build spends its engine time. The SQL is
 * generated from definitions, so it holds codes and dates, never a person's value.
 */
final class StatementTrace {
    private static final double THRESHOLD = threshold();

    private StatementTrace() {}

    private static double threshold() {
        String v = System.getProperty("openphm.duckdb.trace");
        if (v == null || v.isBlank()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "openphm.duckdb.trace must be a number of seconds (0 traces every statement), not " + v);
        }
    }

    static void record(String what, String sql, long startNanos) {
        if (Double.isNaN(THRESHOLD)) {
            return;
        }
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        if (seconds >= THRESHOLD) {
            String oneLine = sql.replaceAll("\\s+", " ");
            System.err.printf(
                    Locale.ROOT,
                    "[duckdb %7.2f s] %s: %s%n",
                    seconds,
                    what,
                    oneLine.length() > 400
                            ? oneLine.substring(0, 200) + " ... " + oneLine.substring(oneLine.length() - 200)
                            : oneLine);
        }
    }
}
