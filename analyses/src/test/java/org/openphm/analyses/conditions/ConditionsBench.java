package org.openphm.analyses.conditions;

import java.nio.file.Path;
import java.util.List;
import org.openphm.analyses.catalogue.Analysis;
import org.openphm.analyses.catalogue.AnalysisContext;
import org.openphm.analyses.indicator.Geography;
import org.openphm.analyses.indicator.IndicatorSource;
import org.openphm.engine.duckdb.DuckDbEngine;
import org.openphm.model.FinancialYear;
import org.openphm.model.Progress;

/**
 * Not a test: times each conditions analysis and indicator source on a workspace, e.g. a full-scale synthetic
 * BLMK one: {@code java -cp ... org.openphm.analyses.conditions.ConditionsBench workspace.duckdb 2024/25}.
 */
public final class ConditionsBench {
    private ConditionsBench() {}

    public static void main(String[] args) throws Exception {
        FinancialYear year = FinancialYear.parse(args.length > 1 ? args[1] : "2024/25");
        try (DuckDbEngine engine = DuckDbEngine.open(Path.of(args[0]))) {
            AnalysisContext context =
                    new AnalysisContext(engine, Geography.load(engine), List.of(year), Progress.SILENT);
            for (IndicatorSource source : ConditionAnalyses.indicatorSources()) {
                long t0 = System.nanoTime();
                int cells = source.count(engine, year).size();
                System.out.printf(
                        "%-40s %6d ms  %d cells%n",
                        source.getClass().getSimpleName(), (System.nanoTime() - t0) / 1_000_000, cells);
            }
            for (Analysis analysis : ConditionAnalyses.all()) {
                long t0 = System.nanoTime();
                int rows = analysis.compute(context).stream()
                        .mapToInt(t -> t.rows().size())
                        .sum();
                System.out.printf(
                        "%-40s %6d ms  %d rows%n", analysis.info().id(), (System.nanoTime() - t0) / 1_000_000, rows);
            }
        }
    }
}
