package org.openphm.analyses.conditions;

import java.util.List;
import org.openphm.analyses.catalogue.Analysis;
import org.openphm.analyses.indicator.IndicatorSource;

/** DP 3.1-3.12, 4.3, 4.6-4.10: conditions, multimorbidity, inequalities by ethnicity, demand projections. Registered in the Catalogue. */
public final class ConditionAnalyses {
    private ConditionAnalyses() {}

    public static List<IndicatorSource> indicatorSources() {
        return List.of();
    }

    public static List<Analysis> all() {
        return List.of();
    }
}
