package org.openphm.analyses.performance;

import org.openphm.stats.spc.AssuranceIcon;
import org.openphm.stats.spc.SpcChart;
import org.openphm.stats.spc.SpcOptions;
import org.openphm.stats.spc.SpcPoint;
import org.openphm.stats.spc.VariationIcon;

/**
 * Making Data Count SPC for one metric series: every point the feed holds (30 months here, above MDC's
 * 15-point minimum; the dashboards' 12 months alone would be a run chart), improvement direction from the
 * metric's polarity, and the standing target (not the monthly plan, which moves) for the assurance icon.
 * Everything statistical is {@link SpcChart}'s; this class only feeds it and words its answers for the pack.
 */
public final class MetricSpc {
    private MetricSpc() {}

    public static SpcChart of(MetricSeries series) {
        return SpcChart.compute(
                series.values(), SpcOptions.makingDataCount(series.polarity().direction(), standingTarget(series)));
    }

    /** The latest standing target in the series: assurance asks whether the process will meet it from now on. */
    static Double standingTarget(MetricSeries series) {
        for (int i = series.points().size() - 1; i >= 0; i--) {
            if (series.points().get(i).target() != null) {
                return series.points().get(i).target();
            }
        }
        return null;
    }

    /** The wording publish's SpcIcon reads ("Special cause improvement (high)", "Common cause", ...). */
    public static String variation(VariationIcon icon) {
        return switch (icon) {
            case COMMON_CAUSE -> "Common cause";
            case IMPROVEMENT_HIGH -> "Special cause improvement (high)";
            case IMPROVEMENT_LOW -> "Special cause improvement (low)";
            case CONCERN_HIGH -> "Special cause concern (high)";
            case CONCERN_LOW -> "Special cause concern (low)";
            case NEITHER_HIGH -> "Special cause neither (high)";
            case NEITHER_LOW -> "Special cause neither (low)";
            case NONE -> null;
        };
    }

    public static String assurance(AssuranceIcon icon) {
        return switch (icon) {
            case CONSISTENTLY_PASS -> "Consistently passing the target";
            case CONSISTENTLY_FAIL -> "Consistently failing the target";
            case INCONSISTENT -> "Hit and miss";
            case NONE -> null;
        };
    }

    /** The point's colour on the chart: "improvement", "concern", "neither" or "" for common cause. */
    public static String flag(SpcPoint p) {
        if (p.variation().isImprovement()) {
            return "improvement";
        }
        if (p.variation().isConcern()) {
            return "concern";
        }
        return p.variation().isSpecialCause() ? "neither" : "";
    }

    /** The rules that fired at a point, e.g. "outside limits (high); shift (high)", for readers who ask why. */
    public static String rules(SpcPoint p) {
        return p.signals().stream()
                .sorted()
                .map(s -> s.rule().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " ("
                        + s.side().name().toLowerCase(java.util.Locale.ROOT) + ")")
                .reduce((a, b) -> a + "; " + b)
                .orElse("");
    }
}
