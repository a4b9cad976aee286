package org.openphm.stats.spc;

import java.util.List;
import java.util.Objects;

/**
 * How an XmR chart is built and read. {@link #makingDataCount} gives the defaults of the NHS England Making
 * Data Count (MDC) tools; every way in which other tools differ is a named option here, never a silent
 * difference.
 *
 * @param shiftLength points in a row on one side of the mean that make a shift. MDC default 7
 *     (SPC SQL query v2.4 {@code @SettingSpecialCauseShiftPoints = 7}; the query warns outside 6-8). Some
 *     guidance (e.g. NHSDigital fdp-react-design-system SPC notes "a run of 6/7") uses 6; older texts 8.
 * @param trendLength points in a row, endpoints included, each higher (or lower) than the one before that make
 *     a trend. MDC default 7 ({@code @SettingSpecialCauseTrendPoints = 7}).
 * @param screenOutliers drop moving ranges at or above 3.267 x the mean moving range before setting limits.
 *     MDC Excel and SQL tools: off ({@code @ExcludeMovingRangeOutliers = 0}); NHSRplotthedots: on by default
 *     (vignettes/deviations.Rmd, after Nelson 1982). Implemented as NHSRplotthedots does it (the moving-range
 *     mean only; the SQL variant, which also drops those points from the mean, is not implemented).
 * @param fixAfterN when not null, the mean and limits of each rebase group come from its first n points only
 *     (NHSRplotthedots {@code fix_after_n_points}; the MDC "baseline").
 * @param rebaseAt zero-based indexes of the points at which limits are recalculated (each starts a new
 *     rebase group; MDC "recalculate limits", NHSRplotthedots {@code rebase}).
 * @param minimumPoints fewer points than this and the chart is a run chart: mean only, no limits, no special
 *     cause, no icons. MDC default 15 (SPC SQL query v2.4 {@code @SettingMinimumPoints = 15}: "the minimum
 *     number of non-ghosted points needed for each chart ... to display as an SPC chart. Will otherwise
 *     display as a run chart, with SPC elements removed"). NHSRplotthedots always draws limits (it warns
 *     that limits from fewer than 12 points are trial limits): use 1.
 * @param direction which way is improvement.
 * @param target optional target for the assurance icon; ignored when the direction is {@code NEITHER}.
 * @param trendAcrossRebase whether a trend may run across a rebase. MDC SQL v2.2 onwards: yes ("allowing for
 *     crossing of partitions"); NHSRplotthedots: no, every rule works within a rebase group.
 * @param conflictRule how to label a point flagged in both directions (see {@link ConflictRule}).
 * @param targetOnLimitIsConsistent whether a target exactly on a process limit gives a consistent pass/fail.
 *     MDC SQL v2.1 onwards: yes ("a pass/fail when the target is on a process limit"); NHSRplotthedots: no
 *     (strict comparison: inconsistent).
 */
public record SpcOptions(
        int shiftLength,
        int trendLength,
        boolean screenOutliers,
        Integer fixAfterN,
        List<Integer> rebaseAt,
        int minimumPoints,
        ImprovementDirection direction,
        Double target,
        boolean trendAcrossRebase,
        ConflictRule conflictRule,
        boolean targetOnLimitIsConsistent) {

    /** MDC SPC SQL query v2.4 default for {@link #minimumPoints}. */
    public static final int MDC_MINIMUM_POINTS = 15;

    public SpcOptions {
        if (shiftLength < 2) {
            throw new IllegalArgumentException("shiftLength must be at least 2, was " + shiftLength);
        }
        if (trendLength < 3) {
            throw new IllegalArgumentException("trendLength must be at least 3, was " + trendLength);
        }
        if (fixAfterN != null && fixAfterN < 2) {
            throw new IllegalArgumentException("fixAfterN must be at least 2 (one moving range), was " + fixAfterN);
        }
        rebaseAt = List.copyOf(Objects.requireNonNull(rebaseAt, "rebaseAt"));
        for (int i = 0; i < rebaseAt.size(); i++) {
            if (rebaseAt.get(i) < 1 || (i > 0 && rebaseAt.get(i) <= rebaseAt.get(i - 1))) {
                throw new IllegalArgumentException(
                        "rebaseAt must be increasing point indexes after the first point: " + rebaseAt);
            }
        }
        if (minimumPoints < 1) {
            throw new IllegalArgumentException("minimumPoints must be at least 1, was " + minimumPoints);
        }
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(conflictRule, "conflictRule");
        if (target != null && !Double.isFinite(target)) {
            throw new IllegalArgumentException("target must be finite, was " + target);
        }
    }

    /**
     * The Making Data Count defaults (SPC SQL query v2.4 settings): 7-point shift and trend, no outlier
     * screening, no fixed baseline, no rebase, at least 15 points, trends may cross a rebase, a target on a
     * limit counts as consistent. The SQL query makes the metric owner choose the conflict rule; we default
     * to {@link ConflictRule#IMPROVEMENT} as NHS England's Core Data Pack adaptation of the query (v2.5) does.
     */
    public static SpcOptions makingDataCount(ImprovementDirection direction, Double target) {
        return new SpcOptions(
                7,
                7,
                false,
                null,
                List.of(),
                MDC_MINIMUM_POINTS,
                direction,
                target,
                true,
                ConflictRule.IMPROVEMENT,
                true);
    }

    /**
     * NHSRplotthedots 0.2.2 defaults ({@code ptd_spc}): outlier screening on, limits from any number of points,
     * every rule within a rebase group, rule-priority labels, strict target comparison.
     */
    public static SpcOptions nhsrPlotTheDots(ImprovementDirection direction, Double target) {
        return new SpcOptions(
                7, 7, true, null, List.of(), 1, direction, target, false, ConflictRule.RULE_PRIORITY, false);
    }

    public SpcOptions withShiftLength(int n) {
        return new SpcOptions(
                n,
                trendLength,
                screenOutliers,
                fixAfterN,
                rebaseAt,
                minimumPoints,
                direction,
                target,
                trendAcrossRebase,
                conflictRule,
                targetOnLimitIsConsistent);
    }

    public SpcOptions withTrendLength(int n) {
        return new SpcOptions(
                shiftLength,
                n,
                screenOutliers,
                fixAfterN,
                rebaseAt,
                minimumPoints,
                direction,
                target,
                trendAcrossRebase,
                conflictRule,
                targetOnLimitIsConsistent);
    }

    public SpcOptions withScreenOutliers(boolean screen) {
        return new SpcOptions(
                shiftLength,
                trendLength,
                screen,
                fixAfterN,
                rebaseAt,
                minimumPoints,
                direction,
                target,
                trendAcrossRebase,
                conflictRule,
                targetOnLimitIsConsistent);
    }

    public SpcOptions withFixAfterN(Integer n) {
        return new SpcOptions(
                shiftLength,
                trendLength,
                screenOutliers,
                n,
                rebaseAt,
                minimumPoints,
                direction,
                target,
                trendAcrossRebase,
                conflictRule,
                targetOnLimitIsConsistent);
    }

    public SpcOptions withRebaseAt(List<Integer> indexes) {
        return new SpcOptions(
                shiftLength,
                trendLength,
                screenOutliers,
                fixAfterN,
                indexes,
                minimumPoints,
                direction,
                target,
                trendAcrossRebase,
                conflictRule,
                targetOnLimitIsConsistent);
    }

    public SpcOptions withMinimumPoints(int n) {
        return new SpcOptions(
                shiftLength,
                trendLength,
                screenOutliers,
                fixAfterN,
                rebaseAt,
                n,
                direction,
                target,
                trendAcrossRebase,
                conflictRule,
                targetOnLimitIsConsistent);
    }

    public SpcOptions withConflictRule(ConflictRule rule) {
        return new SpcOptions(
                shiftLength,
                trendLength,
                screenOutliers,
                fixAfterN,
                rebaseAt,
                minimumPoints,
                direction,
                target,
                trendAcrossRebase,
                rule,
                targetOnLimitIsConsistent);
    }

    public SpcOptions withTrendAcrossRebase(boolean across) {
        return new SpcOptions(
                shiftLength,
                trendLength,
                screenOutliers,
                fixAfterN,
                rebaseAt,
                minimumPoints,
                direction,
                target,
                across,
                conflictRule,
                targetOnLimitIsConsistent);
    }

    /** Whether an assurance icon can be given at all. */
    boolean hasAssurance() {
        return target != null && direction != ImprovementDirection.NEITHER;
    }
}
