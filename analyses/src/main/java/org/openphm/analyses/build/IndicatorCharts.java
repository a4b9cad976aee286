package org.openphm.analyses.build;

import static org.openphm.model.results.IndicatorColumns.AREA_NAME;
import static org.openphm.model.results.IndicatorColumns.AREA_TYPE;
import static org.openphm.model.results.IndicatorColumns.CATEGORY;
import static org.openphm.model.results.IndicatorColumns.CATEGORY_TYPE;
import static org.openphm.model.results.IndicatorColumns.COMPARED_TO_ENGLAND;
import static org.openphm.model.results.IndicatorColumns.COMPARED_TO_PARENT;
import static org.openphm.model.results.IndicatorColumns.PERIOD;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openphm.analyses.indicator.Breakdown;
import org.openphm.analyses.indicator.IndicatorMetadata;
import org.openphm.model.AreaType;
import org.openphm.model.results.ChartRole;
import org.openphm.model.results.ChartSpec;

/**
 * The charts every indicator gets in the pack and dashboard (publish/README.md): the latest value by Place with
 * confidence whiskers coloured by significance, the trend by Place, and each breakdown at ICB level coloured by
 * significance against the ICB as a whole.
 */
public final class IndicatorCharts {
    private IndicatorCharts() {}

    public static List<ChartSpec> standard(IndicatorMetadata m) {
        String unit = m.valueType();
        List<ChartSpec> charts = new ArrayList<>();
        charts.add(chart(
                "bar_ci",
                m.name() + " by Place, latest year",
                "95% confidence intervals; colour shows significance against England",
                m.id(),
                Map.of(
                        AREA_TYPE,
                        AreaType.anyOf(AreaType.PLACE, AreaType.ICB, AreaType.ENGLAND),
                        CATEGORY_TYPE,
                        "",
                        PERIOD,
                        "latest"),
                Map.of(ChartRole.X, AREA_NAME, ChartRole.SIGNIFICANCE, COMPARED_TO_ENGLAND),
                unit));
        charts.add(chart(
                "trend",
                m.name() + " over time",
                "By Place, with the ICB and (where held) England",
                m.id(),
                Map.of(AREA_TYPE, AreaType.anyOf(AreaType.PLACE, AreaType.ICB, AreaType.ENGLAND), CATEGORY_TYPE, ""),
                Map.of(ChartRole.X, PERIOD, ChartRole.SERIES, AREA_NAME),
                unit));
        for (Breakdown b : m.breakdowns()) {
            charts.add(chart(
                    "bar_ci",
                    m.name() + " by " + b.categoryType().toLowerCase() + ", ICB, latest year",
                    "95% confidence intervals; colour shows significance against the ICB as a whole",
                    m.id(),
                    Map.of(AREA_TYPE, AreaType.ICB.label(), CATEGORY_TYPE, b.categoryType(), PERIOD, "latest"),
                    Map.of(ChartRole.X, CATEGORY, ChartRole.SIGNIFICANCE, COMPARED_TO_PARENT),
                    unit));
        }
        return charts;
    }

    private static ChartSpec chart(
            String kind,
            String title,
            String subtitle,
            String indicator,
            Map<String, String> filter,
            Map<ChartRole, String> encoding,
            String unit) {
        return new ChartSpec(
                kind,
                title,
                subtitle,
                ChartSpec.DataRef.ofIndicator(indicator, filter),
                ChartRole.encoding(encoding),
                null,
                null,
                unit);
    }
}
