package org.openphm.stats;

import java.util.Comparator;
import java.util.List;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * Fingertips' recent trend over the five most recent points (source: ukhsa-collaboration/fingertips-open
 * PholioVisualisationWS/Analysis/TrendMarkers/TrendMarkerCalculator.cs and TrendRequest.cs; OHID
 * "Fingertips trend markers", Public Health Technical Guidance, cited by PHEindicatormethods
 * {@code assign_trend_markers}).
 *
 * <ul>
 *   <li>Proportions: the chi-squared test for trend in proportions (Cochran–Armitage) on the counts
 *       and denominators, with time scored 1..5.</li>
 *   <li>Rates and other values with 95% CIs: weighted least squares of value on time with weights
 *       1/SE², SE = (upper − lower)/3.92; chi² = (slope/SE(slope))².</li>
 * </ul>
 * A trend is significant when chi² exceeds the 99.8% point of chi² with 1 degree of freedom
 * (9.5495) AND the slope keeps its sign when each point in turn is left out (no single outlier
 * makes the trend).
 */
public final class RecentTrend {

    /** Number of most recent points Fingertips tests. */
    public static final int POINTS = 5;
    /** qchisq(0.998, 1) = 9.54953570608324, the threshold in TrendMarkerCalculator.cs. */
    public static final double CHI_SQUARE_THRESHOLD =
            ChiSquaredDistribution.of(1).inverseCumulativeProbability(0.998);

    /** Fingertips divides the 95% CI width by 2 × 1.96 = 3.92 (rounded z, as TrendMarkerCalculator.cs). */
    public static final double CI95_WIDTH_IN_SE = 3.92;

    public enum Direction {
        INCREASING,
        DECREASING,
        NO_SIGNIFICANT_CHANGE,
        CANNOT_BE_CALCULATED
    }

    /** One period. Unused fields are NaN (CIs for proportions, counts for CI-based values). */
    public record Point(int period, double value, double lower95, double upper95, double count, double denominator) {
        public static Point proportion(int period, double count, double denominator) {
            return new Point(period, count / denominator, Double.NaN, Double.NaN, count, denominator);
        }

        public static Point withInterval(int period, double value, double lower95, double upper95) {
            return new Point(period, value, lower95, upper95, Double.NaN, Double.NaN);
        }
    }

    public record Result(Direction direction, double chiSquare, boolean significant, String reason) {
        static Result cannot(String reason) {
            return new Result(Direction.CANNOT_BE_CALCULATED, 0, false, reason);
        }
    }

    private RecentTrend() {}

    /** Trend in a proportion from counts and denominators. */
    public static Result forProportions(List<Point> series) {
        List<Point> recent = mostRecent(series, p -> valid(p.count()) && valid(p.denominator()) && p.denominator() > 0);
        if (recent == null) {
            return Result.cannot("Not enough data points with valid values to calculate recent trend");
        }
        if (recent.stream().anyMatch(p -> p.count() <= 0 || p.count() >= p.denominator())) {
            // logits of 0% or 100% are infinite (Fingertips rejects count = denominator)
            return Result.cannot("The recent trend cannot be calculated");
        }
        double n = 0;
        double x = 0;
        double xt = 0;
        double nt = 0;
        double nt2 = 0;
        for (int i = 0; i < recent.size(); i++) {
            int t = i + 1;
            Point p = recent.get(i);
            n += p.denominator();
            x += p.count();
            xt += p.count() * t;
            nt += p.denominator() * t;
            nt2 += p.denominator() * t * t;
        }
        double chi2 = n * Math.pow(n * xt - x * nt, 2) / (x * (n - x) * (n * nt2 - nt * nt));
        double[] logits = recent.stream()
                .mapToDouble(p -> Math.log(p.count() / (p.denominator() - p.count())))
                .toArray();
        double[] ones = new double[logits.length];
        java.util.Arrays.fill(ones, 1);
        return decide(chi2, logits, ones);
    }

    /** Trend in any value published with 95% confidence limits (rates, DSRs, ratios, life expectancy, ...). */
    public static Result fromIntervals(List<Point> series) {
        List<Point> recent = mostRecent(series, p -> valid(p.value()) && valid(p.lower95()) && valid(p.upper95()));
        if (recent == null) {
            return Result.cannot("Not enough data points with valid values to calculate recent trend");
        }
        double[] values = recent.stream().mapToDouble(Point::value).toArray();
        double[] weights = recent.stream()
                .mapToDouble(p -> {
                    double se = (p.upper95() - p.lower95()) / CI95_WIDTH_IN_SE;
                    return 1 / (se * se);
                })
                .toArray();
        if (java.util.Arrays.stream(weights).anyMatch(w -> !Double.isFinite(w))) {
            return Result.cannot("confidence interval of zero width");
        }
        double[] fit = weightedSlope(values, weights, -1);
        double chi2 = fit[0] * fit[0] / fit[1];
        return decide(chi2, values, weights);
    }

    private static Result decide(double chi2, double[] values, double[] weights) {
        double slope = weightedSlope(values, weights, -1)[0];
        if (!(chi2 > CHI_SQUARE_THRESHOLD)) {
            return new Result(Direction.NO_SIGNIFICANT_CHANGE, chi2, false, "No significant trend");
        }
        for (int leaveOut = 0; leaveOut < values.length; leaveOut++) {
            if (Math.signum(weightedSlope(values, weights, leaveOut)[0]) != Math.signum(slope)) {
                return new Result(Direction.NO_SIGNIFICANT_CHANGE, chi2, false, "Outlier found");
            }
        }
        return new Result(
                slope > 0 ? Direction.INCREASING : Direction.DECREASING,
                chi2,
                true,
                "No outliers and significant trend");
    }

    /** {slope, variance of slope} of value on time 1..n by weighted least squares, optionally leaving one point out. */
    private static double[] weightedSlope(double[] values, double[] weights, int leaveOut) {
        double s1 = 0;
        double sty = 0;
        double st = 0;
        double sy = 0;
        double stt = 0;
        for (int i = 0; i < values.length; i++) {
            if (i == leaveOut) {
                continue;
            }
            double t = i + 1;
            double w = weights[i];
            s1 += w;
            sty += w * t * values[i];
            st += w * t;
            sy += w * values[i];
            stt += w * t * t;
        }
        double det = s1 * stt - st * st;
        return new double[] {(s1 * sty - st * sy) / det, s1 / det};
    }

    /** The five most recent points in time order, unbroken by an invalid point; null if there are fewer. */
    private static List<Point> mostRecent(List<Point> series, java.util.function.Predicate<Point> valid) {
        List<Point> newestFirst = series.stream()
                .sorted(Comparator.comparingInt(Point::period).reversed())
                .toList();
        List<Point> run = new java.util.ArrayList<>();
        for (Point p : newestFirst) {
            if (!valid.test(p)) {
                break;
            }
            run.add(p);
            if (run.size() == POINTS) {
                break;
            }
        }
        if (run.size() < POINTS) {
            return null;
        }
        java.util.Collections.reverse(run);
        return run;
    }

    private static boolean valid(double x) {
        return !Double.isNaN(x);
    }
}
