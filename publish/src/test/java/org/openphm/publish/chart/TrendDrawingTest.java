package org.openphm.publish.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.openphm.publish.results.DataTable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** How trend and SPC charts are drawn: confidence bands in print and browser, and readable period axes. */
class TrendDrawingTest {
    private static final DataTable NO_ROWS = new DataTable("t", List.of("x"), List.of());
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");

    private static List<String> months(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int m = 3 + i; // April 2019 is month index 3 of 2019
            out.add(String.format("%d-%02d", 2019 + m / 12, m % 12 + 1));
        }
        return out;
    }

    private static List<Double> constant(int n, Double v) {
        return new ArrayList<>(java.util.Collections.nCopies(n, v));
    }

    /** The text of every SVG text element, in document order. */
    private static List<String> texts(String svg) throws Exception {
        Document doc = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        NodeList nodes = doc.getElementsByTagName("text");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(((Element) nodes.item(i)).getTextContent());
        }
        return out;
    }

    @Test
    void labelStepsKeepLabelsThatFitSideBySideOnACalendarRhythm() {
        // "2019-04" is 7 characters: 620 px / (9 x 6.5 px) = 10 labels fit
        assertEquals(10, PeriodAxis.maxLabels(7));
        assertEquals(1, PeriodAxis.step(7, 7));
        assertEquals(1, PeriodAxis.step(10, 7));
        assertEquals(2, PeriodAxis.step(11, 7));
        assertEquals(3, PeriodAxis.step(24, 7));
        assertEquals(6, PeriodAxis.step(36, 7));
        assertEquals(12, PeriodAxis.step(84, 7)); // DP 8.16: seven years of months, one label a year
        assertEquals(7, PeriodAxis.labelsShown(84, 7));
        // four-character years: 620 / 39 = 15 fit
        assertEquals(1, PeriodAxis.step(15, 4));
        assertEquals(2, PeriodAxis.step(19, 4));
    }

    @Test
    void eightyFourMonthsPrintSevenUprightLabelsOneAYearNotEightyFourOverlapping() throws Exception {
        List<String> x = months(84);
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < 84; i++) {
            values.add(20.0 + i % 7);
        }
        Chart.Lines chart = new Chart.Lines(
                "Discharges by month",
                "",
                "",
                false,
                "Month",
                "Discharges",
                x,
                List.of(new Chart.Series(
                        "WICU", Chart.SeriesRole.FOCUS, values, constant(84, null), constant(84, null), null)),
                null,
                NO_ROWS);
        String svg = new SvgChartRenderer().svg(chart).orElseThrow();
        List<String> labels =
                texts(svg).stream().filter(t -> MONTH.matcher(t).matches()).toList();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 84; i += 12) {
            expected.add(x.get(i));
        }
        assertEquals(expected, labels);
        assertEquals("2019-04", labels.get(0));
        assertEquals("2020-04", labels.get(1));
        assertFalse(texts(svg).contains("Shaded: 95% confidence interval"), "no band without limits");
    }

    @Test
    void aFocusSeriesWithLimitsIsPrintedWithAShadedBandSplitAtSuppressedValues() throws Exception {
        List<String> x = List.of("2019/20", "2020/21", "2021/22", "2022/23", "2023/24", "2024/25");
        List<Double> v = Arrays.asList(7.0, 7.2, null, 7.6, 7.9, 8.1);
        List<Double> lo = Arrays.asList(6.8, 7.0, null, 7.4, 7.7, 7.9);
        List<Double> hi = Arrays.asList(7.2, 7.4, null, 7.8, 8.1, 8.3);
        Chart.Series luton = new Chart.Series("Luton", Chart.SeriesRole.FOCUS, v, lo, hi, "Increasing");
        Chart.Series england = new Chart.Series(
                "England",
                Chart.SeriesRole.ENGLAND,
                Arrays.asList(7.1, 7.2, 7.4, 7.5, 7.7, 7.9),
                Arrays.asList(7.0, 7.1, 7.3, 7.4, 7.6, 7.8),
                Arrays.asList(7.2, 7.3, 7.5, 7.6, 7.8, 8.0),
                null);
        var segments = CiBand.segments(luton, x.size());
        assertEquals(2, segments.size(), "the suppressed year splits the band in two");
        assertEquals(2, segments.get(0).getItemCount());
        assertEquals(3, segments.get(1).getItemCount());
        assertEquals(7.4, segments.get(1).getYLowValue(0));
        assertEquals(8.3, segments.get(1).getYHighValue(2));

        Chart.Lines chart = new Chart.Lines(
                "Diabetes prevalence", "", "%", false, "Period", "%", x, List.of(luton, england), null, NO_ROWS);
        String svg = new SvgChartRenderer().svg(chart).orElseThrow();
        assertTrue(texts(svg).contains("Shaded: 95% confidence interval"), "the legend explains the shading");
        // JFreeSVG writes the band's alpha as a fill opacity; nothing else in a line chart is translucent.
        assertTrue(Pattern.compile("fill-opacity: ?0\\.1[56]").matcher(svg).find(), "translucent band");
    }

    @Test
    void theDashboardBandIsTheLowerLimitPlusTheStackedWidthAndTheTooltipCarriesTheLimits() {
        List<String> x = List.of("2022/23", "2023/24", "2024/25");
        Chart.Series bedford = new Chart.Series(
                "Bedford",
                Chart.SeriesRole.FOCUS,
                Arrays.asList(8.0, null, 8.5),
                Arrays.asList(7.5, null, 8.25),
                Arrays.asList(8.5, null, 8.75),
                null);
        Chart.Series icb = new Chart.Series(
                "BLMK",
                Chart.SeriesRole.PARENT,
                Arrays.asList(7.9, 8.0, 8.1),
                Arrays.asList(7.8, 7.9, 8.0),
                Arrays.asList(8.0, 8.1, 8.2),
                null);
        Chart.Lines chart = new Chart.Lines(
                "Prevalence", "By Place", "%", false, "Period", "%", x, List.of(bedford, icb), null, NO_ROWS);
        Map<String, Object> o = new EChartsOptions().option(chart).orElseThrow();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> series = (List<Map<String, Object>>) o.get("series");
        assertEquals(
                List.of("Bedford", "BLMK", "Bedford 95% CI", "Bedford 95% CI"),
                series.stream().map(s -> s.get("name")).toList(),
                "one band, for the focus series only");
        assertEquals(List.of(7.5, "-", 8.25), series.get(2).get("data"));
        assertEquals(List.of(1.0, "-", 0.5), series.get(3).get("data"));
        assertEquals("ci-0", series.get(3).get("stack"));
        assertEquals(series.get(2).get("stack"), series.get(3).get("stack"));
        assertTrue(series.get(3).containsKey("areaStyle"));
        assertEquals(
                Map.of("value", 8.0, "lower", 7.5, "upper", 8.5),
                ((List<?>) series.get(0).get("data")).get(0));
        assertEquals(List.of("Bedford", "BLMK"), ((Map<?, ?>) o.get("legend")).get("data"));
        assertEquals("with-ci", ((Map<?, ?>) o.get("tooltip")).get("formatter"));
        assertEquals(Map.of("enabled", true), o.get("aria"), "described for screen readers");
        assertEquals("By Place \u00b7 Shaded: 95% confidence interval", ((Map<?, ?>) o.get("title")).get("subtext"));
    }

    @Test
    void anSpcSpecialCauseColoursItsPointAndNotTheLineLeadingToIt() throws Exception {
        List<String> x = months(12);
        List<Double> v = Arrays.asList(70.0, 72.0, 71.0, 69.0, 73.0, 70.0, 71.0, 72.0, 33.0, 70.0, 71.0, 72.0);
        List<SpcPointType> flags = new ArrayList<>(java.util.Collections.nCopies(12, SpcPointType.COMMON_CAUSE));
        flags.set(8, SpcPointType.CONCERN);
        Chart.Spc spc = new Chart.Spc(
                "Virtual ward occupancy",
                "",
                "%",
                "%",
                x,
                v,
                constant(12, 70.0),
                constant(12, 45.0),
                constant(12, 95.0),
                80.0,
                flags,
                null,
                null,
                NO_ROWS);
        String svg = new SvgChartRenderer().svg(spc).orElseThrow();
        // Making Data Count concern orange, #fab428 = rgb(250,180,40): the point and its legend entry, no line
        assertEquals(
                2,
                Pattern.compile("fill: ?rgb\\(250, ?180, ?40\\)")
                        .matcher(svg)
                        .results()
                        .count(),
                "the point and its legend entry");
        assertFalse(
                Pattern.compile("stroke: ?rgb\\(250, ?180, ?40\\)").matcher(svg).find(), "no orange line");
        assertTrue(texts(svg).contains("Special cause: concern"), texts(svg).toString());
    }

    /**
     * ECharts colours a legend entry from the series' colour, not its line's: an SPC chart whose series set only a
     * line colour got legend entries in the default palette (a blue "Value", an orange "Lower process limit")
     * that read as the improvement and concern colours of the points.
     */
    @Test
    @SuppressWarnings("unchecked")
    void everySpcLegendEntryHasTheColourOfWhatItNames() {
        List<String> x = months(6);
        List<Double> v = Arrays.asList(70.0, 96.0, 71.0, 40.0, 70.0, 71.0);
        List<SpcPointType> types = List.of(
                SpcPointType.COMMON_CAUSE,
                SpcPointType.IMPROVEMENT,
                SpcPointType.COMMON_CAUSE,
                SpcPointType.CONCERN,
                SpcPointType.COMMON_CAUSE,
                SpcPointType.COMMON_CAUSE);
        Chart.Spc spc = new Chart.Spc(
                "Occupancy",
                "",
                "%",
                "%",
                x,
                v,
                constant(6, 70.0),
                constant(6, 45.0),
                constant(6, 95.0),
                null,
                types,
                SpcIcon.COMMON_CAUSE,
                null,
                NO_ROWS);
        Map<String, Object> o = new EChartsOptions().option(spc).orElseThrow();
        List<Map<String, Object>> series = (List<Map<String, Object>>) o.get("series");
        Map<String, String> legend = new java.util.LinkedHashMap<>();
        for (Map<String, Object> s : series) {
            String colour = (String) s.get("color");
            legend.put((String) s.get("name"), colour);
            assertEquals(colour, ((Map<?, ?>) s.get("itemStyle")).get("color"), s.get("name") + ": legend mark");
            if ("line".equals(s.get("type"))) {
                assertEquals(colour, ((Map<?, ?>) s.get("lineStyle")).get("color"), s.get("name") + ": its line");
            }
        }
        assertEquals(
                List.of(
                        "Value",
                        "Mean",
                        "Lower process limit",
                        "Upper process limit",
                        "Special cause: improvement",
                        "Special cause: concern"),
                List.copyOf(legend.keySet()));
        assertEquals(SpcPointType.IMPROVEMENT.colour(), legend.get("Special cause: improvement"));
        assertEquals(SpcPointType.CONCERN.colour(), legend.get("Special cause: concern"));
        assertEquals(SpcPointType.COMMON_CAUSE.colour(), legend.get("Value"), "the line is the common-cause grey");
        List<Map<String, Object>> points =
                (List<Map<String, Object>>) series.get(0).get("data");
        for (int i = 0; i < points.size(); i++) {
            assertEquals(types.get(i).colour(), ((Map<?, ?>) points.get(i).get("itemStyle")).get("color"), x.get(i));
        }
    }

    @Test
    void coordinatesAreWrittenToAHundredthOfAPixel() {
        assertEquals("401.63", SvgChartRenderer.hundredths(401.6257019042969));
        assertEquals("720", SvgChartRenderer.hundredths(720.0));
        assertEquals("-157.5", SvgChartRenderer.hundredths(-157.5));
        assertEquals("0", SvgChartRenderer.hundredths(-0.001));
    }
}
