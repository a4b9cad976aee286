package org.openphm.ingest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.openphm.model.CsvField;
import org.openphm.model.WorkspaceLayout;

/**
 * Writes a workspace's quarantined rows for the data supplier: one CSV per source file,
 * {@code <table>.quarantine.csv} with line, field, value, reason and the raw row (NHS numbers masked).
 * Written from Java rather than DuckDB's COPY because the supplier opens it in a spreadsheet and the values
 * are the extract's own, hostile or not: every cell goes through {@link CsvField#forSpreadsheet}.
 */
public final class QuarantineExport {
    private QuarantineExport() {}

    private static final String[] COLUMNS = {"file", "line", "field", "value", "reason", "raw_row"};

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
                    ResultSet rs = st.executeQuery("SELECT DISTINCT table_name, file FROM w."
                            + WorkspaceLayout.QUARANTINE_TABLE + " ORDER BY table_name")) {
                while (rs.next()) {
                    files.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
            try (PreparedStatement rows = db.prepareStatement("SELECT " + String.join(", ", COLUMNS) + " FROM w."
                    + WorkspaceLayout.QUARANTINE_TABLE + " WHERE file = ? ORDER BY line, field")) {
                for (String[] f : files) {
                    Path out = dir.resolve(f[0] + ".quarantine.csv").toAbsolutePath();
                    rows.setString(1, f[1]);
                    try (ResultSet rs = rows.executeQuery();
                            BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                        writeRow(w, COLUMNS);
                        String[] cells = new String[COLUMNS.length];
                        while (rs.next()) {
                            for (int i = 0; i < cells.length; i++) {
                                cells[i] = rs.getString(i + 1);
                            }
                            writeRow(w, cells);
                        }
                    }
                    written.add(out);
                }
            }
        }
        return written;
    }

    private static void writeRow(BufferedWriter w, String[] cells) throws IOException {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                w.write(',');
            }
            if (cells[i] != null) {
                w.write(CsvField.forSpreadsheet(cells[i]));
            }
        }
        w.write('\n');
    }
}
