package org.openphm.analyses;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openphm.analyses.catalogue.AnalysisInfo;
import org.openphm.analyses.catalogue.AnalysisTable;
import org.openphm.analyses.output.AnalysisFiles;
import org.openphm.model.ResultColumnType;

class AnalysisFilesTest {

    /** A quoted value far down a table, after the rows DuckDB samples to guess the CSV dialect. */
    @Test
    void quotedValuesAfterTheSniffedRowsSurviveTheParquetCopy(@TempDir Path dir) throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < 30_000; i++) {
            rows.add(List.of("Area " + i, (long) i));
        }
        rows.add(List.of("Bedford, Kempston and Wootton \"North\"", 30_000L));
        AnalysisTable t = new AnalysisTable(
                "t",
                "test",
                List.of(
                        new AnalysisTable.Column("area", ResultColumnType.STRING, "a"),
                        new AnalysisTable.Column("n", ResultColumnType.INTEGER, "n")),
                rows);
        AnalysisInfo info = new AnalysisInfo("dp-1.2-test", "DP 1.2", "t", "d", "m", "s", List.of(), List.of());
        AnalysisFiles.write(dir, info, List.of(t));
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery(
                        "SELECT area, n FROM '" + dir.resolve("dp-1.2-test-t.parquet") + "' WHERE n = 30000")) {
            assertTrue(r.next());
            assertEquals("Bedford, Kempston and Wootton \"North\"", r.getString(1));
        }
    }
}
