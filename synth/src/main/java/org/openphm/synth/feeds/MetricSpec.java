package org.openphm.synth.feeds;

import java.time.YearMonth;

/**
 * A dashboard metric (resources/feeds/performance_metrics.psv) and the rules for the months the DP does not show.
 *
 * @param growth    annual relative change used when extending the published points; gives a trend for SPC
 * @param ceiling   upper bound for generated values (e.g. VW occupancy stays under target, DP 7.2), or null
 * @param threshold standing threshold where the DP prints none, applying from {@code thresholdFrom} (or always)
 * @param spread    between-ICB coefficient of variation, for simulating peers when ranking
 */
record MetricSpec(
        String id,
        String name,
        String unit,
        String polarity,
        String section,
        boolean quarterly,
        boolean scaled,
        double growth,
        Double ceiling,
        Double threshold,
        YearMonth thresholdFrom,
        double spread) {

    static MetricSpec of(Psv.Row r) {
        String from = r.text("threshold_from");
        return new MetricSpec(
                r.text("metric_id"),
                r.text("name"),
                r.text("unit"),
                r.text("polarity"),
                r.text("section"),
                "quarterly".equals(r.text("frequency")),
                Boolean.parseBoolean(r.text("scaled")),
                r.number("growth", 0),
                r.number("ceiling"),
                r.number("threshold"),
                from == null ? null : YearMonth.parse(from),
                r.number("spread", 0.1));
    }

    boolean isCount() {
        return "count".equals(unit);
    }

    boolean reports(YearMonth m) {
        return !quarterly || m.getMonthValue() % 3 == 0;
    }

    Double standingThreshold(YearMonth m) {
        return threshold != null && (thresholdFrom == null || !m.isBefore(thresholdFrom)) ? threshold : null;
    }
}
