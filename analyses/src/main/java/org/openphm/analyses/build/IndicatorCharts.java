package org.openphm.analyses.build;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openphm.analyses.indicator.Breakdown;
import org.openphm.analyses.indicator.IndicatorMetadata;

/**
 * The charts every indicator gets in the pack and dashboard, as chart descriptions (publish/README.md): the
 * latest value by Place with confidence whiskers coloured by significance, the trend by Place, and each
 * breakdown at ICB level coloured by significance against the ICB as a whole.
 */
final class IndicatorCharts {
    private IndicatorCharts() {}

    static List<Map<String, Object>> standard(IndicatorMetadata m) {
        String unit = m.valueType();
        List<Map<String, Object>> charts = new java.util.ArrayList<>();
        charts.add(chart("bar_ci", m.name() + " by Place, latest year",
                "95% confidence intervals; colour shows significance against England",
                m.id(), Map.of("area_type", "Place|ICB|England", "category_type", "", "period", "latest"),
                Map.of("x", "area_name", "significance", "compared_to_england"), unit));
        charts.add(chart("trend", m.name() + " over time", "By Place, with the ICB and (where held) England",
                m.id(), Map.of("area_type", "Place|ICB|England", "category_type", ""),
                Map.of("x", "period", "series", "area_name"), unit));
        for (Breakdown b : m.breakdowns()) {
            charts.add(chart("bar_ci", m.name() + " by " + b.categoryType().toLowerCase() + ", ICB, latest year",
                    "95% confidence intervals; colour shows significance against the ICB as a whole",
                    m.id(), Map.of("area_type", "ICB", "category_type", b.categoryType(), "period", "latest"),
                    Map.of("x", "category", "significance", "compared_to_parent"), unit));
        }
        return charts;
    }

    private static Map<String, Object> chart(String kind, String title, String subtitle, String indicator,
                                             Map<String, String> filter, Map<String, String> encoding, String unit) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("kind", kind);
        c.put("title", title);
        c.put("subtitle", subtitle);
        c.put("data", Map.of("indicator", indicator, "filter", filter));
        c.put("encoding", encoding);
        c.put("unit", unit);
        return c;
    }
}
