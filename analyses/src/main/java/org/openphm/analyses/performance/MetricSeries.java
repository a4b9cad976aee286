package org.openphm.analyses.performance;

import java.time.YearMonth;
import java.util.List;
import org.openphm.stats.Polarity;

/** The monthly (or quarterly) points of one metric for one organisation, oldest first. */
public record MetricSeries(
        String metricId, String name, String unit, Polarity polarity, String orgCode, List<MetricPoint> points) {

    public MetricSeries {
        points = List.copyOf(points);
        for (int i = 1; i < points.size(); i++) {
            if (!points.get(i).month().isAfter(points.get(i - 1).month())) {
                throw new IllegalArgumentException(metricId + "/" + orgCode + ": months out of order at " + i);
            }
        }
    }

    /** Index of the last point at or before {@code month}; -1 if none. */
    public int indexAtOrBefore(YearMonth month) {
        int found = -1;
        for (int i = 0; i < points.size() && !points.get(i).month().isAfter(month); i++) {
            found = i;
        }
        return found;
    }

    public YearMonth lastMonth() {
        return points.get(points.size() - 1).month();
    }

    public List<Double> values() {
        return points.stream().map(MetricPoint::value).toList();
    }
}
