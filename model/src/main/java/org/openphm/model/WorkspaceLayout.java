package org.openphm.model;

import java.nio.file.Path;

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
    /**
     * Per source table of a standard-format input (OMOP, FHIR): rows read and where they went, by canonical
     * table, outcome, field and reason (source_table, target_table, outcome, field, reason, rows).
     */
    public static final String SOURCE_MAPPING_TABLE = "_source_mapping";
    /**
     * Optional column of a canonical file written by an adapter: where the row came from, as
     * {@code <source file>:<line>}, so a quarantined row names the file and line the supplier can open.
     */
    public static final String SOURCE_REF_COLUMN = "_source";
    /** Meta key holding the schema version the workspace was written with. */
    public static final String META_SCHEMA_VERSION = "schema_version";
    /**
     * Meta key prefix of a table's content fingerprint ({@code content.spell}): a digest of everything its rows
     * were derived from at ingest, so a build can tell an unchanged table without scanning it.
     */
    public static final String META_CONTENT_PREFIX = "content.";

    /** The meta key of a table's content fingerprint. */
    public static String contentKey(String table) {
        return META_CONTENT_PREFIX + table;
    }

    /**
     * A file that belongs to a workspace and lives beside it, named after it so that two workspaces in one
     * folder never share one: {@code phm.duckdb} keeps {@code phm.audit.jsonl}, {@code phm.users.json} and
     * {@code phm.risk-model.json} (suffix {@code ".audit.jsonl"} and so on).
     */
    public static Path companion(Path workspace, String suffix) {
        String name = workspace.getFileName().toString();
        String stem = name.endsWith(".duckdb") ? name.substring(0, name.length() - ".duckdb".length()) : name;
        return workspace.resolveSibling(stem + suffix);
    }
}
