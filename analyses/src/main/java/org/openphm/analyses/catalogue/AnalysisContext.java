package org.openphm.analyses.catalogue;

import java.util.List;
import org.openphm.analyses.indicator.FinancialYear;
import org.openphm.analyses.indicator.Geography;
import org.openphm.engine.Engine;
import org.openphm.model.Progress;

/** What an analysis computes with: the engine over the workspace, its geography and the years it covers. */
public record AnalysisContext(Engine engine, Geography geography, List<FinancialYear> years, Progress progress) {

    public FinancialYear latestYear() {
        return years.get(years.size() - 1);
    }
}
