package org.openphm.analyses.quality;

import java.util.List;
import org.openphm.stats.spc.ImprovementDirection;
import org.openphm.stats.spc.Side;
import org.openphm.stats.spc.SpcChart;
import org.openphm.stats.spc.SpcOptions;
import org.openphm.stats.spc.SpcPoint;
import org.openphm.stats.spc.SpecialCauseRule;

/**
 * A step change in a monthly volume, the signature of under-reporting that was never resubmitted (DP 9.2: ELFT
 * care contacts before Nov-24 about 50% low). The step is placed where it best splits the series in two (the
 * split with the largest between-segment sum of squares, k (n - k) (mean1 - mean2)^2 / n); it is flagged when
 * the two levels differ by at least {@link #MIN_RATIO_CHANGE} and the Making Data Count XmR chart of the whole
 * series confirms it with special-cause shift or limit signals on the low side, on the low segment. A genuine
 * trend rarely passes both: it gives a smaller level ratio and trend rather than shift signals.
 *
 * @param stepIndex  index of the first month of the later segment
 * @param ratio      mean of the earlier segment / mean of the later one
 * @param confirmed  the SPC chart shows special cause below the mean in the low segment
 */
record VolumeShift(int stepIndex, double meanBefore, double meanAfter, double ratio, boolean confirmed) {

    /** The earlier and later levels must differ by a factor of at least 1 / (1 - 0.3). */
    static final double MIN_RATIO_CHANGE = 0.3;

    boolean flagged() {
        return confirmed && (ratio <= 1 - MIN_RATIO_CHANGE || ratio >= 1 / (1 - MIN_RATIO_CHANGE));
    }

    /** Null when the series is too short for SPC limits (the Making Data Count minimum of 15 points). */
    static VolumeShift detect(List<Double> values) {
        int n = values.size();
        if (n < SpcOptions.MDC_MINIMUM_POINTS) {
            return null;
        }
        double total = values.stream().mapToDouble(Double::doubleValue).sum();
        int best = -1;
        double bestScore = -1;
        double before = 0;
        // at least 3 months on each side, so a single odd month is an outlier, not a step
        for (int k = 1; k < n; k++) {
            before += values.get(k - 1);
            if (k < 3 || n - k < 3) {
                continue;
            }
            double m1 = before / k;
            double m2 = (total - before) / (n - k);
            double score = (double) k * (n - k) * (m1 - m2) * (m1 - m2) / n;
            if (score > bestScore) {
                bestScore = score;
                best = k;
            }
        }
        double m1 = values.subList(0, best).stream()
                .mapToDouble(Double::doubleValue)
                .average()
                .orElse(0);
        double m2 = values.subList(best, n).stream()
                .mapToDouble(Double::doubleValue)
                .average()
                .orElse(0);
        SpcChart chart = SpcChart.compute(values, SpcOptions.makingDataCount(ImprovementDirection.NEITHER, null));
        List<SpcPoint> low =
                m1 < m2 ? chart.points().subList(0, best) : chart.points().subList(best, n);
        boolean confirmed = low.stream()
                .anyMatch(p -> p.signals().stream()
                        .anyMatch(s -> s.side() == Side.LOW
                                && (s.rule() == SpecialCauseRule.SHIFT
                                        || s.rule() == SpecialCauseRule.OUTSIDE_LIMITS)));
        return new VolumeShift(best, m1, m2, m2 == 0 ? Double.NaN : m1 / m2, confirmed);
    }
}
