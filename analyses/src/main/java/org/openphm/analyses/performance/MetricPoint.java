package org.openphm.analyses.performance;

import java.time.YearMonth;

/**
 * One month of a performance metric for one organisation, as the performance_metric feed carries it.
 *
 * @param threshold the month's plan or threshold (the dashboard's "Threshold" row); null where none is set
 * @param target a standing standard (e.g. virtual ward occupancy 80%); null where none
 */
public record MetricPoint(
        YearMonth month,
        double value,
        Double threshold,
        Double target,
        Double regional,
        Double national,
        Long regionalRank,
        Long nationalRank) {

    /** The level the month is judged against: its plan where there is one, else the standing target. */
    public Double benchmark() {
        return threshold != null ? threshold : target;
    }
}
