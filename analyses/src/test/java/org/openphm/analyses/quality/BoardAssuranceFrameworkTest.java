package org.openphm.analyses.quality;

import static org.junit.jupiter.api.Assertions.*;
import static org.openphm.model.ColumnType.*;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openphm.analyses.SpecEngines;
import org.openphm.analyses.catalogue.AnalysisContext;
import org.openphm.analyses.catalogue.AnalysisTable;
import org.openphm.analyses.indicator.Geography;
import org.openphm.engine.Engine;
import org.openphm.engine.spec.SpecTable;
import org.openphm.model.FinancialYear;
import org.openphm.model.Progress;

/**
 * DP 6.7 on a five-risk register, answers by hand. Scores: R1 5x5 = 25 (target 3x5 = 15, gap 10), R2 4x5 = 20
 * (target 12, gap 8), R4 4x5 = 20 (target 16, gap 4, never reviewed), R3 2x3 = 6 (at target), R5 1x3 = 3 (no
 * target). Order by score, then larger gap first: R1, R2, R4, R3, R5. NPSA grades: 25 and 20 Extreme, 6
 * Moderate, 3 Low. The latest review is 10 July 2025: R3 (1 March, 4 whole months) is overdue, R5 (10 April,
 * 3 months) is not, R4 (never) is.
 */
class BoardAssuranceFrameworkTest {

    static List<SpecTable> tables() {
        SpecTable risks = SpecTable.adHoc("risk_register")
                .col("risk_ref", STRING)
                .col("title", STRING)
                .col("theme", STRING)
                .col("lead", STRING)
                .col("likelihood", INTEGER)
                .col("consequence", INTEGER)
                .col("target_likelihood", INTEGER)
                .col("target_consequence", INTEGER)
                .col("reviewed", DATE)
                .row("R3", "Three", "T", "L", 2, 3, 2, 3, LocalDate.parse("2025-03-01"))
                .row("R1", "One", "T", "L", 5, 5, 3, 5, LocalDate.parse("2025-07-10"))
                .row("R5", "Five", "T", "L", 1, 3, null, null, LocalDate.parse("2025-04-10"))
                .row("R4", "Four", "T", "L", 4, 5, 4, 4, null)
                .row("R2", "Two", "T", "L", 4, 5, 3, 4, LocalDate.parse("2025-07-01"))
                .build();
        return List.of(risks);
    }

    @ParameterizedTest
    @ValueSource(strings = {SpecEngines.DUCKDB, SpecEngines.SPARK})
    void scoredGradedOrderedAndFlagged(String engineName, @TempDir Path dir) throws Exception {
        try (Engine engine = SpecEngines.open(engineName, dir, tables())) {
            AnalysisContext context = new AnalysisContext(
                    engine, Geography.of(List.of()), List.of(FinancialYear.parse("2024/25")), Progress.SILENT);
            List<AnalysisTable> t = new BoardAssuranceFramework().compute(context);
            AnalysisTable risks = t.get(0);
            List<String> cols = risks.columnNames();
            assertEquals(
                    List.of("R1", "R2", "R4", "R3", "R5"),
                    risks.rows().stream().map(r -> r.get(0)).toList());
            assertEquals(Arrays.asList(25L, 20L, 20L, 6L, 3L), column(risks, "score"));
            assertEquals(Arrays.asList("Extreme", "Extreme", "Extreme", "Moderate", "Low"), column(risks, "grade"));
            assertEquals(Arrays.asList(10L, 8L, 4L, 0L, null), column(risks, "gap_to_target"));
            assertEquals(Arrays.asList(0L, 0L, null, 4L, 3L), column(risks, "months_since_review"));
            assertEquals(Arrays.asList(false, false, true, true, false), column(risks, "review_overdue"));
            assertEquals(
                    List.of(List.of("Extreme", 3L), List.of("High", 0L), List.of("Moderate", 1L), List.of("Low", 1L)),
                    t.get(1).rows());
            assertTrue(cols.contains("target_grade"));
        }
    }

    private static List<Object> column(AnalysisTable t, String name) {
        int i = t.columnNames().indexOf(name);
        return t.rows().stream().map(r -> r.get(i)).toList();
    }
}
