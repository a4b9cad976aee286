package org.openphm.stats.spc;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An XmR statistical process control chart read by the NHS England Making Data Count rules.
 *
 * <p>Limits are computed per rebase group ({@link ProcessLimits}); the shift and two-of-three rules work within
 * a rebase group; the trend rule works within a group or across the chart ({@link SpcOptions#trendAcrossRebase}).
 * Each point gets every {@link Signal} that fires, one classifying signal and a variation icon; the summary
 * gives the last point's variation icon and the assurance icon against the target.
 *
 * <p>Used for the performance dashboard metrics (DP 7.2-7.6, 8.12). A 12-month series is below the MDC
 * minimum of 15 points and comes out as a run chart (no limits, no icons): give such metrics more history,
 * or lower {@link SpcOptions#minimumPoints()} explicitly and say so where the chart is published.
 *
 * @param points one row per input value, in input (time) order
 * @param summary the icons for the latest point
 */
public record SpcChart(List<SpcPoint> points, SpcSummary summary) {

    public SpcChart {
        points = List.copyOf(points);
        Objects.requireNonNull(summary, "summary");
    }

    /**
     * Builds the chart.
     *
     * @param values measurements in time order; no nulls (leave missing periods out)
     */
    public static SpcChart compute(List<Double> values, SpcOptions options) {
        double[] y = new double[values.size()];
        for (int i = 0; i < y.length; i++) {
            Double v = values.get(i);
            if (v == null || !Double.isFinite(v)) {
                throw new IllegalArgumentException("value " + i + " is " + v + "; SPC needs a finite value per point");
            }
            y[i] = v;
        }
        if (y.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        if (!options.rebaseAt().isEmpty()
                && options.rebaseAt().get(options.rebaseAt().size() - 1) >= y.length) {
            throw new IllegalArgumentException("rebase index beyond the last point: " + options.rebaseAt());
        }
        return new Builder(y, options).build();
    }

    /** Counts of a rebase group's points, as NHSRplotthedots' summary() gives them. */
    public GroupCounts countsForRebaseGroup(int group) {
        int n = 0;
        int common = 0;
        int improvement = 0;
        int concern = 0;
        for (SpcPoint p : points) {
            if (p.rebaseGroup() != group) {
                continue;
            }
            n++;
            common += p.isSpecialCause() ? 0 : 1;
            improvement += p.variation().isImprovement() ? 1 : 0;
            concern += p.variation().isConcern() ? 1 : 0;
        }
        return new GroupCounts(n, common, improvement, concern);
    }

    public int lastRebaseGroup() {
        return points.get(points.size() - 1).rebaseGroup();
    }

    /** Points of one rebase group by classification. */
    public record GroupCounts(int points, int commonCause, int improvement, int concern) {}

    /** The per-chart working state; one use. */
    private static final class Builder {
        private final double[] y;
        private final SpcOptions options;
        private final int[] group;
        private final ProcessLimits[] limits;
        private final List<Set<Signal>> signals = new ArrayList<>();
        private final boolean[] inTrend;
        private final boolean limitsShown;

        Builder(double[] y, SpcOptions options) {
            this.y = y;
            this.options = options;
            this.group = new int[y.length];
            this.limits = new ProcessLimits[y.length];
            this.inTrend = new boolean[y.length];
            this.limitsShown = y.length >= options.minimumPoints();
            for (int i = 0; i < y.length; i++) {
                signals.add(EnumSet.noneOf(Signal.class));
            }
        }

        SpcChart build() {
            List<int[]> groups = rebaseGroups();
            for (int g = 0; g < groups.size(); g++) {
                int[] range = groups.get(g);
                applyGroup(g, range[0], range[1]);
            }
            if (options.trendAcrossRebase()) {
                applyTrend(0, y.length);
            } else {
                for (int[] range : groups) {
                    applyTrend(range[0], range[1]);
                }
            }
            List<SpcPoint> points = new ArrayList<>(y.length);
            for (int i = 0; i < y.length; i++) {
                points.add(point(i));
            }
            SpcPoint last = points.get(points.size() - 1);
            return new SpcChart(points, new SpcSummary(last.variation(), assurance(last), limitsShown));
        }

        private List<int[]> rebaseGroups() {
            List<int[]> ranges = new ArrayList<>();
            int start = 0;
            for (int at : options.rebaseAt()) {
                ranges.add(new int[] {start, at});
                start = at;
            }
            ranges.add(new int[] {start, y.length});
            return ranges;
        }

        /** Limits, outside-limit, shift and two-of-three signals for points [from, to). */
        private void applyGroup(int g, int from, int to) {
            int basisEnd = options.fixAfterN() == null ? to : Math.min(to, from + options.fixAfterN());
            double[] basis = java.util.Arrays.copyOfRange(y, from, basisEnd);
            ProcessLimits groupLimits = ProcessLimits.of(basis, options.screenOutliers());
            int n = to - from;
            int[] sides = new int[n];
            boolean[] beyond = new boolean[n];
            for (int k = 0; k < n; k++) {
                int i = from + k;
                group[i] = g;
                limits[i] = groupLimits;
                sides[k] = (int) Math.signum(y[i] - groupLimits.mean());
                if (groupLimits.defined()) {
                    beyond[k] = groupLimits.beyondTwoSigma(y[i]);
                    if (y[i] > groupLimits.upperProcessLimit()) {
                        signals.get(i).add(Signal.ABOVE_UPPER_LIMIT);
                    } else if (y[i] < groupLimits.lowerProcessLimit()) {
                        signals.get(i).add(Signal.BELOW_LOWER_LIMIT);
                    }
                }
            }
            boolean[] shift =
                    RunRules.spreadBack(RunRules.shiftEnds(sides, options.shiftLength()), options.shiftLength());
            boolean[] twoOfThree = RunRules.twoOfThree(beyond, sides);
            for (int k = 0; k < n; k++) {
                Side side = sides[k] > 0 ? Side.HIGH : Side.LOW;
                if (shift[k]) {
                    signals.get(from + k).add(Signal.of(SpecialCauseRule.SHIFT, side));
                }
                if (twoOfThree[k]) {
                    signals.get(from + k).add(Signal.of(SpecialCauseRule.TWO_OF_THREE, side));
                }
            }
        }

        /** Trend signals for points [from, to). */
        private void applyTrend(int from, int to) {
            double[] segment = java.util.Arrays.copyOfRange(y, from, to);
            int[] ends = RunRules.trendEnds(segment, options.trendLength());
            int[] up = new int[ends.length];
            int[] down = new int[ends.length];
            for (int k = 0; k < ends.length; k++) {
                up[k] = ends[k] > 0 ? 1 : 0;
                down[k] = ends[k] < 0 ? 1 : 0;
            }
            boolean[] inUp = RunRules.spreadBack(up, options.trendLength());
            boolean[] inDown = RunRules.spreadBack(down, options.trendLength());
            for (int k = 0; k < ends.length; k++) {
                if (inUp[k]) {
                    signals.get(from + k).add(Signal.TREND_INCREASING);
                }
                if (inDown[k]) {
                    signals.get(from + k).add(Signal.TREND_DECREASING);
                }
                inTrend[from + k] = inUp[k] || inDown[k];
            }
        }

        private SpcPoint point(int i) {
            ProcessLimits l = limits[i];
            boolean show = limitsShown && l.defined();
            Set<Signal> fired = limitsShown ? signals.get(i) : Set.of();
            Signal cause = classify(i, fired);
            VariationIcon variation = !limitsShown
                    ? VariationIcon.NONE
                    : cause == null ? VariationIcon.COMMON_CAUSE : VariationIcon.of(options.direction(), cause.side());
            return new SpcPoint(
                    i,
                    y[i],
                    group[i],
                    l.mean(),
                    show ? l.lowerProcessLimit() : null,
                    show ? l.upperProcessLimit() : null,
                    show ? l.lowerTwoSigma() : null,
                    show ? l.lowerOneSigma() : null,
                    show ? l.upperOneSigma() : null,
                    show ? l.upperTwoSigma() : null,
                    fired,
                    cause,
                    variation);
        }

        private Signal classify(int i, Set<Signal> fired) {
            if (fired.isEmpty()) {
                return null;
            }
            return switch (options.conflictRule()) {
                case RULE_PRIORITY -> byRulePriority(i, fired);
                case IMPROVEMENT -> onSide(fired, preferredSide(true));
                case CONCERN -> onSide(fired, preferredSide(false));
            };
        }

        /**
         * NHSRplotthedots labelling: the first rule in priority order; a trend point takes the direction of the
         * step to the next point when that point is also in a trend, else of the step from the previous point
         * (ptd_special_cause_type, "if a point is part of a trend either side, use right side").
         */
        private Signal byRulePriority(int i, Set<Signal> fired) {
            Signal first = fired.iterator().next(); // EnumSet iterates in declaration (priority) order
            if (first.rule() != SpecialCauseRule.TREND) {
                return first;
            }
            boolean nextInTrend = i + 1 < y.length && inTrend[i + 1] && sameTrendSegment(i, i + 1);
            double step = nextInTrend ? y[i + 1] - y[i] : y[i] - y[i - 1];
            return step > 0 ? Signal.TREND_INCREASING : Signal.TREND_DECREASING;
        }

        private boolean sameTrendSegment(int a, int b) {
            return options.trendAcrossRebase() || group[a] == group[b];
        }

        /** MDC: when signals point both ways, the conflict rule decides which side is shown. */
        private Side preferredSide(boolean improvement) {
            return switch (options.direction()) {
                case INCREASE -> improvement ? Side.HIGH : Side.LOW;
                case DECREASE -> improvement ? Side.LOW : Side.HIGH;
                case NEITHER -> Side.HIGH;
            };
        }

        private static Signal onSide(Set<Signal> fired, Side preferred) {
            Signal other = null;
            for (Signal s : fired) {
                if (s.side() == preferred) {
                    return s;
                }
                if (other == null) {
                    other = s;
                }
            }
            return other;
        }

        private AssuranceIcon assurance(SpcPoint last) {
            if (!options.hasAssurance() || last.upperProcessLimit() == null) {
                return AssuranceIcon.NONE;
            }
            return AssuranceIcon.judge(
                    options.direction(),
                    options.target(),
                    last.lowerProcessLimit(),
                    last.upperProcessLimit(),
                    options.targetOnLimitIsConsistent());
        }
    }
}
