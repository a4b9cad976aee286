package org.openphm.analyses.build;

import java.util.Set;
import java.util.TreeSet;
import org.openphm.engine.Engine;
import org.openphm.engine.Result;
import org.openphm.engine.query.Query;

/**
 * An engine that notes every stored table the queries run through it read: what a build step's results depend
 * on, recorded as it runs rather than declared beside the code, so a declaration cannot fall behind the
 * queries. Closing it leaves the wrapped engine open.
 */
final class InputRecordingEngine implements Engine {

    private final Engine engine;
    private final Set<String> tables = new TreeSet<>();

    InputRecordingEngine(Engine engine) {
        this.engine = engine;
    }

    /** The tables read since the last call, in name order; the record starts again empty. */
    synchronized Set<String> takeTablesRead() {
        Set<String> read = new TreeSet<>(tables);
        tables.clear();
        return read;
    }

    private synchronized void record(Query query) {
        if (query instanceof Query.Source s) {
            tables.add(s.table());
        }
        query.inputs().forEach(this::record);
    }

    @Override
    public String name() {
        return engine.name();
    }

    @Override
    public Result execute(Query query) {
        record(query);
        return engine.execute(query);
    }

    @Override
    public void stream(Query query, RowSink sink) {
        record(query);
        engine.stream(query, sink);
    }

    @Override
    public void streamNumeric(Query query, int textColumns, NumericRowSink sink) {
        record(query);
        engine.streamNumeric(query, textColumns, sink);
    }

    @Override
    public String render(Query query) {
        return engine.render(query);
    }

    @Override
    public void close() {}
}
