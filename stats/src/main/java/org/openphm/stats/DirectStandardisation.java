package org.openphm.stats;

import java.util.List;
import java.util.Map;

/**
 * Directly standardised rates with Dobson confidence intervals (Fingertips; PHEindicatormethods
 * {@code calculate_dsr}, formerly {@code phe_dsr}).
 *
 * <pre>
 *   DSR      = Σ(x_i·s_i/n_i) / Σs_i × multiplier
 *   var(DSR) = Σ(x_i·(s_i/n_i)²) / (Σs_i)²
 *   limit    = DSR + √(var/X) · (Byar(X) − X) × multiplier,   X = Σx_i
 * </pre>
 *
 * Byar's limits are used at every count (no exact switch), as the reference does. When the total
 * count is below 10 the value and limits are not returned and the note says so (Fingertips
 * suppresses DSRs from fewer than 10 events).
 */
public final class DirectStandardisation {

    public static final String METHOD = "Dobson";
    public static final String METHOD_NON_INDEPENDENT = "Dobson, with confidence adjusted for non-independent events";
    public static final String NOTE_SMALL_COUNT = "dsr NA for total count < 10";
    /** Fingertips does not publish a DSR from fewer events than this. */
    public static final double MINIMUM_TOTAL_COUNT = 10;

    /**
     * One age (or age-sex) band.
     *
     * @param count              events in the band; NaN means none recorded and counts as 0
     * @param population         the band's population (person-years), must be &gt; 0
     * @param standardPopulation the standard population weight, e.g. from {@link EuropeanStandardPopulation}
     */
    public record Band(double count, double population, double standardPopulation) {}

    /**
     * One band when a person can have several events, for the non-independent-events variant.
     *
     * @param personsByEventCount number of persons with exactly K events, keyed by K ≥ 1; NaN counts as 0
     */
    public record EventFrequencyBand(
            double population, double standardPopulation, Map<Integer, Double> personsByEventCount) {
        public EventFrequencyBand {
            personsByEventCount = Map.copyOf(personsByEventCount);
        }
    }

    /** A DSR with the totals it was computed from. */
    public record Result(double totalCount, double totalPopulation, Estimate estimate) {}

    private DirectStandardisation() {}

    /** DSR with the 2013 European Standard Population; bands must be the 19 ESP2013 bands in age order. */
    public static Result esp2013(double[] counts, double[] populations, double multiplier, double confidence) {
        double[] weights = EuropeanStandardPopulation.weights();
        if (counts.length != weights.length || populations.length != weights.length) {
            throw new IllegalArgumentException("ESP2013 needs " + weights.length + " age bands");
        }
        Band[] bands = new Band[weights.length];
        for (int i = 0; i < bands.length; i++) {
            bands[i] = new Band(counts[i], populations[i], weights[i]);
        }
        return dsr(List.of(bands), multiplier, confidence);
    }

    /** DSR assuming each event is independent (one event per person, or Poisson events). */
    public static Result dsr(List<Band> bands, double multiplier, double confidence) {
        validate(
                bands.stream()
                        .map(b -> new double[] {b.count(), b.population(), b.standardPopulation()})
                        .toList(),
                multiplier);
        double totalCount = 0;
        double totalPopulation = 0;
        double weighted = 0;
        double squared = 0;
        double standardTotal = 0;
        for (Band b : bands) {
            double x = zeroIfMissing(b.count());
            double w = b.standardPopulation() / b.population();
            totalCount += x;
            totalPopulation += b.population();
            weighted += x * w;
            squared += x * w * w;
            standardTotal += b.standardPopulation();
        }
        double variance = squared / (standardTotal * standardTotal);
        return result(
                totalCount,
                totalPopulation,
                weighted / standardTotal * multiplier,
                variance,
                multiplier,
                confidence,
                METHOD);
    }

    /**
     * DSR whose confidence interval allows for people with more than one event: the Dobson variance
     * is computed separately for the persons with exactly K events and combined as Σ K²·var_K
     * (PHEindicatormethods {@code calculate_dsr(independent_events = FALSE)}).
     */
    public static Result dsrNonIndependent(List<EventFrequencyBand> bands, double multiplier, double confidence) {
        validate(
                bands.stream()
                        .map(b -> new double[] {0, b.population(), b.standardPopulation()})
                        .toList(),
                multiplier);
        double standardTotal = bands.stream()
                .mapToDouble(EventFrequencyBand::standardPopulation)
                .sum();
        double totalEvents = 0;
        double totalPopulation = 0;
        double weighted = 0;
        double variance = 0;
        for (EventFrequencyBand b : bands) {
            double w = b.standardPopulation() / b.population();
            totalPopulation += b.population();
            for (Map.Entry<Integer, Double> e : b.personsByEventCount().entrySet()) {
                int k = e.getKey();
                if (k < 0) {
                    throw new IllegalArgumentException("event frequency must not be negative: " + k);
                }
                double persons = zeroIfMissing(e.getValue());
                if (persons < 0) {
                    throw new IllegalArgumentException("numerators must all be greater than or equal to zero");
                }
                double events = k * persons;
                totalEvents += events;
                weighted += events * w;
                // var_K = Σ persons_K·w² / (Σs)², weighted by K² because each person contributes K events
                variance += (double) k * k * persons * w * w / (standardTotal * standardTotal);
            }
        }
        return result(
                totalEvents,
                totalPopulation,
                weighted / standardTotal * multiplier,
                variance,
                multiplier,
                confidence,
                METHOD_NON_INDEPENDENT);
    }

    private static Result result(
            double totalCount,
            double totalPopulation,
            double value,
            double variance,
            double multiplier,
            double confidence,
            String method) {
        double c = Confidence.normalise(confidence);
        if (totalCount < MINIMUM_TOTAL_COUNT) {
            return new Result(totalCount, totalPopulation, Estimate.missing(c, method, NOTE_SMALL_COUNT));
        }
        double scale = Math.sqrt(variance / totalCount) * multiplier;
        double lower = value + scale * (PoissonLimits.byarsLower(totalCount, c) - totalCount);
        double upper = value + scale * (PoissonLimits.byarsUpper(totalCount, c) - totalCount);
        return new Result(totalCount, totalPopulation, new Estimate(value, lower, upper, c, method, ""));
    }

    private static void validate(List<double[]> countPopStd, double multiplier) {
        if (countPopStd.isEmpty()) {
            throw new IllegalArgumentException("at least one band is required");
        }
        if (!(multiplier > 0)) {
            throw new IllegalArgumentException("multiplier must be greater than 0");
        }
        for (double[] b : countPopStd) {
            if (b[0] < 0) {
                throw new IllegalArgumentException("numerators must all be greater than or equal to zero");
            }
            if (Double.isNaN(b[1])) {
                throw new IllegalArgumentException("field n cannot have missing values");
            }
            if (b[1] <= 0) {
                throw new IllegalArgumentException("denominators must all be greater than zero");
            }
            if (Double.isNaN(b[2])) {
                throw new IllegalArgumentException("field stdpop cannot have missing values");
            }
            if (b[2] < 0) {
                throw new IllegalArgumentException("stdpop must all be greater than or equal to zero");
            }
        }
    }

    private static double zeroIfMissing(double x) {
        return Double.isNaN(x) ? 0 : x;
    }
}
