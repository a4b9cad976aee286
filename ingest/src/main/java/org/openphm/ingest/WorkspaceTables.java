package org.openphm.ingest;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Collectors;
import org.openphm.model.CanonicalSchema;
import org.openphm.model.Table;
import org.openphm.model.WorkspaceLayout;

/**
 * Creates the workspace contract (WorkspaceLayout): every canonical table, typed as in CanonicalSchema and
 * created even when no file supplied it, so analyses can rely on it, plus the bookkeeping tables:
 * <pre>
 * _meta(key, value)
 * _quarantine(table_name, file, line, field, value, reason, raw_row)
 * _reconciliation(table_name, file, read, loaded, quarantined)
 * _source_mapping(source_table, target_table, outcome, field, reason, rows)   (empty unless an adapter wrote the input)
 * </pre>
 */
final class WorkspaceTables {
    private WorkspaceTables() {}

    static void create(Connection db, String workspace) throws SQLException {
        try (Statement st = db.createStatement()) {
            for (Table t : CanonicalSchema.TABLES) {
                st.execute("CREATE TABLE " + workspace + "." + Sql.ident(t.name()) + " ("
                        + t.columns().stream()
                                .map(c -> Sql.ident(c.name()) + " " + c.type().duckdbType()
                                        + (c.required() ? " NOT NULL" : ""))
                                .collect(Collectors.joining(", "))
                        + ")");
            }
            st.execute("CREATE TABLE " + workspace + "." + WorkspaceLayout.META_TABLE
                    + " (key VARCHAR PRIMARY KEY, value VARCHAR)");
            st.execute("CREATE TABLE " + workspace + "." + WorkspaceLayout.QUARANTINE_TABLE
                    + " (table_name VARCHAR NOT NULL, "
                    + "file VARCHAR NOT NULL, line BIGINT NOT NULL, field VARCHAR NOT NULL, value VARCHAR, "
                    + "reason VARCHAR NOT NULL, raw_row VARCHAR)");
            st.execute("CREATE TABLE " + workspace + "." + WorkspaceLayout.RECONCILIATION_TABLE
                    + " (table_name VARCHAR NOT NULL, "
                    + "file VARCHAR, read BIGINT NOT NULL, loaded BIGINT NOT NULL, quarantined BIGINT NOT NULL)");
            st.execute(
                    "CREATE TABLE " + workspace + "." + WorkspaceLayout.SOURCE_MAPPING_TABLE
                            + " (source_table VARCHAR NOT NULL, "
                            + "target_table VARCHAR, outcome VARCHAR NOT NULL, field VARCHAR, reason VARCHAR, rows BIGINT NOT NULL)");
        }
    }
}
