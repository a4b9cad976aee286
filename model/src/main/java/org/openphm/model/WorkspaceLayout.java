package org.openphm.model;

/**
 * The contract between ingest (which writes a workspace) and the engines (which read it): a DuckDB file
 * holding one table per canonical table, named and typed as in {@link CanonicalSchema}, plus these.
 */
public final class WorkspaceLayout {
    private WorkspaceLayout() {}

    /** Key/value facts about the workspace: schema_version, created_at, last_ingest_at, source files. */
    public static final String META_TABLE = "_meta";
    /** Rows refused at ingest: table, file, line, field, value, reason, raw row. */
    public static final String QUARANTINE_TABLE = "_quarantine";
    /** One row per table per ingest: read, loaded, quarantined. */
    public static final String RECONCILIATION_TABLE = "_reconciliation";
    /** Meta key holding the schema version the workspace was written with. */
    public static final String META_SCHEMA_VERSION = "schema_version";
}
