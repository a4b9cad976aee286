package org.openphm.analyses.acute;

import java.util.List;
import org.openphm.analyses.catalogue.Analysis;
import org.openphm.analyses.indicator.IndicatorSource;

/** DP 8.4-8.16, 11.6: avoidable admissions and acute flow. Registered in the Catalogue. */
public final class AcuteFlowAnalyses {
    private AcuteFlowAnalyses() {}

    public static List<IndicatorSource> indicatorSources() {
        return List.of();
    }

    public static List<Analysis> all() {
        return List.of();
    }
}
