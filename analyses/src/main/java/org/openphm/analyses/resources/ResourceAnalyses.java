package org.openphm.analyses.resources;

import java.util.List;
import org.openphm.analyses.catalogue.Analysis;
import org.openphm.analyses.indicator.IndicatorSource;

/** DP 11.x and 12.x: finance and workforce. Registered in the Catalogue. */
public final class ResourceAnalyses {
    private ResourceAnalyses() {}

    public static List<IndicatorSource> indicatorSources() {
        return List.of();
    }

    public static List<Analysis> all() {
        return List.of();
    }
}
