package org.openphm.publish.chart;

import java.util.List;
import org.openphm.model.Comparison;

/**
 * A chart resolved from its {@link org.openphm.model.results.ChartSpec} and the data: every number already picked, so the two renderers
 * (SVG for print, ECharts for the browser) and the key-point writer all see exactly the same figures.
 */
public sealed interface Chart {
    String title();

    String subtitle();

    /** The unit for formatting values ("%" or e.g. "per 100,000"; empty for counts). */
    String unit();

    /** The rows the chart was drawn from: shown by the table toggle and downloaded as CSV. */
    org.openphm.publish.results.DataTable source();

    /** Male and female counts (or shares) by age band, youngest band first. */
    record Pyramid(
            String title,
            String subtitle,
            String unit,
            List<String> bands,
            List<Double> male,
            List<Double> female,
            org.openphm.publish.results.DataTable source)
            implements Chart {}

    /**
     * Lines over an ordered x axis: a trend (periods, with England and parent comparators) or a projection
     * (years to 2043).
     *
     * @param band what a focus series' shaded {@code lower}–{@code upper} band is, as the chart description says
     *     (a projection's "p10–p90 of 256 Monte Carlo runs"); null for the indicators' 95% confidence interval
     */
    record Lines(
            String title,
            String subtitle,
            String unit,
            boolean projection,
            String xLabel,
            String yLabel,
            List<String> x,
            List<Series> series,
            String band,
            org.openphm.publish.results.DataTable source)
            implements Chart {

        /** The band as a caption or legend entry says it: "Shaded: " + this. */
        public String bandCaption() {
            return band == null ? "95% confidence interval" : band;
        }

        /** The band after a series' name ("Bedford 95% CI"), where the caption would be too long. */
        public String bandName() {
            return band == null ? "95% CI" : band;
        }
    }

    /**
     * @param role        comparators are drawn dashed so the focus area stands out
     * @param recentTrend the tidy results' recent_trend at the latest point, or null
     */
    record Series(
            String name,
            SeriesRole role,
            List<Double> values,
            List<Double> lower,
            List<Double> upper,
            String recentTrend) {}

    /**
     * FOCUS: the areas or things the chart is about, ranked and described; PARENT: the area they sit in; BENCHMARK:
     * a standard a focus series is read against (a threshold, the regional or national value), drawn dashed in
     * its own colour and never ranked with the focus; ENGLAND: England.
     */
    enum SeriesRole {
        FOCUS,
        PARENT,
        BENCHMARK,
        ENGLAND
    }

    /** Bars with confidence-interval whiskers, coloured by significance against {@code comparedTo}. */
    record Bars(
            String title,
            String subtitle,
            String unit,
            String xLabel,
            String yLabel,
            List<Bar> bars,
            List<Reference> references,
            String comparedTo,
            String ciLevel,
            org.openphm.publish.results.DataTable source)
            implements Chart {}

    record Bar(String label, Double value, Double lower, Double upper, Comparison comparison, String note) {}

    /** A comparator drawn as a horizontal line across the bars (England, the ICB). */
    record Reference(String label, double value) {}

    /**
     * A matrix of values by row and column.
     *
     * @param comorbidity declared by the chart's kind: each cell is the share of people with the row condition
     *     who also have the column condition, so the diagonal is a condition with itself
     */
    record Heatmap(
            String title,
            String subtitle,
            String unit,
            List<String> rows,
            List<String> columns,
            List<List<Double>> values,
            boolean comorbidity,
            org.openphm.publish.results.DataTable source)
            implements Chart {}

    /**
     * A Making Data Count SPC chart: the limits, special-cause flags and icons are computed by the analysis;
     * this only carries them.
     *
     * @param pointTypes what each point is, so its colour; a point before the latest may be special cause
     *     while the variation icon, which speaks of the latest point, says common cause
     * @param variation the variation icon of the latest point; null for a run chart
     */
    record Spc(
            String title,
            String subtitle,
            String unit,
            String yLabel,
            List<String> x,
            List<Double> values,
            List<Double> centre,
            List<Double> lower,
            List<Double> upper,
            Double target,
            List<SpcPointType> pointTypes,
            SpcIcon variation,
            SpcIcon assurance,
            org.openphm.publish.results.DataTable source)
            implements Chart {
        public Spc {
            if (pointTypes.size() != values.size()) {
                throw new IllegalArgumentException("SPC chart '" + title + "': " + pointTypes.size()
                        + " point types for " + values.size() + " values");
            }
            // The icon and the colour of the latest point are two carriers of one verdict: if they disagree
            // the chart's text and its drawing would contradict each other, so it is not drawn at all.
            for (int i = values.size() - 1; variation != null && i >= 0; i--) {
                if (values.get(i) != null) {
                    if (variation.type() != pointTypes.get(i)) {
                        throw new IllegalArgumentException("SPC chart '" + title + "': the variation icon is "
                                + variation.label() + " but the latest point (" + x.get(i) + ") is flagged "
                                + pointTypes.get(i).phrase());
                    }
                    break;
                }
            }
        }

        /** The special-cause types the chart colours at least one point with, for its legend. */
        public List<SpcPointType> specialCauseTypes() {
            return pointTypes.stream()
                    .filter(SpcPointType::isSpecialCause)
                    .distinct()
                    .sorted()
                    .toList();
        }
    }

    /**
     * A table; ranked tables are sorted by their value column, highest first, with a rank column.
     *
     * @param labelColumn the column that names a row: the chart description's "label", else a text column that
     *     varies; null for a plain table
     */
    record Table(
            String title,
            String subtitle,
            String unit,
            boolean ranked,
            String rankColumn,
            String labelColumn,
            org.openphm.publish.results.DataTable source)
            implements Chart {}

    /**
     * Movements of people between states from one date to a later one (the segment transitions): drawn as a
     * Sankey diagram in the browser; print has no Sankey, so the pack shows its table.
     *
     * @param flows every movement with a published value (a suppressed count draws no band)
     */
    record Flows(
            String title, String subtitle, String unit, List<Flow> flows, org.openphm.publish.results.DataTable source)
            implements Chart {}

    /** People in state {@code from} at the first date and in {@code to} at the second. */
    record Flow(String from, String to, double value) {}

    /**
     * A waterfall: from a starting total through signed changes to a final total (a baseline, the steps of an
     * impact model, the scenario). A waterfall whose changes do not add up to its totals is never drawn: its
     * bars would show a path from one figure to the other that is not the one the analysis computed.
     *
     * @param steps in drawing order, each built by {@link Step#after} from the one before; the first and the
     *     last are totals, and every total after the first equals the running total (to 1e-6, relative)
     */
    record Waterfall(
            String title,
            String subtitle,
            String unit,
            String xLabel,
            String yLabel,
            List<Step> steps,
            org.openphm.publish.results.DataTable source)
            implements Chart {
        public Waterfall {
            steps = List.copyOf(steps);
            if (steps.size() < 2
                    || steps.get(0).kind() != StepKind.TOTAL
                    || steps.get(steps.size() - 1).kind() != StepKind.TOTAL) {
                throw new IllegalArgumentException("waterfall '" + title + "': the first and last steps must be "
                        + "totals, with the changes between them (steps: " + steps.size() + ")");
            }
            Step previous = null;
            for (Step s : steps) {
                if (!s.equals(Step.after(previous, s.label(), s.kind(), s.value()))) {
                    throw new IllegalArgumentException("waterfall '" + title + "': step '" + s.label()
                            + "' does not stand where the running total puts it");
                }
                if (s.kind() == StepKind.TOTAL && previous != null && !sameFigure(previous.end(), s.value())) {
                    throw new IllegalArgumentException("waterfall '" + title + "': the steps add up to "
                            + plain(previous.end()) + " but the total '" + s.label() + "' is " + plain(s.value()));
                }
                previous = s;
            }
        }

        /** The figure printed on a step's bar: a total as it is, a change with its sign ("+24,100", "−6,900"). */
        public String figure(Step s) {
            return s.kind() == StepKind.TOTAL
                    ? org.openphm.publish.text.ValueFormat.withUnit(s.value(), unit)
                    : org.openphm.publish.text.ValueFormat.signed(s.value(), unit);
        }

        private static boolean sameFigure(double a, double b) {
            return Math.abs(a - b) <= 1e-6 * Math.max(Math.abs(a), Math.abs(b));
        }

        /** Every digit, so two figures that differ are never printed alike in the refusal. */
        private static String plain(double v) {
            return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
        }
    }

    enum StepKind {
        /** A bar standing on zero: the starting figure, a subtotal, the final figure. */
        TOTAL,
        /** A bar floating from the running total before it to the one after. */
        CHANGE;

        /** "total" or "change"; anything else is refused, as a guess would draw a different chart. */
        public static StepKind parse(String kind) {
            String k = kind == null ? "" : kind.trim().toLowerCase(java.util.Locale.ROOT);
            return switch (k) {
                case "total" -> TOTAL;
                case "change" -> CHANGE;
                default ->
                    throw new IllegalArgumentException(
                            "waterfall step kind '" + kind + "' is neither 'total' nor 'change'");
            };
        }
    }

    /**
     * One bar of a waterfall.
     *
     * @param value a total's figure, or a change's signed amount
     * @param base  where the bar starts: zero for a total, the running total before a change
     * @param end   where it ends: the total, or the running total after the change
     */
    record Step(String label, StepKind kind, double value, double base, double end) {

        /** The step that follows {@code previous} (null for the first): the one rule for where a bar stands. */
        public static Step after(Step previous, String label, StepKind kind, double value) {
            double base = kind == StepKind.TOTAL || previous == null ? 0 : previous.end();
            return new Step(label, kind, value, base, base + value);
        }

        /** The bar's lower edge, whichever way it goes. */
        public double low() {
            return Math.min(base, end);
        }

        /** The bar's upper edge. */
        public double high() {
            return Math.max(base, end);
        }
    }
}
