package org.openphm.analyses.build;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openphm.analyses.catalogue.AnalysisInfo;
import org.openphm.analyses.catalogue.AnalysisTable;
import org.openphm.model.results.ChartKind;
import org.openphm.model.results.ChartRole;
import org.openphm.model.results.ChartSpec;
import org.openphm.model.results.IndicatorColumns;

/**
 * Holds every chart an analysis or indicator declares to the tables it draws from, so that a misspelt column,
 * role, table or kind fails the build that introduced it instead of becoming a "chart could not be drawn" note
 * in the printed pack.
 */
public final class ChartCheck {
    private ChartCheck() {}

    /**
     * The faults of an analysis's charts against the tables it computed; empty when every chart fits. A chart over a
     * table not computed this time is not checked here (see {@link AnalysisInfo#publishedCharts}).
     */
    public static List<String> faults(AnalysisInfo info, List<AnalysisTable> tables) {
        List<String> faults = new ArrayList<>();
        for (ChartSpec chart : info.charts()) {
            String where = info.section() + " " + info.id() + ", chart '" + chart.title() + "'";
            String name = chart.data().table();
            AnalysisTable table = tables.stream()
                    .filter(t -> t.name().equals(name))
                    .findFirst()
                    .orElse(null);
            if (table == null) {
                // a table an analysis withholds on this data (a cohort too small to profile) has no chart to draw;
                // the chart is left out of metadata.json, and CatalogueChartsTest holds every declared table name
                // to what a full build publishes, so a misspelt one still fails
                continue;
            }
            faults.addAll(fit(where, chart, Set.copyOf(table.columnNames()), "table " + info.file(name)));
        }
        return faults;
    }

    /** The faults of an indicator's charts against the columns of indicators.csv. */
    public static List<String> indicatorFaults(String indicatorId, List<ChartSpec> charts) {
        List<String> faults = new ArrayList<>();
        for (ChartSpec chart : charts) {
            faults.addAll(fit(
                    indicatorId + ", chart '" + chart.title() + "'",
                    chart,
                    Set.copyOf(IndicatorColumns.NAMES),
                    "indicators.csv"));
        }
        return faults;
    }

    /** Throws naming every fault, if there is one. */
    static void require(List<String> faults) {
        if (!faults.isEmpty()) {
            throw new IllegalStateException("chart declarations do not fit their data (fix the declaration or the "
                    + "table):\n  " + String.join("\n  ", faults));
        }
    }

    private static List<String> fit(String where, ChartSpec chart, Set<String> columns, String source) {
        List<String> faults = new ArrayList<>();
        try {
            ChartKind.declared(chart.kind());
        } catch (IllegalArgumentException e) {
            faults.add(where + ": " + e.getMessage());
        }
        for (String column : chart.data().filter().keySet()) {
            if (!columns.contains(column)) {
                faults.add(where + ": filter on '" + column + "', which " + source + " does not have");
            }
        }
        for (Map.Entry<String, String> e : chart.encoding().entrySet()) {
            var role = ChartRole.of(e.getKey());
            if (role.isEmpty()) {
                faults.add(where + ": no chart role '" + e.getKey() + "'");
            } else if (role.get().namesColumn() && !columns.contains(e.getValue())) {
                faults.add(
                        where + ": " + e.getKey() + " is '" + e.getValue() + "', which " + source + " does not have");
            }
        }
        return faults;
    }
}
