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

    /** The SQL this engine would run for the query, for debugging and documentation. */
    String render(Query query);

    /** Releases what the engine opened itself; a connection or session passed in by the caller stays open. */
    @Override
    void close();
}
