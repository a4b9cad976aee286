package org.openphm.analyses.resources;

import java.util.List;
import org.openphm.analyses.catalogue.Analysis;
import org.openphm.analyses.indicator.IndicatorSource;

/**
 * DP 11.x and 12.x: finance and workforce. Registered in the Catalogue.
 *
 * <p>No indicators: finance and workforce are ICB and provider totals, not rates by area. The cost of ACSC
 * admissions and of delayed discharges (DP 8.7, 8.10, 11.6) are the acute-flow analyses
 * {@code dp-8.7-acsc-cost} and {@code dp-8.13-clinically-ready-for-discharge} (cost at £350-£400 a bed day) in org.openphm.analyses.acute, not recomputed here.
 */
public final class ResourceAnalyses {
    private ResourceAnalyses() {}

    public static List<IndicatorSource> indicatorSources() {
        return List.of();
    }

    public static List<Analysis> all() {
        return List.of(
                new Spend(),
                new AllocationHistory(),
                new WorkforceProfile(),
                new Vacancies(),
                new Turnover(),
                new WorkforceAge(),
                new WorkforceEthnicity(),
                new WorkforceDemandProjection());
    }
}
