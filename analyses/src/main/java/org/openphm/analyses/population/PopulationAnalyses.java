package org.openphm.analyses.population;

import java.util.List;
import org.openphm.analyses.catalogue.Analysis;
import org.openphm.analyses.indicator.IndicatorSource;

/**
 * DP 1.2, 2.2-2.5, 4.1, 4.2, 4.5: population, projections, deaths, life expectancy and mortality inequalities.
 * Registered in the Catalogue.
 *
 * <p>Not computed: DP 2.5 healthy life expectancy (needs the ONS Annual Population Survey's self-reported health,
 * not held) and DP 2.6 causes of disability (an external GBD table with no public source in the project's
 * reference data); both are stated in dp-2.4-life-expectancy's caveats. DP 2.3 is the 2035 horizon of
 * dp-2.2-population-projection.
 */
public final class PopulationAnalyses {
    private PopulationAnalyses() {}

    public static List<IndicatorSource> indicatorSources() {
        return List.of();
    }

    public static List<Analysis> all() {
        SharedMortality mortality = new SharedMortality();
        return List.of(
                new RegisteredPopulationProfile(),
                new PopulationProjectionAnalysis(),
                new LifeExpectancyAnalysis(mortality),
                new CausesOfDisability(),
                new Suicide(mortality),
                new LifeExpectancyInequality(mortality),
                new SmiPrematureMortality(mortality),
                new PredictedDeaths(mortality));
    }
}
