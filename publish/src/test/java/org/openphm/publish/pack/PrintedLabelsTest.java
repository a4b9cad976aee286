package org.openphm.publish.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openphm.publish.chart.Chart;
import org.openphm.publish.text.ColumnLabel;

/** What a printed table's header and cells say, and how many lines a printed chart carries (issue 16, item 6). */
class PrintedLabelsTest {
    @Test
    void columnNamesBecomeReadableLabelsWithTheirUnits() {
        // the two labels the issue asks for, then the project's suffix conventions
        assertEquals("Spend (\u00a3)", ColumnLabel.of("spend_gbp"));
        assertEquals("Change to 2033/34 (%)", ColumnLabel.of("change_pct_2033_34"));
        assertEquals("Share of YLD (%)", ColumnLabel.of("share_of_yld_pct"));
        assertEquals("Lower 95% CI", ColumnLabel.of("lower_ci95"));
        assertEquals("Upper 99.8% CI", ColumnLabel.of("upper_ci998"));
        assertEquals("WTE needed in 2043/44", ColumnLabel.of("wte_needed_2043_44"));
        assertEquals("Mean length of stay (days)", ColumnLabel.of("mean_length_of_stay_days"));
        assertEquals("Difference (percentage points)", ColumnLabel.of("difference_pp"));
        assertEquals("Area name", ColumnLabel.of("area_name"));
        assertEquals("Bed days", ColumnLabel.of("bed_days"));
        assertEquals("Change bed days", ColumnLabel.of("change_bed_days"));
        assertEquals("share of YLD", ColumnLabel.inSentence("share_of_yld_pct"));
        assertEquals("SII", ColumnLabel.inSentence("sii"));
    }

    @Test
    void cellsGetSeparatorsByTheirDeclaredTypeButYearsAndCodesDoNot() {
        assertEquals("1,153,210", CellFormat.of("1153210", "count", "people"));
        assertEquals("124,540,784.5", CellFormat.of("124540784.5", "number", "spend_gbp"));
        assertEquals("13,861.42", CellFormat.of("13861.422565", "number", "value"));
        assertEquals("2033", CellFormat.of("2033", "integer", "projection_year"));
        assertEquals("12,345", CellFormat.of("12345", "integer", "waiting_total"));
        assertEquals("Yes", CellFormat.of("true", "boolean", "published"));
        assertEquals("No", CellFormat.of("false", "boolean", "published"));
        // a suppressed cell stays empty, never 0; an unknown type keeps a whole number as it is
        assertEquals("", CellFormat.of("", "count", "people"));
        assertEquals("2024", CellFormat.of("2024", null, "year"));
    }

    @Test
    void aLineChartWithMoreThanEightLinesIsPrintedAsPanelsEachWithTheComparators() {
        List<String> x = List.of("2023/24", "2024/25");
        List<Chart.Series> series = new ArrayList<>();
        for (int i = 1; i <= 13; i++) {
            series.add(new Chart.Series(
                    "Neighbourhood " + i, Chart.SeriesRole.FOCUS, List.of(1.0, 2.0), null, null, null));
        }
        series.add(new Chart.Series("ICB", Chart.SeriesRole.PARENT, List.of(1.5, 1.5), null, null, null));
        series.add(new Chart.Series("England", Chart.SeriesRole.ENGLAND, List.of(1.4, 1.4), null, null, null));
        Chart.Lines chart = new Chart.Lines("Trend", null, "%", false, "Year", "%", x, series, null, null);
        List<Chart> panels = LinePanels.of(chart);
        // 13 focus lines, 6 per panel beside the 2 comparators: three panels of 5, 5 and 3
        assertEquals(3, panels.size());
        List<String> seen = new ArrayList<>();
        for (Chart p : panels) {
            Chart.Lines l = (Chart.Lines) p;
            assertEquals(true, l.series().size() <= LinePanels.MAX_LINES, l.title());
            assertEquals(
                    List.of("ICB", "England"),
                    l.series().subList(l.series().size() - 2, l.series().size()).stream()
                            .map(Chart.Series::name)
                            .toList());
            l.series().stream().filter(s -> s.role() == Chart.SeriesRole.FOCUS).forEach(s -> seen.add(s.name()));
        }
        assertEquals(
                series.subList(0, 13).stream().map(Chart.Series::name).toList(), seen, "every line once, in order");
        assertEquals("Trend (2 of 3)", panels.get(1).title());
        assertEquals(
                1,
                LinePanels.of(new Chart.Lines(
                                "Eight", null, "%", false, "Year", "%", x, series.subList(5, 13), null, null))
                        .size());
    }
}
