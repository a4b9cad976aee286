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

    /** The SQL this engine would run for the query, for debugging and documentation. */
    String render(Query query);

    /** Releases what the engine opened itself; a connection or session passed in by the caller stays open. */
    @Override
    void close();
}
