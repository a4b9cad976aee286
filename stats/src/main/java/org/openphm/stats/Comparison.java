package org.openphm.stats;

/**
 * Significance of an area against a comparator (England, the ICB, a peer), as Fingertips decides it
 * (source: ukhsa-collaboration/fingertips-open, PholioVisualisationWS/Analysis/*Comparer.cs).
 *
 * <ul>
 *   <li>{@link #benchmarkValue}: the comparator's VALUE against the area's CI — Fingertips' default
 *       "confidence intervals overlapping reference value" method (SingleOverlappingCIsComparer).
 *       A benchmark on the limit counts as similar.</li>
 *   <li>{@link #overlappingIntervals}: both CIs, for comparing two areas each with sampling error
 *       (DoubleOverlappingCIsComparer).</li>
 *   <li>{@link #spcForProportions} and {@link #spcForDsr}: control limits built around the benchmark
 *       at the area's denominator (SpcForProportionsComparer, SpcForDsrComparer).</li>
 * </ul>
 * Apply at 95% and at 99.8% by passing the area's estimate at each level; read better/worse with
 * {@link Polarity#assess(Significance)}.
 */
public final class Comparison {

    private Comparison() {}

    /** HIGHER if the benchmark value is below the area's CI, LOWER if above, SIMILAR if inside it. */
    public static Significance benchmarkValue(Estimate area, double benchmarkValue) {
        if (!area.hasValue() || !area.hasInterval() || Double.isNaN(benchmarkValue)) {
            return Significance.NOT_COMPARED;
        }
        if (benchmarkValue >= area.lower() && benchmarkValue <= area.upper()) {
            return Significance.SIMILAR;
        }
        return area.value() < benchmarkValue ? Significance.LOWER : Significance.HIGHER;
    }

    /** SIMILAR when the two CIs overlap (touching counts as overlap), else the direction of the difference. */
    public static Significance overlappingIntervals(Estimate area, Estimate comparator) {
        if (!area.hasValue() || !area.hasInterval() || !comparator.hasValue() || !comparator.hasInterval()) {
            return Significance.NOT_COMPARED;
        }
        boolean overlap = comparator.value() < area.value()
                ? area.lower() <= comparator.upper()
                : comparator.lower() <= area.upper();
        if (overlap) {
            return Significance.SIMILAR;
        }
        return area.value() < comparator.value() ? Significance.LOWER : Significance.HIGHER;
    }

    /**
     * Proportion against Wilson-score control limits around the benchmark proportion at the area's
     * denominator.
     *
     * @param value      the area's value on the indicator's scale (e.g. a percentage)
     * @param benchmark  the benchmark on the same scale
     * @param unit       the scale: 100 for percentages, 1 for proportions
     */
    public static Significance spcForProportions(
            double value, double denominator, double benchmark, double unit, double confidence) {
        if (Double.isNaN(value) || Double.isNaN(benchmark) || !(denominator > 0)) {
            return Significance.NOT_COMPARED;
        }
        double p0 = benchmark / unit;
        double expected = denominator * p0;
        double lower = Proportions.wilsonLower(expected, denominator, confidence);
        double upper = Proportions.wilsonUpper(expected, denominator, confidence);
        return outside(value / unit, lower, upper);
    }

    /**
     * Rate against Poisson control limits for the number of events the benchmark rate would give in
     * the area's population.
     *
     * @param population the area's (standard) population, Fingertips' "denominator 2"
     * @param unit       the rate multiplier, e.g. 100,000
     */
    public static Significance spcForDsr(
            double value, double population, double benchmark, double unit, double confidence) {
        if (Double.isNaN(value) || Double.isNaN(benchmark) || !(population > 0)) {
            return Significance.NOT_COMPARED;
        }
        double c = Confidence.normalise(confidence);
        double tail = (1 - c) / 2;
        double expected = benchmark * population / unit;
        double lower = PoissonSearch.lowerMean(expected, tail) / population * unit;
        double upper = PoissonSearch.upperMean(expected, tail) / population * unit;
        return outside(value, lower, upper);
    }

    private static Significance outside(double value, double lower, double upper) {
        if (upper < value) {
            return Significance.HIGHER;
        }
        if (lower > value) {
            return Significance.LOWER;
        }
        return Significance.SIMILAR;
    }
}
