package org.openphm.analyses.performance;

import java.time.YearMonth;
import java.util.List;
import org.openphm.analyses.icb.IcbProfile;

/**
 * One page of the data pack's performance dashboards: which metrics it shows and the month its 12-month
 * window ends ("Rolling 12 Months" as printed). The analysis shows that window and the latest month in the
 * data; SPC uses the whole series.
 *
 * @param dataPackMonth the last month the page prints; its 12-month window ends there
 */
public record DashboardPage(
        String id,
        String section,
        String title,
        String definition,
        List<PageMetric> metrics,
        YearMonth dataPackMonth,
        List<String> caveats) {

    public static final int WINDOW_MONTHS = 12;

    /**
     * A metric as the page shows it: its name and unit, and the organisations it is printed for (each gets its
     * SPC and trend charts; other organisations in the data are still in the tables).
     */
    public record PageMetric(String id, String name, String unit, List<String> orgCodes) {
        public PageMetric {
            orgCodes = List.copyOf(orgCodes);
        }
    }

    public DashboardPage {
        metrics = List.copyOf(metrics);
        caveats = List.copyOf(caveats);
    }

    public List<String> metricIds() {
        return metrics.stream().map(PageMetric::id).toList();
    }

    public boolean inWindow(YearMonth month, YearMonth end) {
        return !month.isAfter(end) && month.isAfter(end.minusMonths(WINDOW_MONTHS));
    }

    /**
     * The data pack's dashboard pages (for BLMK DP 7.2, 7.4, 7.5, 7.6, 8.12; DP 7.3 is
     * {@link RegionalBenchmarking}), as the ICB profile lists them ({@link IcbProfile}: dashboard_pages).
     */
    public static List<DashboardPage> dataPack() {
        return IcbProfile.current().dashboardPages().stream()
                .map(p -> new DashboardPage(
                        p.id(),
                        p.section(),
                        p.title(),
                        p.definition(),
                        p.metrics().stream()
                                .map(m -> new PageMetric(m.id(), m.name(), m.unit(), m.orgCodes()))
                                .toList(),
                        YearMonth.parse(p.dataPackMonth()),
                        p.caveats() == null ? List.of() : p.caveats()))
                .toList();
    }
}
