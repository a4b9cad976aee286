package org.openphm.analyses.catalogue;

import java.util.List;
import java.util.Optional;
import org.openphm.analyses.indicator.FinancialYear;
import org.openphm.analyses.indicator.Geography;
import org.openphm.analyses.risk.RiskModelFile;
import org.openphm.engine.Engine;
import org.openphm.model.Progress;

/**
 * What an analysis computes with: the engine over the workspace, its geography, the years it covers and the
 * saved risk model when the user trained one ({@code phm risk train}); without it PHM 13.1 fits its own.
 */
public record AnalysisContext(Engine engine, Geography geography, List<FinancialYear> years, Progress progress,
                              Optional<RiskModelFile.Saved> savedRiskModel) {

    public AnalysisContext(Engine engine, Geography geography, List<FinancialYear> years, Progress progress) {
        this(engine, geography, years, progress, Optional.empty());
    }

    public FinancialYear latestYear() {
        return years.get(years.size() - 1);
    }
}
