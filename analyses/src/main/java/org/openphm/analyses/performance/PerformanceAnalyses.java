package org.openphm.analyses.performance;

import java.util.ArrayList;
import java.util.List;
import org.openphm.analyses.catalogue.Analysis;
import org.openphm.analyses.indicator.IndicatorSource;

/**
 * DP 7.2-7.8, 8.2, 8.3, 8.12: performance dashboards with SPC, regional benchmarking, waiting lists and CAMHS
 * access. Registered in the Catalogue.
 *
 * <p>No indicator sources: the dashboards are organisation-level feeds and CAMHS access is a count and share by
 * Place and quarter without a population denominator, so none is a rate by area.
 */
public final class PerformanceAnalyses {
    private PerformanceAnalyses() {}

    public static List<IndicatorSource> indicatorSources() {
        return List.of();
    }

    public static List<Analysis> all() {
        List<Analysis> all = new ArrayList<>();
        DashboardPage.dataPack().forEach(p -> all.add(new PerformanceDashboard(p)));
        all.add(new RegionalBenchmarking());
        all.add(WaitingLists.adultCommunity());
        all.add(WaitingLists.mentalHealth());
        all.add(CamhsAccess.byPlace());
        CamhsAccess.oneProvider().ifPresent(all::add);
        return List.copyOf(all);
    }
}
