package org.openphm.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openphm.analyses.catalogue.AnalysisInfo;
import org.openphm.analyses.output.AnalysisFiles;
import org.openphm.analyses.performance.DashboardPage;
import org.openphm.analyses.performance.MetricPoint;
import org.openphm.analyses.performance.MetricSeries;
import org.openphm.analyses.performance.MetricSpc;
import org.openphm.analyses.performance.PerformanceDashboard;
import org.openphm.model.results.ChartSpec;
import org.openphm.publish.chart.Chart;
import org.openphm.publish.chart.ChartResolver;
import org.openphm.publish.chart.EChartsOptions;
import org.openphm.publish.chart.SpcIcon;
import org.openphm.publish.chart.SpcPointType;
import org.openphm.publish.results.ResultsDir;
import org.openphm.publish.text.KeyPointWriter;
import org.openphm.stats.Polarity;
import org.openphm.stats.spc.SpcChart;
import org.openphm.stats.spc.SpcPoint;
import org.openphm.stats.spc.VariationIcon;

/**
 * The SPC verdict from the statistics module to the printed sentence, icon and point colours, through the real
 * path: {@link MetricSpc} and {@link PerformanceDashboard} write the series table, the build's writer publishes
 * it, and the pack resolves, draws and describes the chart. Every sentence and colour is checked against the
 * statistics module's own points, so a verdict can no longer say "common cause" over a chart that colours a
 * month as special cause without naming that month.
 */
class SpcVerdictTest {
    private static final YearMonth FIRST = YearMonth.of(2024, 1);

    @TempDir
    static Path dir;

    static ResultsDir results;
    static final Map<String, MetricSeries> SERIES = new LinkedHashMap<>();

    /**
     * 20 months alternating 300 (even months) and 310 (odd months) beds, except 2024-10 (index 9): 235.
     * Mean = (10 × 300 + 9 × 310 + 235) / 20 = 6025 / 20 = 301.25. Moving ranges: 17 of 10 and the two either
     * side of 235 of 65, so the mean moving range is (170 + 130) / 19 = 15.789; limits 301.25 ± 2.66 × 15.789
     * = 259.25 to 343.25. 235 is below the lower limit: special cause, concern with higher = better. No other
     * rule fires: the points alternate about the mean (no shift or trend) and none but 235 is beyond two sigma
     * (301.25 ± 28.0). The latest month (2025-08, 310) is common cause: its icon says common cause while the
     * chart colours 2024-10 orange, which is the case a reader found printed as plain "Common cause variation".
     */
    static List<Double> bedsWithOneLowMonth() {
        List<Double> v = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            v.add(i == 9 ? 235.0 : i % 2 == 0 ? 300.0 : 310.0);
        }
        return v;
    }

    @BeforeAll
    static void build() throws Exception {
        List<Double> beds = bedsWithOneLowMonth();
        add("beds_low_month", "beds", Polarity.HIGH_IS_GOOD, beds);
        // the same months with no improvement direction: the low month is special cause "neither" (purple)
        add("beds_no_direction", "beds", Polarity.NO_JUDGEMENT, beds);
        // a month far above the rest at the end: the latest point is itself special cause (improvement)
        List<Double> rising = new ArrayList<>(beds);
        rising.add(380.0);
        add("beds_latest_high", "beds", Polarity.HIGH_IS_GOOD, rising);
        // a run of 8 months above the mean in the middle (shift) and an outlier, latest common cause; lower is better
        List<Double> waits = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            waits.add(i >= 6 && i < 14 ? 60.0 + i % 2 : i == 18 ? 20.0 : 50.0 + i % 2 * 2);
        }
        add("waits_shift", "%", Polarity.LOW_IS_GOOD, waits);

        DashboardPage page = new DashboardPage(
                "dp-7.2-spc-verdicts",
                "DP 7.2",
                "SPC verdicts",
                "Test page",
                SERIES.values().stream()
                        .map(s -> new DashboardPage.PageMetric(s.metricId(), s.name(), s.unit(), List.of(s.orgCode())))
                        .toList(),
                FIRST.plusMonths(19),
                List.of());
        PerformanceDashboard dashboard = new PerformanceDashboard(page);
        AnalysisInfo info = dashboard.info();
        Path resultsDir = Files.createDirectories(dir.resolve(ResultsDir.RESULTS));
        AnalysisFiles.write(resultsDir, info, dashboard.tables(List.copyOf(SERIES.values())));
        Map<String, Object> analysis = new LinkedHashMap<>();
        analysis.put("id", info.id());
        analysis.put("section", info.section());
        analysis.put("title", info.title());
        analysis.put("charts", info.publishedCharts());
        new ObjectMapper()
                .writeValue(
                        resultsDir.resolve(ResultsDir.METADATA).toFile(),
                        Map.of("schema_version", 1, "analyses", List.of(analysis)));
        results = ResultsDir.load(dir);
    }

    private static void add(String id, String unit, Polarity polarity, List<Double> values) {
        List<MetricPoint> points = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            points.add(new MetricPoint(FIRST.plusMonths(i), values.get(i), null, null, null, null, null, null));
        }
        SERIES.put(id, new MetricSeries(id, id.replace('_', ' '), unit, polarity, "QHG", points));
    }

    /** The pack's SPC charts, resolved from the published tables, by metric. */
    private static Map<String, Chart.Spc> charts() {
        Map<String, Chart.Spc> out = new LinkedHashMap<>();
        ChartResolver resolver = new ChartResolver(results);
        for (ChartSpec spec : results.metadata().analyses().get(0).charts()) {
            if ("spc".equals(spec.kind())) {
                out.put(spec.data().filter().get("metric_id"), (Chart.Spc) resolver.resolve(spec));
            }
        }
        assertEquals(SERIES.keySet(), out.keySet());
        return out;
    }

    private static SpcPointType expected(SpcPoint p) {
        VariationIcon v = p.variation();
        return v.isImprovement()
                ? SpcPointType.IMPROVEMENT
                : v.isConcern()
                        ? SpcPointType.CONCERN
                        : v.isSpecialCause() ? SpcPointType.NEITHER : SpcPointType.COMMON_CAUSE;
    }

    @Test
    void theHandWorkedChartIsPublishedWithItsLimitsAndItsLowMonth() {
        Chart.Spc s = charts().get("beds_low_month");
        assertEquals(259.25, s.lower().get(0), 0.01);
        assertEquals(343.25, s.upper().get(0), 0.01);
        assertEquals(SpcPointType.CONCERN, s.pointTypes().get(9));
        assertEquals(
                1, s.pointTypes().stream().filter(SpcPointType::isSpecialCause).count());
        assertEquals(SpcIcon.COMMON_CAUSE, s.variation());
        assertEquals(
                List.of(
                        "Latest: 310 beds in 2025-08.",
                        "1 of 20 points outside the process limits.",
                        "Latest month (2025-08): common cause variation; 1 earlier month showed special cause: concern "
                                + "in 2024-10."),
                new KeyPointWriter().write(s));
        assertEquals(
                SpcPointType.NEITHER,
                charts().get("beds_no_direction").pointTypes().get(9));
    }

    /** Every point of every chart has the statistics module's verdict, drawn limits and colour. */
    @Test
    @SuppressWarnings("unchecked")
    void everyPointIsDrawnWithTheStatisticsModulesFlagAndLimits() {
        EChartsOptions echarts = new EChartsOptions();
        charts().forEach((metric, s) -> {
            SpcChart spc = MetricSpc.of(SERIES.get(metric));
            List<Map<String, Object>> series =
                    (List<Map<String, Object>>) echarts.option(s).orElseThrow().get("series");
            List<Map<String, Object>> drawn =
                    (List<Map<String, Object>>) series.get(0).get("data");
            for (int i = 0; i < spc.points().size(); i++) {
                SpcPoint p = spc.points().get(i);
                String at = metric + " " + s.x().get(i);
                assertEquals(expected(p), s.pointTypes().get(i), at);
                assertEquals(expected(p).colour(), ((Map<?, ?>) drawn.get(i).get("itemStyle")).get("color"), at);
                assertEquals(p.lowerProcessLimit(), s.lower().get(i), 1e-6, at);
                assertEquals(p.upperProcessLimit(), s.upper().get(i), 1e-6, at);
                assertEquals(
                        p.outsideLimits(),
                        s.values().get(i) < s.lower().get(i)
                                || s.values().get(i) > s.upper().get(i),
                        at + ": outside the drawn limits");
            }
            assertEquals(
                    expected(spc.points().get(spc.points().size() - 1)),
                    s.variation().type(),
                    metric);
        });
    }

    private static final Pattern MONTH_OR_RUN = Pattern.compile("(\\d{4}-\\d{2})(?: to (\\d{4}-\\d{2}))?");

    /**
     * A sentence may say "common cause" only if it names every earlier month the chart colours as special
     * cause (the latest month is the one the icon speaks of); the variation sentence names exactly those.
     */
    @Test
    void noSentenceSaysCommonCauseWithoutNamingTheSpecialCauseMonths() {
        KeyPointWriter writer = new KeyPointWriter();
        int specialCharts = 0;
        for (Map.Entry<String, Chart.Spc> e : charts().entrySet()) {
            Chart.Spc s = e.getValue();
            SpcChart spc = MetricSpc.of(SERIES.get(e.getKey()));
            int latest = spc.points().size() - 1;
            TreeSet<String> special = new TreeSet<>();
            for (SpcPoint p : spc.points().subList(0, latest)) {
                if (p.isSpecialCause()) {
                    special.add(s.x().get(p.index()));
                }
            }
            specialCharts += special.isEmpty() ? 0 : 1;
            List<String> points = writer.write(s);
            for (String sentence : points) {
                if (sentence.toLowerCase(Locale.ROOT).contains("common cause")) {
                    assertTrue(
                            namedMonths(sentence, s.x(), s.x().get(latest)).containsAll(special),
                            e.getKey() + ": '" + sentence + "' hides special-cause months " + special);
                }
            }
            String variation = points.stream()
                    .filter(p -> p.startsWith("Latest month ("))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(e.getKey() + ": no variation sentence in " + points));
            assertEquals(special, namedMonths(variation, s.x(), s.x().get(latest)), e.getKey() + ": " + variation);
        }
        assertEquals(SERIES.size(), specialCharts, "every chart here has an earlier special-cause month");
    }

    /** The months a sentence names, runs ("2025-05 to 2025-07") expanded over the chart's months. */
    private static TreeSet<String> namedMonths(String sentence, List<String> x, String latest) {
        TreeSet<String> named = new TreeSet<>();
        Matcher m = MONTH_OR_RUN.matcher(sentence);
        while (m.find()) {
            int from = x.indexOf(m.group(1));
            int to = m.group(2) == null ? from : x.indexOf(m.group(2));
            for (int i = from; i <= to; i++) {
                named.add(x.get(i));
            }
        }
        named.remove(latest);
        return named;
    }
}
