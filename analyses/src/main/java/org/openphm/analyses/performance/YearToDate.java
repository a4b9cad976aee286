package org.openphm.analyses.performance;

import java.time.YearMonth;
import org.openphm.stats.Polarity;

/**
 * The dashboards' "YTD" column: the financial year to date (April to the reference month). Values are averaged
 * over the months reported (not summed) so that percentages, bed counts and monthly activity read the same way
 * against the month's plan: an average month against an average plan.
 *
 * @param points      points reported from April to the reference month
 * @param mean        their mean value
 * @param benchmark   the mean of their plans/targets, null if none
 * @param monthsMeeting points at or better than their own plan/target (null without a plan or direction)
 * @param meets       the YTD mean at or better than the YTD plan (the DP's YTD dot)
 */
public record YearToDate(int points, double mean, Double benchmark, Integer monthsMeeting, Boolean meets) {

    /** Null when no point falls in the financial year to date. */
    public static YearToDate of(MetricSeries series, YearMonth reference) {
        YearMonth april =
                YearMonth.of(reference.getMonthValue() >= 4 ? reference.getYear() : reference.getYear() - 1, 4);
        int n = 0;
        double sum = 0;
        double benchSum = 0;
        int benchN = 0;
        int meeting = 0;
        for (MetricPoint p : series.points()) {
            if (p.month().isBefore(april) || p.month().isAfter(reference)) {
                continue;
            }
            n++;
            sum += p.value();
            if (p.benchmark() != null) {
                benchSum += p.benchmark();
                benchN++;
            }
            if (Boolean.TRUE.equals(series.polarity().meets(p.value(), p.benchmark()))) {
                meeting++;
            }
        }
        if (n == 0) {
            return null;
        }
        double mean = sum / n;
        // A plan for only some of the months would compare unlike periods: YTD judged only with a plan for every month.
        Double benchmark = benchN == n ? benchSum / n : null;
        boolean judged = benchmark != null && series.polarity() != Polarity.NO_JUDGEMENT;
        return new YearToDate(
                n,
                mean,
                benchmark,
                judged ? meeting : null,
                judged ? series.polarity().meets(mean, benchmark) : null);
    }
}
