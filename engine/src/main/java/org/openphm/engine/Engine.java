package org.openphm.engine;

import org.openphm.engine.query.Query;

/**
 * Runs engine-neutral queries where the data is. Aggregation happens here; statistics on the (small)
 * aggregates happen in plain Java. Every engine gives the same {@link Result} for the same query and data,
 * which the specification suite (engine's test-jar, org.openphm.engine.spec.EngineSpec) checks.
 */
public interface Engine extends AutoCloseable {

    /** "duckdb" or "spark". */
    String name();

    /** Runs the query and returns all its rows, with values normalised as {@link Result} describes. */
    Result execute(Query query);

    /** Receives a query's rows one at a time: its column names first, then each row's values. */
    interface RowSink {
        void columns(java.util.List<String> names);

        /** The row's values in column order, normalised as {@link Result} describes; the array is the sink's. */
        void row(Object[] values);
    }

    /**
     * Streams the query's rows to the sink without holding them all: for the few person-level reads (the risk
     * model's cohort of a whole ICB), where a {@link Result} of boxed values would take gigabytes. The default
     * goes through {@link #execute}; an engine that can stream overrides it.
     */
    default void stream(Query query, RowSink sink) {
        Result r = execute(query);
        sink.columns(r.columns());
        for (java.util.List<Object> row : r.rows()) {
            sink.row(row.toArray());
        }
    }

    /**
     * Receives person-level rows without boxing a value: the query's leading text columns as strings, the rest as
     * doubles. For the reads of a whole ICB's cohort, where a boxed value per cell is a gigabyte of garbage.
     */
    interface NumericRowSink {
        void columns(java.util.List<String> names);

        /**
         * @param text    the first columns as text (a date as ISO text), null when empty
         * @param numbers the other columns, NaN when empty; both arrays are reused for the next row: copy what
         *                you keep
         */
        void row(String[] text, double[] numbers);
    }

    /**
     * Streams the query's rows to a numeric sink: its first {@code textColumns} columns as text, the others as
     * numbers. The default converts {@link #stream}'s values; an engine that can read numbers unboxed overrides it.
     */
    default void streamNumeric(Query query, int textColumns, NumericRowSink sink) {
        stream(query, new RowSink() {
            String[] text;
            double[] numbers;

            @Override
            public void columns(java.util.List<String> names) {
                text = new String[textColumns];
                numbers = new double[names.size() - textColumns];
                sink.columns(names);
            }

            @Override
            public void row(Object[] values) {
                for (int i = 0; i < values.length; i++) {
                    Object v = values[i];
                    if (i < textColumns) {
                        text[i] = v == null ? null : v.toString();
                    } else if (v == null) {
                        numbers[i - textColumns] = Double.NaN;
                    } else if (v instanceof Number n) {
                        numbers[i - textColumns] = n.doubleValue();
                    } else {
                        throw new IllegalArgumentException("column " + (i + 1) + " is not a number: "
                                + v.getClass().getSimpleName());
                    }
                }
                sink.row(text, numbers);
            }
        });
    }

    /** The SQL this engine would run for the query, for debugging and documentation. */
    String render(Query query);

    /** Releases what the engine opened itself; a connection or session passed in by the caller stays open. */
    @Override
    void close();
}
