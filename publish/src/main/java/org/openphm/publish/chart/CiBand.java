package org.openphm.publish.chart;

import java.util.ArrayList;
import java.util.List;
import org.jfree.data.xy.YIntervalSeries;

/**
 * The printed 95% confidence band of a trend series, as JFreeChart interval series. The band is split where a
 * value or a limit is missing (suppressed, or not computed), because one polygon across the gap would draw an
 * interval where there is none.
 */
final class CiBand {
    private CiBand() {}

    static List<YIntervalSeries> segments(Chart.Series s, int periods) {
        List<YIntervalSeries> out = new ArrayList<>();
        YIntervalSeries current = null;
        for (int k = 0; k < periods; k++) {
            Double v = s.values().get(k);
            Double lo = s.lower().get(k);
            Double hi = s.upper().get(k);
            if (v == null || lo == null || hi == null) {
                current = null;
                continue;
            }
            if (current == null) {
                current = new YIntervalSeries(s.name() + " CI " + out.size(), false, true);
                out.add(current);
            }
            current.add(k, v, lo, hi);
        }
        // A lone period has no width to shade.
        out.removeIf(band -> band.getItemCount() < 2);
        return out;
    }
}
