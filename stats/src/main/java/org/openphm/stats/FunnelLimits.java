package org.openphm.stats;

import java.util.List;

/**
 * Control limits for a funnel plot, as 100 points along the x-axis (PHEindicatormethods
 * {@code calculate_funnel_limits}).
 *
 * @param statistic what the funnel shows
 * @param baseline  the centre line: the average of all areas (sum of numerators over sum of
 *                  denominators, × multiplier); for ratios the ratio 1 on the ratio's scale
 *                  (0 for a count ratio, 100 for an ISR), around which the limits are built
 * @param rows      100 rows, increasing along the x-axis
 */
public record FunnelLimits(FunnelStatistic statistic, double baseline, List<Row> rows) {

    public FunnelLimits {
        rows = List.copyOf(rows);
    }

    /**
     * One row of the limits table: the four limit lines at one x position.
     *
     * @param x the package's first column: "Population" for proportions, "Observed_events" for
     *          ratios, "Events" for rates
     */
    public record Row(double x, Line lower95, Line upper95, Line lower998, Line upper998) {}

    /**
     * A point on one control-limit line.
     *
     * @param denominator where the point is plotted on the x-axis: the population for a proportion
     *                    (the row's x), the expected events for a ratio ("exp_events"), the
     *                    population per year for a rate ("population_1_year")
     * @param limit       the limit's value on the statistic's scale
     */
    public record Line(double denominator, double limit) {}
}
