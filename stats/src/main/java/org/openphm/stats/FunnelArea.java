package org.openphm.stats;

/**
 * One area's figures for a funnel plot. Which fields matter depends on the {@link FunnelStatistic}:
 * numerator and denominator for a proportion; observed and expected events for a ratio; events and
 * the rate (and, where there are no events, the population) for a rate. Absent values are NaN.
 *
 * @param numerator   cases, observed events or events
 * @param denominator population, or expected events for a ratio; NaN if not supplied for a rate
 * @param rate        the area's rate on the funnel's multiplier (rates only; NaN otherwise)
 */
public record FunnelArea(double numerator, double denominator, double rate) {

    /** x cases in a population of n. */
    public static FunnelArea proportion(double x, double n) {
        return new FunnelArea(x, n, Double.NaN);
    }

    /** Observed against expected events (an ISR/SMR's inputs). */
    public static FunnelArea ratio(double observed, double expected) {
        return new FunnelArea(observed, expected, Double.NaN);
    }

    /** Events and their rate; the population is derived from them. */
    public static FunnelArea rate(double events, double rate) {
        return new FunnelArea(events, Double.NaN, rate);
    }

    /** Events, their rate and the population; the population is only used when there are no events. */
    public static FunnelArea rate(double events, double rate, double population) {
        return new FunnelArea(events, population, rate);
    }
}
