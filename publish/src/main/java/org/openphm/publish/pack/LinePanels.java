package org.openphm.publish.pack;

import java.util.ArrayList;
import java.util.List;
import org.openphm.publish.chart.Chart;

/**
 * A printed line chart has at most {@link #MAX_LINES} lines: beyond that colours repeat and a reader cannot
 * tell which line is which. A chart with more focus series (a trend of every neighbourhood, every provider)
 * is printed as small multiples, each panel with its share of the series and the same comparators (England,
 * the ICB), so every panel reads on its own and against the same references.
 */
final class LinePanels {
    static final int MAX_LINES = 8;

    private LinePanels() {}

    static List<Chart> of(Chart chart) {
        if (!(chart instanceof Chart.Lines l) || l.series().size() <= MAX_LINES) {
            return List.of(chart);
        }
        List<Chart.Series> comparators = new ArrayList<>();
        List<Chart.Series> focus = new ArrayList<>();
        for (Chart.Series s : l.series()) {
            (s.role() == Chart.SeriesRole.FOCUS ? focus : comparators).add(s);
        }
        int perPanel = Math.max(1, MAX_LINES - comparators.size());
        int panels = (focus.size() + perPanel - 1) / perPanel;
        // balanced panels (5 + 5 rather than 7 + 3), in the chart's own series order
        int size = (focus.size() + panels - 1) / panels;
        List<Chart> out = new ArrayList<>();
        for (int p = 0; p < panels; p++) {
            List<Chart.Series> series =
                    new ArrayList<>(focus.subList(p * size, Math.min(focus.size(), (p + 1) * size)));
            series.addAll(comparators);
            out.add(new Chart.Lines(
                    l.title() + " (" + (p + 1) + " of " + panels + ")",
                    l.subtitle(),
                    l.unit(),
                    l.projection(),
                    l.xLabel(),
                    l.yLabel(),
                    l.x(),
                    series,
                    l.band(),
                    l.source()));
        }
        return out;
    }
}
