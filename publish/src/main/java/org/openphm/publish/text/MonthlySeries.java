package org.openphm.publish.text;

import java.util.List;
import org.openphm.publish.chart.Chart;

/**
 * The key point of a monthly series: the last twelve months against the twelve before (a year on year view
 * that monthly noise and seasonality do not distort) and the highest month. Counts are totalled; rates, shares
 * and means, and levels such as people waiting, are averaged over the months ({@link #FLOWS}). A window with a suppressed month is not
 * summed, since a partial total would understate it.
 */
final class MonthlySeries {
    private MonthlySeries() {}

    /**
     * Units of things that happen in a month and add up over a year; anything else (people waiting, occupied
     * beds, a percentage, a mean stay) is a level, averaged over the months.
     */
    static final java.util.Set<String> FLOWS = java.util.Set.of(
            "count",
            "referrals",
            "appointments",
            "courses",
            "bed days",
            "admissions",
            "discharges",
            "contacts",
            "deaths");

    private record Window(double sum, int months, boolean complete) {
        double mean() {
            return sum / months;
        }
    }

    static String sentence(Chart.Series s, Chart.Lines l) {
        List<Double> v = s.values();
        int last = KeyPointWriter.lastValued(v);
        boolean total = l.unit() == null || l.unit().isBlank() || FLOWS.contains(l.unit());
        StringBuilder b = new StringBuilder(s.name()).append(": ");
        String to = l.x().get(last);
        if (last < 11) {
            b.append(ValueFormat.withUnit(v.get(last), l.unit())).append(" in ").append(to);
        } else {
            Window recent = window(v, last - 11, last);
            if (!recent.complete()) {
                b.append("the 12-month ")
                        .append(total ? "total" : "average")
                        .append(" to ")
                        .append(to)
                        .append(" is not shown because some months are suppressed");
            } else {
                double r = total ? recent.sum() : recent.mean();
                b.append(
                        total
                                ? ValueFormat.withUnit(r, l.unit()) + " in the 12 months to " + to
                                : "averaged " + ValueFormat.withUnit(r, l.unit()) + " a month in the 12 months to "
                                        + to);
                if (last >= 23) {
                    Window before = window(v, last - 23, last - 12);
                    double p = total ? before.sum() : before.mean();
                    if (before.complete() && p != 0) {
                        b.append(", ")
                                .append(change(p, r))
                                .append(" the 12 months before (")
                                .append(ValueFormat.withUnit(p, l.unit()))
                                .append(')');
                    }
                }
            }
        }
        int peak = peak(v);
        if (peak >= 0 && last > 0) {
            b.append("; highest month: ")
                    .append(ValueFormat.withUnit(v.get(peak), l.unit()))
                    .append(" in ")
                    .append(l.x().get(peak));
        }
        return b.append('.').toString();
    }

    private static String change(double before, double now) {
        long pct = Math.round((now - before) / before * 100);
        return pct > 0 ? "up " + pct + "% on" : pct < 0 ? "down " + (-pct) + "% on" : "the same as";
    }

    private static Window window(List<Double> v, int from, int to) {
        double sum = 0;
        boolean complete = true;
        for (int i = from; i <= to; i++) {
            if (v.get(i) == null) {
                complete = false;
            } else {
                sum += v.get(i);
            }
        }
        return new Window(sum, to - from + 1, complete);
    }

    /** The first month with the highest value. */
    private static int peak(List<Double> v) {
        int best = -1;
        for (int i = 0; i < v.size(); i++) {
            if (v.get(i) != null && (best < 0 || v.get(i) > v.get(best))) {
                best = i;
            }
        }
        return best;
    }
}
