package org.openphm.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Funnel plots: control limits around the average of all areas, and where each area falls against
 * them, as PHEindicatormethods does it ({@code calculate_funnel_limits},
 * {@code assign_funnel_significance}, {@code calculate_funnel_points}; source:
 * ukhsa-collaboration/PHEindicatormethods R/Funnels.R and R/utils.R, commit 093fd288; method: OHID
 * Fingertips technical guidance, "Funnel plots").
 *
 * <ul>
 *   <li>Proportions: Wilson-score limits. The limit at population n is the observed proportion
 *       whose Wilson interval just reaches the average.</li>
 *   <li>Ratios and rates: Poisson limits. The limit for x observed events is x divided by the
 *       expected events (ratios) or the population (rates) at which x would just be significant,
 *       found by the same bisection as Fingertips' SPC for DSRs ({@link PoissonSearch}).</li>
 * </ul>
 * Limits are at 95% (0.025 in each tail, "2s") and 99.8% (0.001 in each tail, "3s").
 */
public final class Funnels {

    /** One-sided tail of the 95% limits. */
    private static final double TAIL_95 = 0.025;
    /** One-sided tail of the 99.8% limits. */
    private static final double TAIL_998 = 0.001;

    private Funnels() {}

    /**
     * A rate and the population per year to plot it at (PHEindicatormethods
     * {@code calculate_funnel_points}: "rate_chart" and "denominator_derived"); both NaN for a DSR
     * from fewer than 10 events, which is not published.
     */
    public record Point(double rate, double populationPerYear) {}

    /**
     * The 100-row table of control limits for a funnel chart of these areas.
     *
     * @throws IllegalArgumentException no areas, or an area's inputs are missing or impossible (see
     *                                  {@link #significance})
     */
    public static FunnelLimits limits(FunnelStatistic statistic, List<FunnelArea> areas) {
        validate(statistic, areas);
        if (statistic instanceof FunnelStatistic.Proportion p) {
            return proportionLimits(p, areas);
        }
        if (statistic instanceof FunnelStatistic.Ratio r) {
            return ratioLimits(r, areas);
        }
        return rateLimits((FunnelStatistic.Rate) statistic, areas);
    }

    /**
     * Whether each area lies outside the 95% or 99.8% limits of the funnel built from all the
     * areas, in the order given. For DSRs, areas with fewer than 10 events are
     * {@link FunnelSignificance#NOT_APPLICABLE_DSR_UNDER_10}.
     *
     * @throws IllegalArgumentException no areas; a missing numerator; a negative numerator; a
     *                                  denominator of zero or less; for proportions a missing
     *                                  denominator or x &gt; n; for ratios missing expected events;
     *                                  for rates no population where there are no events, or no
     *                                  positive rate where there are events
     */
    public static List<FunnelSignificance> significance(FunnelStatistic statistic, List<FunnelArea> areas) {
        validate(statistic, areas);
        if (statistic instanceof FunnelStatistic.Proportion) {
            return proportionSignificance(areas);
        }
        if (statistic instanceof FunnelStatistic.Ratio) {
            // an area's ratio interval against 1: observed as expected
            return areas.stream()
                    .map(a -> poissonSignificance(a.numerator(), a.denominator(), 1))
                    .toList();
        }
        return rateSignificance((FunnelStatistic.Rate) statistic, areas);
    }

    /** Each area's rate and population per year for plotting against {@link #limits} of a rate funnel. */
    public static List<Point> points(FunnelStatistic.Rate statistic, List<FunnelArea> areas) {
        validate(statistic, areas);
        return areas.stream()
                .map(a -> withheld(statistic, a)
                        ? new Point(Double.NaN, Double.NaN)
                        : new Point(a.rate(), statistic.derivedDenominator(a) / statistic.yearsOfData()))
                .toList();
    }

    // --- proportions -------------------------------------------------------------------------

    private static FunnelLimits proportionLimits(FunnelStatistic.Proportion statistic, List<FunnelArea> areas) {
        double average = average(areas, FunnelArea::denominator);
        double[] populations = FunnelAxis.positions(
                FunnelAxis.minimum(min(areas, FunnelArea::denominator), max(areas, FunnelArea::denominator)),
                FunnelAxis.maximum(max(areas, FunnelArea::denominator)),
                false);
        double m = statistic.multiplier();
        List<FunnelLimits.Row> rows = new ArrayList<>();
        for (double n : populations) {
            // clamped to 0..100%: at small populations the inverted Wilson limit leaves the unit range
            rows.add(new FunnelLimits.Row(
                    n,
                    new FunnelLimits.Line(n, Math.max(0, wilsonFunnel(TAIL_95, n, average, -1) * m)),
                    new FunnelLimits.Line(n, Math.min(m, wilsonFunnel(TAIL_95, n, average, +1) * m)),
                    new FunnelLimits.Line(n, Math.max(0, wilsonFunnel(TAIL_998, n, average, -1) * m)),
                    new FunnelLimits.Line(n, Math.min(m, wilsonFunnel(TAIL_998, n, average, +1) * m))));
        }
        return new FunnelLimits(statistic, average * m, rows);
    }

    private static List<FunnelSignificance> proportionSignificance(List<FunnelArea> areas) {
        double average = average(areas, FunnelArea::denominator);
        return areas.stream()
                .map(a -> {
                    double n = a.denominator();
                    double p = a.numerator() / n;
                    if (p < wilsonFunnel(TAIL_998, n, average, -1)) {
                        return FunnelSignificance.LOW_0_001;
                    }
                    if (p < wilsonFunnel(TAIL_95, n, average, -1)) {
                        return FunnelSignificance.LOW_0_025;
                    }
                    if (p > wilsonFunnel(TAIL_998, n, average, +1)) {
                        return FunnelSignificance.HIGH_0_001;
                    }
                    if (p > wilsonFunnel(TAIL_95, n, average, +1)) {
                        return FunnelSignificance.HIGH_0_025;
                    }
                    return FunnelSignificance.NOT_SIGNIFICANT;
                })
                .toList();
    }

    /**
     * The proportion p observed in a population n whose Wilson score limit lies exactly on the
     * average a (PHEindicatormethods {@code sigma_adjustment}). Setting the Wilson limit of x = pn
     * equal to a and squaring gives a quadratic in x; its smaller root (sign −1) is where the upper
     * Wilson limit touches a, i.e. the lower control limit, the larger root the upper control limit.
     * NaN where the quadratic has no real roots.
     */
    static double wilsonFunnel(double tail, double n, double a, int sign) {
        double z = Confidence.normalQuantile(1 - tail);
        double z2 = z * z;
        double k = a * (n / z2 + 1);
        double l = 1 / z2 + 1 / n;
        double discriminant = k * k - l * a * (n * (a * (n / z2 + 2) - 1) + z2 * (a - 1));
        return (k + sign * Math.sqrt(discriminant)) / l / n;
    }

    // --- ratios and rates (Poisson) -----------------------------------------------------------

    private static FunnelLimits ratioLimits(FunnelStatistic.Ratio statistic, List<FunnelArea> areas) {
        double[] observed = FunnelAxis.positions(
                FunnelAxis.minimum(min(areas, FunnelArea::denominator), max(areas, FunnelArea::denominator)),
                FunnelAxis.maximum(max(areas, FunnelArea::denominator)),
                true);
        List<FunnelLimits.Row> rows = new ArrayList<>();
        for (double x : observed) {
            rows.add(new FunnelLimits.Row(
                    x,
                    ratioLine(statistic, x, PoissonSearch.upperMean(x, TAIL_95)),
                    ratioLine(statistic, x, PoissonSearch.lowerMean(x, TAIL_95)),
                    ratioLine(statistic, x, PoissonSearch.upperMean(x, TAIL_998)),
                    ratioLine(statistic, x, PoissonSearch.lowerMean(x, TAIL_998))));
        }
        return new FunnelLimits(statistic, statistic.scaled(1), rows);
    }

    private static FunnelLimits.Line ratioLine(FunnelStatistic.Ratio statistic, double observed, double expected) {
        return new FunnelLimits.Line(expected, statistic.scaled(observed / expected));
    }

    private static FunnelLimits rateLimits(FunnelStatistic.Rate statistic, List<FunnelArea> areas) {
        double average = average(areas, statistic::derivedDenominator);
        double years = statistic.yearsOfData();
        double smallest = min(areas, statistic::derivedDenominator);
        double largest = max(areas, statistic::derivedDenominator);
        // the neat axis is chosen on population per year, then turned into events at the average rate
        double minimum = largest > 2 * smallest ? 0 : FunnelAxis.roundDown(smallest / years) * years;
        double maximum = FunnelAxis.roundUp(largest / years) * years;
        double[] events = FunnelAxis.positions(Math.floor(minimum * average), Math.ceil(maximum * average), false);
        List<FunnelLimits.Row> rows = new ArrayList<>();
        for (double x : events) {
            rows.add(new FunnelLimits.Row(
                    x,
                    rateLine(statistic, x, PoissonSearch.upperMean(x, TAIL_95) / average),
                    rateLine(statistic, x, PoissonSearch.lowerMean(x, TAIL_95) / average),
                    rateLine(statistic, x, PoissonSearch.upperMean(x, TAIL_998) / average),
                    rateLine(statistic, x, PoissonSearch.lowerMean(x, TAIL_998) / average)));
        }
        return new FunnelLimits(statistic, average * statistic.multiplier(), rows);
    }

    private static FunnelLimits.Line rateLine(FunnelStatistic.Rate statistic, double events, double population) {
        return new FunnelLimits.Line(
                population / statistic.yearsOfData(), events / population * statistic.multiplier());
    }

    private static List<FunnelSignificance> rateSignificance(FunnelStatistic.Rate statistic, List<FunnelArea> areas) {
        double average = average(areas, statistic::derivedDenominator);
        return areas.stream()
                .map(a -> withheld(statistic, a)
                        ? FunnelSignificance.NOT_APPLICABLE_DSR_UNDER_10
                        : poissonSignificance(a.numerator(), statistic.derivedDenominator(a), average))
                .toList();
    }

    /**
     * Compares the benchmark with the area's Poisson interval (exact below 10 events, Byar's from
     * 10) divided by its denominator: a ratio's expected events against 1, or a rate's population
     * against the average rate per person. A missing denominator compares as not significant.
     */
    private static FunnelSignificance poissonSignificance(double observed, double denominator, double benchmark) {
        if (benchmark < PoissonLimits.lower(observed, Confidence.P998) / denominator) {
            return FunnelSignificance.HIGH_0_001;
        }
        if (benchmark < PoissonLimits.lower(observed, Confidence.P95) / denominator) {
            return FunnelSignificance.HIGH_0_025;
        }
        if (benchmark > PoissonLimits.upper(observed, Confidence.P998) / denominator) {
            return FunnelSignificance.LOW_0_001;
        }
        if (benchmark > PoissonLimits.upper(observed, Confidence.P95) / denominator) {
            return FunnelSignificance.LOW_0_025;
        }
        return FunnelSignificance.NOT_SIGNIFICANT;
    }

    private static boolean withheld(FunnelStatistic.Rate statistic, FunnelArea area) {
        return statistic.type() == FunnelStatistic.Rate.Type.DSR
                && area.numerator() < FunnelStatistic.Rate.DSR_MINIMUM_EVENTS;
    }

    // --- shared -------------------------------------------------------------------------------

    /** Sum of numerators over the sum of the denominators that are present: the funnel's centre. */
    private static double average(List<FunnelArea> areas, ToDoubleFunction<FunnelArea> denominator) {
        double numerators = 0;
        double denominators = 0;
        for (FunnelArea a : areas) {
            numerators += a.numerator();
            double d = denominator.applyAsDouble(a);
            if (!Double.isNaN(d)) {
                denominators += d;
            }
        }
        return numerators / denominators;
    }

    private static double min(List<FunnelArea> areas, ToDoubleFunction<FunnelArea> denominator) {
        return areas.stream()
                .mapToDouble(denominator)
                .filter(d -> !Double.isNaN(d))
                .min()
                .orElse(Double.NaN);
    }

    private static double max(List<FunnelArea> areas, ToDoubleFunction<FunnelArea> denominator) {
        return areas.stream()
                .mapToDouble(denominator)
                .filter(d -> !Double.isNaN(d))
                .max()
                .orElse(Double.NaN);
    }

    /** The package's input checks, with its messages where it has one. */
    private static void validate(FunnelStatistic statistic, List<FunnelArea> areas) {
        if (areas.isEmpty()) {
            throw new IllegalArgumentException("a funnel needs at least one area");
        }
        for (FunnelArea a : areas) {
            double x = a.numerator();
            double n = a.denominator();
            if (statistic instanceof FunnelStatistic.Rate) {
                validateRate(a);
            } else if (Double.isNaN(x) || Double.isNaN(n)) {
                throw new IllegalArgumentException(
                        statistic instanceof FunnelStatistic.Proportion
                                ? "for proportions, numerators and denominators must be provided for all records, "
                                        + "even when their values are zero"
                                : "for ratios, observed and expected events must be provided for all records, "
                                        + "even when their values are zero");
            }
            if (x < 0) {
                throw new IllegalArgumentException("numerators must be greater than or equal to zero");
            }
            if (n <= 0) {
                throw new IllegalArgumentException("denominators must be greater than zero");
            }
            if (statistic instanceof FunnelStatistic.Proportion && x > n) {
                throw new IllegalArgumentException(
                        "numerators must be less than or equal to denominator for a proportion statistic");
            }
        }
    }

    private static void validateRate(FunnelArea a) {
        double x = a.numerator();
        if (Double.isNaN(x)) {
            throw new IllegalArgumentException(
                    "for rates, numerators must be provided for all records, " + "even when their values are zero");
        }
        if (x == 0 && !(a.denominator() > 0)) {
            throw new IllegalArgumentException(
                    "for rates, where there are 0 events for a record, the " + "denominator must be provided");
        }
        // stricter than the package, which lets a missing rate through as "Not significant"
        if (x > 0 && !(a.rate() > 0)) {
            throw new IllegalArgumentException("for rates, rates must be provided for all records, "
                    + "or a denominator must be provided if the rate is zero");
        }
    }
}
