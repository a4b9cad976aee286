package org.openphm.analyses.conditions;

import java.util.List;
import org.openphm.analyses.catalogue.Analysis;
import org.openphm.analyses.indicator.IndicatorSource;

/**
 * DP 3.1-3.12, 4.3, 4.6-4.10: conditions, multimorbidity, inequalities by ethnicity, demand projections.
 * Registered in the Catalogue.
 *
 * <p>Elsewhere: SMI and depression prevalence by Place (DP 3.3, 3.4) are the QOF indicators qof-prevalence-smi and
 * qof-prevalence-dep (package qof). Not computed here: suicide and self-harm (DP 3.2, 3.6) — the canonical model has
 * no self-harm coding rule yet and deaths carry one cause — and SMI premature mortality (DP 4.2).
 */
public final class ConditionAnalyses {
    private ConditionAnalyses() {}

    public static List<IndicatorSource> indicatorSources() {
        return List.of(new PersonIndicators(), new EventIndicators());
    }

    public static List<Analysis> all() {
        return List.of(
                new ConditionProjections(), // DP 3.1
                ComorbidityMatrix.mentalHealthAndLd(), // DP 3.7
                new PrevalenceGaps(), // DP 3.10
                ComorbidityMatrix.multimorbidity(), // DP 3.11
                new MultimorbidityCounts(), // DP 3.11
                ComorbidityMatrix.olderAdults(), // DP 3.12
                new EthnicityInequalities(), // DP 4.3
                ReferralProjections.community(), // DP 4.7
                ReferralProjections.communityCharts(), // DP 4.8
                ReferralProjections.mentalHealth(), // DP 4.9
                ReferralProjections.mentalHealthCharts()); // DP 4.10
    }
}
