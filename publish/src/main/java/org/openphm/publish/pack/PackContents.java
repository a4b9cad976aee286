package org.openphm.publish.pack;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openphm.model.results.ChartRole;
import org.openphm.model.results.ChartSpec;
import org.openphm.model.results.IndicatorColumns;
import org.openphm.model.results.PackMetadata;
import org.openphm.model.results.PackMetadata.AnalysisInfo;
import org.openphm.model.results.PackMetadata.IndicatorInfo;
import org.openphm.publish.results.ResultsDir;

/**
 * What goes where in the pack and the dashboard: the seed's twelve sections in order, each with its
 * indicators and analyses ordered by DP number. Both the printed pack and the dashboard read this, so they
 * always show the same sections.
 */
public final class PackContents {
    private final List<PackMetadata.Section> sections;
    private final Map<Integer, List<PackItem>> items;

    private PackContents(List<PackMetadata.Section> sections, Map<Integer, List<PackItem>> items) {
        this.sections = sections;
        this.items = items;
    }

    public static PackContents of(ResultsDir results) {
        List<PackItem> all = new ArrayList<>();
        for (IndicatorInfo info : results.metadata().indicators()) {
            all.add(new PackItem(
                    info.id(),
                    info.section(),
                    info.name(),
                    info.definition(),
                    join(info.method(), info.valueType()),
                    info.source(),
                    caveats(info),
                    info.charts().isEmpty() ? defaultCharts(info, latestPeriod(results, info.id())) : info.charts()));
        }
        for (AnalysisInfo a : results.metadata().analyses()) {
            List<ChartSpec> charts = a.charts();
            if (charts.isEmpty()) {
                // An analysis that declares no chart still shows its tables: nothing computed goes unseen.
                charts = a.tables().stream()
                        .map(t -> new ChartSpec(
                                "table",
                                t.name(),
                                null,
                                ChartSpec.DataRef.ofTable(t.file(), null),
                                null,
                                null,
                                null,
                                null))
                        .toList();
            }
            all.add(new PackItem(
                    a.id(), a.section(), a.title(), a.definition(), a.method(), a.source(), a.caveats(), charts));
        }
        all.sort(Comparator.comparing(PackItem::section, SectionNumber.ORDER));
        Map<Integer, List<PackItem>> bySection = new LinkedHashMap<>();
        for (PackMetadata.Section s : results.metadata().sections()) {
            bySection.put(s.number(), new ArrayList<>());
        }
        List<PackItem> unplaced = new ArrayList<>();
        for (PackItem item : all) {
            List<PackItem> list = bySection.get(item.sectionNumber());
            (list == null ? unplaced : list).add(item);
        }
        List<PackMetadata.Section> sections = new ArrayList<>(results.metadata().sections());
        if (!unplaced.isEmpty()) {
            // Items naming no seed section are shown at the end, never dropped.
            sections.add(new PackMetadata.Section(0, "Other analyses"));
            bySection.put(0, unplaced);
        }
        return new PackContents(List.copyOf(sections), bySection);
    }

    public List<PackMetadata.Section> sections() {
        return sections;
    }

    public List<PackItem> items(int section) {
        return List.copyOf(items.getOrDefault(section, List.of()));
    }

    public List<PackItem> allItems() {
        return items.values().stream().flatMap(List::stream).toList();
    }

    /**
     * An indicator's default charts (DP 5.x style): the latest period by Place with 95% CI whiskers coloured
     * by significance against England, England and the ICB as reference lines; and the trend of the ICB and
     * its Places against England.
     */
    public static List<ChartSpec> defaultCharts(IndicatorInfo info, String latestPeriod) {
        String areas = "England|ICB|Place";
        String period = latestPeriod == null ? "latest" : latestPeriod;
        ChartSpec bars = new ChartSpec(
                "bar_ci",
                info.name() + " by Place, " + period,
                "Compared with England (95% confidence intervals)",
                ChartSpec.DataRef.ofIndicator(
                        info.id(), Map.of(IndicatorColumns.PERIOD, period, IndicatorColumns.AREA_TYPE, areas)),
                ChartRole.encoding(Map.of(ChartRole.SIGNIFICANCE, IndicatorColumns.COMPARED_TO_ENGLAND)),
                null,
                null,
                null);
        ChartSpec trend = new ChartSpec(
                "trend",
                info.name() + ": trend",
                "ICB and Places with England",
                ChartSpec.DataRef.ofIndicator(info.id(), Map.of(IndicatorColumns.AREA_TYPE, areas)),
                null,
                null,
                null,
                null);
        return List.of(bars, trend);
    }

    static String latestPeriod(ResultsDir results, String indicatorId) {
        return results.indicator(indicatorId).distinct(IndicatorColumns.PERIOD).stream()
                .max(Comparator.naturalOrder())
                .orElse(null);
    }

    private static List<String> caveats(IndicatorInfo info) {
        List<String> out = new ArrayList<>(info.caveats());
        if (info.comparator() != null && !info.comparator().isBlank()) {
            out.add("Comparison: " + info.comparator());
        }
        return out;
    }

    private static String join(String a, String b) {
        if (a == null || a.isBlank()) {
            return b;
        }
        return b == null || b.isBlank() ? a : a + " (" + b + ")";
    }
}
