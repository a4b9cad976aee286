package org.openphm.publish.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openphm.publish.chart.Chart;
import org.openphm.publish.chart.SpcPointType;

/**
 * The variation key point of a Making Data Count chart. The variation icon speaks of the latest point only, so
 * "common cause" alone under a chart with special-cause points drawn earlier would tell the reader the chart
 * shows nothing; the sentence therefore gives the icon for the latest month and names every earlier month that
 * the chart colours as special cause, by type, in runs ("concern in 2025-05 to 2025-06").
 */
final class VariationSentence {
    private VariationSentence() {}

    /** The sentence, or null for a run chart (too few points for limits: no icon, no special cause). */
    static String of(Chart.Spc s) {
        if (s.variation() == null) {
            return null;
        }
        int latest = KeyPointWriter.lastValued(s.values());
        if (latest < 0) {
            return null;
        }
        // type -> runs of consecutive special-cause points before the latest, in order of first appearance
        Map<SpcPointType, List<int[]>> runs = new LinkedHashMap<>();
        int earlier = 0;
        for (int i = 0; i < latest; i++) {
            SpcPointType t = s.pointTypes().get(i);
            if (s.values().get(i) == null || !t.isSpecialCause()) {
                continue;
            }
            earlier++;
            List<int[]> ofType = runs.computeIfAbsent(t, k -> new ArrayList<>());
            int[] last = ofType.isEmpty() ? null : ofType.get(ofType.size() - 1);
            if (last != null && last[1] == i - 1) {
                last[1] = i;
            } else {
                ofType.add(new int[] {i, i});
            }
        }
        String icon = s.variation().label();
        StringBuilder b = new StringBuilder("Latest month (")
                .append(s.x().get(latest))
                .append("): ")
                .append(icon.substring(0, 1).toLowerCase(Locale.ROOT))
                .append(icon.substring(1));
        if (earlier == 0) {
            b.append("; no earlier month shows special cause");
        } else {
            b.append("; ")
                    .append(earlier)
                    .append(earlier == 1 ? " earlier month" : " earlier months")
                    .append(s.variation().type().isSpecialCause() ? " also" : "")
                    .append(" showed special cause: ");
            List<String> byType = new ArrayList<>();
            runs.forEach((type, list) -> byType.add(type.phrase() + " in "
                    + KeyPointWriter.join(list.stream()
                            .map(r -> r[0] == r[1] ? s.x().get(r[0]) : s.x().get(r[0]) + " to " + s.x().get(r[1]))
                            .toList())));
            b.append(String.join("; ", byType));
        }
        return b.append('.').toString();
    }
}
