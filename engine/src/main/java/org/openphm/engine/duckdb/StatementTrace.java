package org.openphm.engine.duckdb;

import java.util.List;
import java.util.Locale;
import org.openphm.engine.Engine;

/**
 * With {@code -Dopenphm.duckdb.trace=SECONDS}, every statement on which DuckDB and its driver spent at least that long
 * (0 for all) is written to standard error with that time, the time the reader spent on its rows (its own work,
 * between rows) and the start and end of its SQL: where a slow build spends its engine time. The SQL is generated
 * from definitions, so it holds codes and dates, never a person's value. Ingest's statements are traced too: theirs
 * name files and columns, never a value.
 */
public final class StatementTrace {
    private static final double THRESHOLD = threshold();

    private StatementTrace() {}

    static boolean on() {
        return !Double.isNaN(THRESHOLD);
    }

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

    /** The time a streamed result's reader spent in its own code, summed over the rows. */
    static final class ReaderTime {
        private long nanos;

        /** The sink, timed when tracing (two clock reads a row cost more than nothing, so only then). */
        Engine.RowSink around(Engine.RowSink sink) {
            if (!on()) {
                return sink;
            }
            return new Engine.RowSink() {
                @Override
                public void columns(List<String> names) {
                    sink.columns(names);
                }

                @Override
                public void row(Object[] values) {
                    long t = System.nanoTime();
                    sink.row(values);
                    nanos += System.nanoTime() - t;
                }
            };
        }

        Engine.NumericRowSink around(Engine.NumericRowSink sink) {
            if (!on()) {
                return sink;
            }
            return new Engine.NumericRowSink() {
                @Override
                public void columns(List<String> names) {
                    sink.columns(names);
                }

                @Override
                public void row(String[] text, double[] numbers) {
                    long t = System.nanoTime();
                    sink.row(text, numbers);
                    nanos += System.nanoTime() - t;
                }
            };
        }
    }

    /** Records a statement begun at startNanos (System.nanoTime), if tracing and it took long enough. */
    public static void record(String what, String sql, long startNanos) {
        record(what, sql, startNanos, null);
    }

    /** Records a statement begun at startNanos; the reader's own time, if any, is told apart from the engine's. */
    static void record(String what, String sql, long startNanos, ReaderTime reader) {
        if (!on()) {
            return;
        }
        double readerSeconds = reader == null ? 0 : reader.nanos / 1e9;
        double engineSeconds = (System.nanoTime() - startNanos) / 1e9 - readerSeconds;
        if (engineSeconds >= THRESHOLD) {
            String oneLine = sql.replaceAll("\\s+", " ");
            System.err.printf(
                    Locale.ROOT,
                    "[duckdb %7.2f s%s] %s: %s%n",
                    engineSeconds,
                    reader == null ? "" : String.format(Locale.ROOT, ", reader %.2f s", readerSeconds),
                    what,
                    oneLine.length() > 400
                            ? oneLine.substring(0, 200) + " ... " + oneLine.substring(oneLine.length() - 200)
                            : oneLine);
        }
    }
}
