package org.openphm.analyses.performance;

import java.util.List;
import org.openphm.analyses.catalogue.Analysis;
import org.openphm.analyses.indicator.IndicatorSource;

/** DP 7.2-7.8, 8.2, 8.3, 8.12: performance with SPC, benchmarking, waiting lists and CAMHS access. Registered in the Catalogue. */
public final class PerformanceAnalyses {
    private PerformanceAnalyses() {}

    public static List<IndicatorSource> indicatorSources() {
        return List.of();
    }

    public static List<Analysis> all() {
        return List.of();
    }
}
