package org.openphm.engine;

import java.util.concurrent.atomic.AtomicLong;
import org.openphm.engine.query.Query;

/**
 * An engine that adds up the time its queries take, so a build can say how much of a step was the engine
 * (DuckDB or Spark) and how much the Java statistics after it. Closing it leaves the wrapped engine open.
 */
public final class TimedEngine implements Engine {

    private final Engine engine;
    private final AtomicLong nanos = new AtomicLong();
    private final AtomicLong queries = new AtomicLong();

    public TimedEngine(Engine engine) {
        this.engine = engine;
    }

    @Override
    public String name() {
        return engine.name();
    }

    @Override
    public Result execute(Query query) {
        long t0 = System.nanoTime();
        try {
            return engine.execute(query);
        } finally {
            nanos.addAndGet(System.nanoTime() - t0);
            queries.incrementAndGet();
        }
    }

    @Override
    public void stream(Query query, RowSink sink) {
        long t0 = System.nanoTime();
        try {
            engine.stream(query, sink);
        } finally {
            nanos.addAndGet(System.nanoTime() - t0);
            queries.incrementAndGet();
        }
    }

    @Override
    public String render(Query query) {
        return engine.render(query);
    }

    /** Time spent in {@link #execute} so far, results fetched included. */
    public long engineNanos() {
        return nanos.get();
    }

    /** Queries run so far. */
    public long queries() {
        return queries.get();
    }

    @Override
    public void close() {}
}
