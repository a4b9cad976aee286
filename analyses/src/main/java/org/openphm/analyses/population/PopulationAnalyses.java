package org.openphm.analyses.population;

import java.util.List;
import org.openphm.analyses.catalogue.Analysis;
import org.openphm.analyses.indicator.IndicatorSource;

/** DP 1.2, 2.2-2.5, 4.1, 4.2, 4.5: population, projections, deaths, life expectancy and mortality inequalities. Registered in the Catalogue. */
public final class PopulationAnalyses {
    private PopulationAnalyses() {}

    public static List<IndicatorSource> indicatorSources() {
        return List.of();
    }

    public static List<Analysis> all() {
        return List.of();
    }
}
