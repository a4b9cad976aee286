package org.openphm.analyses.catalogue;

import java.util.List;
import java.util.Optional;
import org.openphm.model.FinancialYear;
import org.openphm.analyses.indicator.Geography;
import org.openphm.analyses.risk.RiskModelFile;
import org.openphm.engine.Engine;
import org.openphm.model.Progress;
import org.openphm.stats.sdc.DisclosureRule;

/**
 * What an analysis computes with: the engine over the workspace, its geography, the years it covers, the
 * saved risk model when the user trained one ({@code phm risk train}; without it PHM 13.1 fits its own) and the
 * count rule its tables are published under. Count columns are published under the rule after
 * {@link Analysis#compute} ({@code TableDisclosure.apply}); an analysis needs it only for a figure that tells
 * a count but is no count column (the impact waterfall's bars, which must add up as published).
 */
public record AnalysisContext(Engine engine, Geography geography, List<FinancialYear> years, Progress progress,
                              Optional<RiskModelFile.Saved> savedRiskModel, DisclosureRule rule) {

    /** Under the NHS count rule ({@link DisclosureRule#nhsDefault()}), what a build publishes by default. */
    public AnalysisContext(Engine engine, Geography geography, List<FinancialYear> years, Progress progress,
                           Optional<RiskModelFile.Saved> savedRiskModel) {
        this(engine, geography, years, progress, savedRiskModel, DisclosureRule.nhsDefault());
    }

    /** Under the NHS count rule, with no saved risk model. */
    public AnalysisContext(Engine engine, Geography geography, List<FinancialYear> years, Progress progress) {
        this(engine, geography, years, progress, Optional.empty());
    }

    public FinancialYear latestYear() {
        return years.get(years.size() - 1);
    }
}
