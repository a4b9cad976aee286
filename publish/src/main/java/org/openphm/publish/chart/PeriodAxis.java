package org.openphm.publish.chart;

import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.List;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;

/**
 * The x axis of printed trend and SPC charts: periods at whole-number positions, labelled by name. A category
 * axis labels every period, so seven years of months (84 labels) overprinted each other on a page-wide chart;
 * this axis labels every k-th period, with k chosen so that the labels fit side by side, upright and readable
 * (turned labels are drawn as outlines in the SVG and are harder to read), and months stay on a calendar
 * rhythm (every 3, 6 or 12).
 */
final class PeriodAxis {
    /** The plot's width in the printed chart, less the y axis, in pixels. */
    private static final double PLOT_WIDTH = 620;
    /** Width of one character of a 10 px DejaVu Sans label, rounded up. */
    private static final double CHAR_WIDTH = 6.5;
    /** Steps that keep monthly labels on quarters, half-years and years. */
    private static final int[] STEPS = {1, 2, 3, 6, 12, 24, 48};

    private PeriodAxis() {}

    static NumberAxis of(String label, List<String> periods) {
        NumberAxis axis = new NumberAxis(label);
        int step = step(periods.size(), longest(periods));
        axis.setTickUnit(new NumberTickUnit(step, new Labels(periods)), false, false);
        axis.setAutoTickUnitSelection(false);
        axis.setRange(-0.5, Math.max(0.5, periods.size() - 0.5));
        axis.setMinorTickMarksVisible(false);
        return axis;
    }

    static int longest(List<String> periods) {
        return periods.stream().mapToInt(String::length).max().orElse(1);
    }

    /** How many labels of this length fit side by side, with two characters' gap between them. */
    static int maxLabels(int longest) {
        return Math.max(2, (int) (PLOT_WIDTH / ((longest + 2) * CHAR_WIDTH)));
    }

    /** The smallest calendar-friendly step whose labels fit. */
    static int step(int periods, int longest) {
        int max = maxLabels(longest);
        for (int s : STEPS) {
            if ((periods + s - 1) / s <= max) {
                return s;
            }
        }
        return (periods + max - 1) / max;
    }

    /** How many labels the axis draws. */
    static int labelsShown(int periods, int longest) {
        int s = step(periods, longest);
        return (periods + s - 1) / s;
    }

    /** Position i is labelled with period i; positions between periods are never labelled. */
    private static final class Labels extends NumberFormat {
        private final List<String> periods;

        Labels(List<String> periods) {
            this.periods = List.copyOf(periods);
        }

        @Override
        public StringBuffer format(double number, StringBuffer out, FieldPosition pos) {
            long i = Math.round(number);
            if (Math.abs(number - i) < 1e-6 && i >= 0 && i < periods.size()) {
                out.append(periods.get((int) i));
            }
            return out;
        }

        @Override
        public StringBuffer format(long number, StringBuffer out, FieldPosition pos) {
            return format((double) number, out, pos);
        }

        @Override
        public Number parse(String source, ParsePosition pos) {
            int i = periods.indexOf(source);
            if (i < 0) {
                return null;
            }
            pos.setIndex(source.length());
            return i;
        }
    }
}
