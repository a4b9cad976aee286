package org.openphm.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.openphm.model.WorkspaceLayout;

/**
 * Writes a workspace's quarantined rows for the data supplier: one CSV per source file,
 * {@code <table>.quarantine.csv} with line, field, value, reason and the raw row (NHS numbers masked).
 */
public final class QuarantineExport {
    private QuarantineExport() {}

    /** @return the files written, one per source file that had quarantined rows */
    public static List<Path> export(Path workspace, Path dir) throws IOException, SQLException {
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
            try (Statement st = db.createStatement()) {
                st.execute("ATTACH " + Sql.literal(workspace.toAbsolutePath().toString()) + " AS w (READ_ONLY)");
            }
            List<String[]> files = new ArrayList<>();
            try (Statement st = db.createStatement();
                 ResultSet rs = st.executeQuery("SELECT DISTINCT table_name, file FROM w." + WorkspaceLayout.QUARANTINE_TABLE
                         + " ORDER BY table_name")) {
                while (rs.next()) {
                    files.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
            for (String[] f : files) {
                Path out = dir.resolve(f[0] + ".quarantine.csv").toAbsolutePath();
                try (Statement st = db.createStatement()) {
                    st.execute("COPY (SELECT file, line, field, value, reason, raw_row FROM w." + WorkspaceLayout.QUARANTINE_TABLE
                            + " WHERE file = " + Sql.literal(f[1]) + " ORDER BY line, field) TO " + Sql.literal(out.toString())
                            + " (FORMAT csv, HEADER true)");
                }
                written.add(out);
            }
        }
        return written;
    }
}
