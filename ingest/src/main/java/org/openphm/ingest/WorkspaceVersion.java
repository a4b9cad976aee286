package org.openphm.ingest;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;
import org.openphm.model.CanonicalSchema;
import org.openphm.model.WorkspaceLayout;

/**
 * A workspace ingested under an older canonical schema lacks tables or columns today's definitions read; saying
 * so before the build starts beats an engine error half way through it.
 */
public final class WorkspaceVersion {
    private WorkspaceVersion() {}

    /** The workspace exists and was ingested under today's canonical schema; otherwise what to do about it. */
    public static void requireCurrent(Path workspace) {
        if (!java.nio.file.Files.exists(workspace)) {
            throw new IllegalArgumentException(workspace + " does not exist: create it with phm ingest --workspace "
                    + workspace + " DIR (or run phm demo)");
        }
        Properties props = new Properties();
        props.setProperty("duckdb.read_only", "true");
        String found;
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + workspace.toAbsolutePath(), props);
                PreparedStatement s =
                        c.prepareStatement("SELECT value FROM " + WorkspaceLayout.META_TABLE + " WHERE key = ?")) {
            s.setString(1, WorkspaceLayout.META_SCHEMA_VERSION);
            try (ResultSet rs = s.executeQuery()) {
                found = rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalArgumentException(workspace + " is not an OpenPHM workspace (" + e.getMessage()
                    + "): create it with phm ingest --workspace " + workspace + " DIR");
        }
        if (!Integer.toString(CanonicalSchema.VERSION).equals(found)) {
            throw new IllegalArgumentException(workspace + " was ingested under canonical schema version " + found
                    + "; this OpenPHM reads version " + CanonicalSchema.VERSION + " (docs/DATA_MODEL.generated.md). "
                    + "Re-run phm ingest --workspace " + workspace + " on the source files.");
        }
    }
}
