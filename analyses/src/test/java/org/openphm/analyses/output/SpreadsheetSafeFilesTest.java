package org.openphm.analyses.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openphm.analyses.catalogue.AnalysisInfo;
import org.openphm.analyses.catalogue.AnalysisTable;
import org.openphm.analyses.catalogue.AnalysisTable.Column;

/**
 * Issue 15 item 12: a published results CSV never holds a cell a spreadsheet would run as a formula (OWASP, "CSV
 * Injection"): text starting with = + - @ is written with a leading quote; negative numbers are data.
 */
class SpreadsheetSafeFilesTest {

    @TempDir
    Path dir;

    @Test
    void analysisFilesNeutraliseFormulasButKeepNegativeNumbers() throws Exception {
        AnalysisInfo info = new AnalysisInfo("dp-9.9-test", "DP 9.9", "t", "d", "m", "s", List.of(), List.of());
        AnalysisTable t = new AnalysisTable(
                "rows",
                "r",
                List.of(Column.text("provider", "Provider"), Column.number("change_pct", "Change")),
                List.of(Arrays.asList("=HYPERLINK(\"http://evil\")", -2.5), Arrays.asList("@SUM(A1)", 1.0)));
        AnalysisFiles.write(dir, info, List.of(t));
        List<String> lines = Files.readAllLines(dir.resolve(info.file("rows")));
        assertEquals("\"'=HYPERLINK(\"\"http://evil\"\")\",-2.5", lines.get(1));
        assertEquals("'@SUM(A1),1", lines.get(2));
    }
}
