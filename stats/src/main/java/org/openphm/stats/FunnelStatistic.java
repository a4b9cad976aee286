package org.openphm.stats;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * What a funnel plot shows, with the settings each kind needs (PHEindicatormethods
 * {@code calculate_funnel_limits} arguments {@code statistic}, {@code multiplier},
 * {@code ratio_type}, {@code rate_type}, {@code years_of_data}).
 */
public sealed interface FunnelStatistic {

    /** The package's label for the "statistic" column, e.g. "rate (dsr per 100,000)". */
    String label();

    /** "Wilson" for proportions, "Poisson" for ratios and rates, as the package labels the method. */
    String method();

    /**
     * A proportion x/n on a Wilson-score funnel (e.g. a percentage with multiplier 100).
     *
     * @param multiplier 1 for a proportion, 100 for a percentage
     */
    record Proportion(double multiplier) implements FunnelStatistic {
        public Proportion {
            requirePositive(multiplier, "multiplier");
        }

        @Override
        public String label() {
            return "proportion";
        }

        @Override
        public String method() {
            return "Wilson";
        }
    }

    /**
     * Observed / expected events on a Poisson funnel, shown either as a standardised ratio ×100
     * (an ISR/SMR, 100 = as expected) or as a count ratio − 1 (0 = as expected).
     */
    record Ratio(Scale scale) implements FunnelStatistic {

        public enum Scale {
            /** observed / expected − 1 (the package's {@code ratio_type = "count"}). */
            COUNT,
            /** observed / expected × 100 (the package's {@code ratio_type = "isr"}). */
            ISR
        }

        public Ratio {
            if (scale == null) {
                throw new IllegalArgumentException("ratio scale must be COUNT or ISR");
            }
        }

        @Override
        public String label() {
            return "ratio (" + scale.name().toLowerCase(Locale.ROOT) + ")";
        }

        @Override
        public String method() {
            return "Poisson";
        }

        /** The ratio observed/expected on this scale. */
        double scaled(double ratio) {
            return scale == Scale.COUNT ? ratio - 1 : ratio * 100;
        }
    }

    /**
     * A crude or directly standardised rate on a Poisson funnel. The population behind each area's
     * rate is derived as events × multiplier / rate, which for a DSR is the population that would
     * give the same events at that rate (the package's "denominator_derived").
     *
     * @param multiplier  the rate's multiplier, e.g. 100,000
     * @param yearsOfData how many years the events cover, so the chart's x-axis is population per year
     */
    record Rate(Type type, double multiplier, double yearsOfData) implements FunnelStatistic {

        public enum Type {
            /** Directly standardised rate: not shown or tested from fewer than 10 events. */
            DSR,
            CRUDE
        }

        /** Fingertips withholds DSRs from fewer than 10 events, so funnels do too. */
        static final double DSR_MINIMUM_EVENTS = 10;

        public Rate {
            if (type == null) {
                throw new IllegalArgumentException("rate type must be DSR or CRUDE");
            }
            requirePositive(multiplier, "multiplier");
            requirePositive(yearsOfData, "years of data");
        }

        /** A rate for significance testing only, where the number of years does not matter. */
        public static Rate of(Type type, double multiplier) {
            return new Rate(type, multiplier, 1);
        }

        @Override
        public String label() {
            DecimalFormat grouped = new DecimalFormat("#,##0.##########", DecimalFormatSymbols.getInstance(Locale.UK));
            return "rate (" + type.name().toLowerCase(Locale.ROOT) + " per " + grouped.format(multiplier) + ")";
        }

        @Override
        public String method() {
            return "Poisson";
        }

        /**
         * The population behind an area's rate, over all its years: events × multiplier / rate;
         * for a crude rate with no events the supplied population (no rate can give it). NaN for
         * a DSR with no events, which then plays no part in the funnel's average.
         */
        double derivedDenominator(FunnelArea area) {
            if (area.numerator() == 0) {
                return type == Type.CRUDE ? area.denominator() : Double.NaN;
            }
            return multiplier * area.numerator() / area.rate();
        }
    }

    private static void requirePositive(double value, String what) {
        if (!(value > 0)) {
            throw new IllegalArgumentException(what + " must be greater than zero: " + value);
        }
    }
}
