package org.openphm.publish.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openphm.model.AreaType;
import org.openphm.model.Comparison;
import org.openphm.model.results.IndicatorColumns;
import org.openphm.publish.results.Area;
import org.openphm.publish.results.DataTable;
import org.openphm.publish.results.ResultsDir;

/**
 * The pack's opening summary, written from the tidy indicator results: for each indicator's latest period,
 * how the ICB compares with England, how each Place compares with the ICB, and which indicators have a
 * significant recent trend. A commissioner reads this page first; every sentence comes from the published
 * comparisons, so it is as current as the build.
 */
public final class Headlines {
    private Headlines() {}

    /** Sentences, in reading order; empty when the results hold no indicators. */
    public static List<String> of(ResultsDir results) {
        Area icb = results.areas().stream()
                .filter(a -> AreaType.ICB.label().equals(a.type()))
                .findFirst()
                .orElse(null);
        List<String> out = new ArrayList<>();
        if (icb == null) {
            return out;
        }
        Map<String, List<String>> vsEngland = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> placeVerdicts = new LinkedHashMap<>();
        List<String> rising = new ArrayList<>();
        List<String> falling = new ArrayList<>();
        int indicators = 0;
        for (var info : results.metadata().indicators()) {
            DataTable rows = results.indicator(info.id());
            DataTable headline = rows.where(Map.of(IndicatorColumns.CATEGORY_TYPE, ""));
            String latest = headline.distinct(IndicatorColumns.PERIOD).stream()
                    .max(Comparator.naturalOrder())
                    .orElse(null);
            if (latest == null) {
                continue;
            }
            indicators++;
            DataTable now = headline.where(Map.of(IndicatorColumns.PERIOD, latest));
            for (List<String> r :
                    now.where(Map.of(IndicatorColumns.AREA_CODE, icb.code())).rows()) {
                String verdict = now.get(r, IndicatorColumns.COMPARED_TO_ENGLAND);
                if (verdict != null && !verdict.equals(Comparison.NOT_COMPARED.label())) {
                    vsEngland.computeIfAbsent(verdict, k -> new ArrayList<>()).add(info.name());
                }
                String trend = now.get(r, IndicatorColumns.RECENT_TREND);
                if (trend != null && trend.startsWith("Increasing")) {
                    rising.add(info.name());
                } else if (trend != null && trend.startsWith("Decreasing")) {
                    falling.add(info.name());
                }
            }
            for (List<String> r : now.where(Map.of(IndicatorColumns.AREA_TYPE, AreaType.PLACE.label()))
                    .rows()) {
                String verdict = now.get(r, IndicatorColumns.COMPARED_TO_PARENT);
                if (verdict != null && Comparison.parse(verdict).significant()) {
                    placeVerdicts
                            .computeIfAbsent(now.get(r, IndicatorColumns.AREA_NAME), k -> new LinkedHashMap<>())
                            .merge(verdict, 1, Integer::sum);
                }
            }
        }
        if (indicators == 0) {
            return out;
        }
        int compared = vsEngland.values().stream().mapToInt(List::size).sum();
        out.add(icb.name() + ", latest period of each of " + indicators + " indicators: " + compared
                + " can be compared with England" + (compared == 0 ? "." : ":"));
        for (String verdict :
                labels(Comparison.WORSE, Comparison.BETTER, Comparison.HIGHER, Comparison.LOWER, Comparison.SIMILAR)) {
            List<String> names = vsEngland.get(verdict);
            if (names != null) {
                out.add((Comparison.SIMILAR.label().equals(verdict)
                                ? "Not significantly different from England"
                                : "Significantly " + verdict.toLowerCase(java.util.Locale.ROOT) + " than England")
                        + " (" + names.size() + "): "
                        + list(names) + ".");
            }
        }
        for (Map.Entry<String, Map<String, Integer>> place : placeVerdicts.entrySet()) {
            List<String> parts = new ArrayList<>();
            int total = 0;
            for (String verdict : labels(Comparison.WORSE, Comparison.BETTER, Comparison.HIGHER, Comparison.LOWER)) {
                Integer n = place.getValue().get(verdict);
                if (n != null) {
                    parts.add(verdict.toLowerCase(java.util.Locale.ROOT) + " on " + n);
                    total += n;
                }
            }
            out.add(place.getKey() + " against the ICB: significantly " + String.join(" and ", parts)
                    + (total == 1 ? " indicator." : " indicators."));
        }
        if (!rising.isEmpty()) {
            out.add("Rising significantly in the ICB (Fingertips recent trend, " + rising.size() + "): " + list(rising)
                    + ".");
        }
        if (!falling.isEmpty()) {
            out.add("Falling significantly in the ICB (" + falling.size() + "): " + list(falling) + ".");
        }
        return out;
    }

    /** Up to eight names, then how many more. */
    private static String list(List<String> names) {
        if (names.size() <= 8) {
            return String.join("; ", names);
        }
        return String.join("; ", names.subList(0, 8)) + "; and " + (names.size() - 8) + " more";
    }

    private static List<String> labels(Comparison... comparisons) {
        return java.util.Arrays.stream(comparisons).map(Comparison::label).toList();
    }
}
