package org.openphm.analyses.population;

import java.util.List;
import org.openphm.analyses.catalogue.AnalysisContext;
import org.openphm.engine.Engine;
import org.openphm.model.FinancialYear;

/**
 * The mortality cells counted once per build and shared by DP 2.4, 4.1, 4.2 and 4.5, so the workspace is scanned
 * once for all four (the build runs analyses one after another on one engine).
 */
final class SharedMortality {
    private Engine engine;
    private List<FinancialYear> years;
    private MortalityCells cells;

    synchronized MortalityCells get(AnalysisContext context) {
        if (cells == null || engine != context.engine() || !years.equals(context.years())) {
            engine = context.engine();
            years = List.copyOf(context.years());
            cells = MortalityCells.count(engine, years);
        }
        return cells;
    }
}
