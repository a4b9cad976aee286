package org.openphm.synth.feeds;

import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.SplittableRandom;

/**
 * Extends a published monthly series to months the DP does not show. A month is given the median of the six
 * nearest published points (robust to the DP's odd months, e.g. the 0% CYP eating-disorder months that mean "no
 * cases"), moved by the metric's annual growth from those points' mean month, with noise as large as the
 * published points' own spread. A level shift inside the published window therefore carries on either side of it.
 */
final class SeriesExtension {
    private SeriesExtension() {}

    private static final int NEAREST = 6;

    static Double extend(
            NavigableMap<YearMonth, Double> published, YearMonth month, double annualGrowth, SplittableRandom rng) {
        if (published.isEmpty()) {
            return null;
        }
        @SuppressWarnings("unchecked")
        Map.Entry<YearMonth, Double>[] nearest = published.entrySet().stream()
                .sorted(Comparator.comparingLong(e -> Math.abs(distance(e.getKey(), month))))
                .limit(NEAREST)
                .toArray(Map.Entry[]::new);
        double[] values =
                Arrays.stream(nearest).mapToDouble(Map.Entry::getValue).sorted().toArray();
        double median = median(values);
        double anchor = Arrays.stream(nearest)
                .mapToLong(e -> distance(e.getKey(), month))
                .average()
                .orElse(0);
        double level = median * Math.pow(1 + annualGrowth, anchor / 12.0);
        return level * (1 + relativeSpread(published) * Noise.gaussian(rng));
    }

    /** Months from {@code from} to {@code to} (positive when {@code to} is later). */
    static long distance(YearMonth from, YearMonth to) {
        return from.until(to, ChronoUnit.MONTHS);
    }

    /** Median absolute deviation scaled to a normal sd, relative to the median; bounded to keep noise sane. */
    static double relativeSpread(NavigableMap<YearMonth, Double> published) {
        double[] v = published.values().stream()
                .mapToDouble(Double::doubleValue)
                .sorted()
                .toArray();
        double m = median(v);
        if (m == 0) {
            return 0;
        }
        double[] dev = Arrays.stream(v).map(x -> Math.abs(x - m)).sorted().toArray();
        return Math.min(0.20, Math.max(0.01, 1.4826 * median(dev) / Math.abs(m)));
    }

    static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
