package org.openphm.stats;

import java.util.List;

/**
 * Indirectly standardised ratios (e.g. SMRs) and rates (Fingertips; PHEindicatormethods
 * {@code calculate_ISRatio} and {@code calculate_ISRate}).
 *
 * <pre>
 *   expected = Σ refCount_i / refPop_i × pop_i       (missing values count as 0)
 *   ratio    = observed / expected × refValue         (refValue 1 or 100)
 *   rate     = observed / expected × refRate,   refRate = Σ refCount / Σ refPop × multiplier
 * </pre>
 * Limits scale the Poisson limits of the observed count the same way (exact below 10, Byar's from 10).
 */
public final class IndirectStandardisation {

    /**
     * One age (or age-sex) band of the local area with its reference (e.g. England) counterpart.
     * A local population of 0 is allowed: the band adds nothing to expected but its events still count.
     */
    public record Band(double count, double population, double referenceCount, double referencePopulation) {}

    /**
     * @param referenceRate the crude reference rate × multiplier (NaN for a ratio)
     */
    public record Result(double observed, double expected, double referenceRate, Estimate estimate) {}

    private IndirectStandardisation() {}

    /** Ratio of observed to expected events × refValue (1, or 100 for an SMR per 100). */
    public static Result ratio(List<Band> bands, double refValue, double confidence) {
        return ratio(observed(bands), bands, refValue, confidence);
    }

    /** Ratio when observed events are known only as a total (the reference's {@code observed_totals}). */
    public static Result ratio(double observed, List<Band> bands, double refValue, double confidence) {
        double expected = expected(bands);
        return new Result(observed, expected, Double.NaN, scaled(observed, expected, refValue, confidence));
    }

    /** Indirectly standardised rate: observed / expected × the crude reference rate. */
    public static Result rate(List<Band> bands, double multiplier, double confidence) {
        return rate(observed(bands), bands, multiplier, confidence);
    }

    /** Indirectly standardised rate when observed events are known only as a total. */
    public static Result rate(double observed, List<Band> bands, double multiplier, double confidence) {
        double expected = expected(bands);
        double referenceRate = referenceRate(bands, multiplier);
        return new Result(observed, expected, referenceRate, scaled(observed, expected, referenceRate, confidence));
    }

    private static Estimate scaled(double observed, double expected, double factor, double confidence) {
        double c = Confidence.normalise(confidence);
        if (observed < 0) {
            throw new IllegalArgumentException("numerators must all be greater than or equal to zero");
        }
        double scale = factor / expected;
        return new Estimate(
                observed * scale,
                PoissonLimits.lower(observed, c) * scale,
                PoissonLimits.upper(observed, c) * scale,
                c,
                PoissonLimits.method(observed),
                "");
    }

    private static double observed(List<Band> bands) {
        double observed = 0;
        for (Band b : bands) {
            if (b.count() < 0) {
                throw new IllegalArgumentException("numerators must all be greater than or equal to zero");
            }
            observed += zeroIfMissing(b.count());
        }
        return observed;
    }

    private static double expected(List<Band> bands) {
        if (bands.isEmpty()) {
            throw new IllegalArgumentException("at least one band is required");
        }
        double expected = 0;
        for (Band b : bands) {
            if (b.population() < 0) {
                throw new IllegalArgumentException("denominators must all be greater than or equal to zero");
            }
            expected += zeroIfMissing(b.referenceCount()) / b.referencePopulation() * zeroIfMissing(b.population());
        }
        return expected;
    }

    private static double referenceRate(List<Band> bands, double multiplier) {
        double events = 0;
        double population = 0;
        for (Band b : bands) {
            events += zeroIfMissing(b.referenceCount());
            population += b.referencePopulation();
        }
        return events / population * multiplier;
    }

    private static double zeroIfMissing(double x) {
        return Double.isNaN(x) ? 0 : x;
    }
}
