package org.openphm.analyses.performance;

import org.openphm.stats.Polarity;

/**
 * The DP 7.3 colour keys. "Key - % plan: <95% | >=95%, <100% | >=100%"; "Key - % change: Worsened |
 * >=0%, <0.5% improvement | >=0.5% improvement". The measure's kind is read from its id's suffix in the feed
 * (synth feeds SOURCES.md: "% of plan and % change, or plan difference and change").
 */
public enum BenchmarkKey {
    BELOW_95_PCT_OF_PLAN("Below 95% of plan", "red"),
    FROM_95_TO_100_PCT_OF_PLAN("95% to under 100% of plan", "amber"),
    AT_OR_ABOVE_PLAN("At or above plan", "green"),
    WORSE_THAN_PLAN("Worse than plan", "red"),
    AT_OR_BETTER_THAN_PLAN("At or better than plan", "green"),
    WORSENED("Worsened", "red"),
    IMPROVED_UNDER_HALF("No change or improved by under 0.5", "amber"),
    IMPROVED_HALF_OR_MORE("Improved by 0.5 or more", "green");

    private final String label;
    private final String colour;

    BenchmarkKey(String label, String colour) {
        this.label = label;
        this.colour = colour;
    }

    public String label() {
        return label;
    }

    public String colour() {
        return colour;
    }

    /** What a benchmarking column measures, from the metric id's suffix. */
    public enum Kind {
        PERCENT_OF_PLAN("_pct_plan", "% of plan"),
        PLAN_DIFFERENCE("_plan_diff", "Difference from plan"),
        PERCENT_CHANGE("_pct_change", "% change"),
        CHANGE("_change", "Change");

        private final String suffix;
        private final String label;

        Kind(String suffix, String label) {
            this.suffix = suffix;
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** The kind and the measure's stem (e.g. "mhb_cyp_access"); null if the id has none of the suffixes. */
        public static Kind of(String metricId) {
            // longest suffixes first: "_pct_change" also ends with "_change"
            for (Kind k : new Kind[] {PERCENT_OF_PLAN, PLAN_DIFFERENCE, PERCENT_CHANGE, CHANGE}) {
                if (metricId.endsWith(k.suffix)) {
                    return k;
                }
            }
            return null;
        }

        public String stem(String metricId) {
            return metricId.substring(0, metricId.length() - suffix.length());
        }
    }

    /**
     * The key of a value. % of plan follows the DP's bands (they assume more is better, as for every such
     * measure in DP 7.3). A difference from plan has no printed key: here it is at/better or worse than plan in the
     * measure's direction. A change (percent or absolute) is judged in the measure's direction with the DP's 0.5
     * boundary, in the measure's own unit (points, days, placements) where it is not a percentage.
     */
    public static BenchmarkKey of(Kind kind, Polarity polarity, double value) {
        return switch (kind) {
            case PERCENT_OF_PLAN ->
                value < 95 ? BELOW_95_PCT_OF_PLAN : value < 100 ? FROM_95_TO_100_PCT_OF_PLAN : AT_OR_ABOVE_PLAN;
            case PLAN_DIFFERENCE -> polarity.better(value) < 0 ? WORSE_THAN_PLAN : AT_OR_BETTER_THAN_PLAN;
            case PERCENT_CHANGE, CHANGE -> {
                double improvement = polarity == Polarity.LOW_IS_GOOD ? -value : value;
                yield improvement < 0 ? WORSENED : improvement < 0.5 ? IMPROVED_UNDER_HALF : IMPROVED_HALF_OR_MORE;
            }
        };
    }
}
