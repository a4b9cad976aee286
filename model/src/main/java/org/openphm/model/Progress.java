package org.openphm.model;

/**
 * Progress of long work (generation, ingest, build), reported by the work and shown by the command line.
 * Implementations must be cheap: callers report at most every few thousand rows.
 */
public interface Progress {

    /** {@code done} of {@code total} units of {@code task}; total 0 when unknown. */
    void update(String task, long done, long total);

    /** A one-line message that is not a counter (a phase starting, a file written). */
    void message(String text);

    /** Discards everything: for tests and library use. */
    Progress SILENT = new Progress() {
        @Override
        public void update(String task, long done, long total) {}

        @Override
        public void message(String text) {}
    };
}
