package org.openphm.publish.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openphm.model.results.ChartSpec;
import org.openphm.publish.results.ResultsDir;
import org.w3c.dom.NodeList;

/**
 * A fan chart: a projection whose band is the spread of a model's runs, not a confidence interval. The chart
 * description's "band" says what it is, and the caption, legend and band series say that, in print and browser.
 */
class EChartsFanChartTest {
    private static final String RUNS = "p10\u2013p90 of 256 Monte Carlo runs";

    @TempDir
    Path dir;

    @BeforeEach
    void projectionTable() throws IOException {
        Path results = Files.createDirectories(dir.resolve("results"));
        Files.writeString(results.resolve("metadata.json"), "{}");
        Files.writeString(results.resolve("fan.csv"), """
                year,scenario,admissions,p10,p90
                2024,Scenario,100,100,100
                2025,Scenario,104,101,107
                2026,Scenario,109,103,115
                """);
    }

    private Chart.Lines resolve(String band) throws IOException {
        Map<String, String> encoding = new HashMap<>(
                Map.of("x", "year", "y", "admissions", "series", "scenario", "lower", "p10", "upper", "p90"));
        if (band != null) {
            encoding.put("band", band);
        }
        ChartSpec spec = new ChartSpec(
                "projection",
                "Emergency admissions",
                "BLMK ICB",
                ChartSpec.DataRef.ofTable("fan.csv", Map.of()),
                encoding,
                null,
                "Admissions",
                null);
        return (Chart.Lines) new ChartResolver(ResultsDir.load(dir)).resolve(spec);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> seriesNames(Map<String, Object> option) {
        return ((List<Map<String, Object>>) option.get("series"))
                .stream().map(s -> s.get("name")).toList();
    }

    private static List<String> texts(String svg) throws Exception {
        NodeList nodes = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)))
                .getElementsByTagName("text");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(nodes.item(i).getTextContent());
        }
        return out;
    }

    @Test
    void theBandIsNamedAsTheChartDescriptionSays() throws Exception {
        Chart.Lines fan = resolve(RUNS);
        Map<String, Object> o = new EChartsOptions().option(fan).orElseThrow();
        assertEquals("BLMK ICB \u00b7 Shaded: " + RUNS, ((Map<?, ?>) o.get("title")).get("subtext"));
        assertEquals(List.of("Scenario", "Scenario " + RUNS, "Scenario " + RUNS), seriesNames(o));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> series = (List<Map<String, Object>>) o.get("series");
        // the band: p10, then p90 − p10 stacked on it
        assertEquals(List.of(100.0, 101.0, 103.0), series.get(1).get("data"));
        assertEquals(List.of(0.0, 6.0, 12.0), series.get(2).get("data"));

        String svg = new SvgChartRenderer().svg(fan).orElseThrow();
        assertTrue(texts(svg).contains("Shaded: " + RUNS), texts(svg).toString());
        assertTrue(
                !texts(svg).contains("Shaded: 95% confidence interval"),
                texts(svg).toString());
        assertTrue(Pattern.compile("fill-opacity: ?0\\.1[56]").matcher(svg).find(), "the band is printed");
    }

    @Test
    void withoutABandAProjectionsLimitsAreA95PercentInterval() throws Exception {
        Chart.Lines projection = resolve(null);
        Map<String, Object> o = new EChartsOptions().option(projection).orElseThrow();
        assertEquals("BLMK ICB \u00b7 Shaded: 95% confidence interval", ((Map<?, ?>) o.get("title")).get("subtext"));
        assertEquals(List.of("Scenario", "Scenario 95% CI", "Scenario 95% CI"), seriesNames(o));
        String svg = new SvgChartRenderer().svg(projection).orElseThrow();
        assertTrue(
                texts(svg).contains("Shaded: 95% confidence interval"),
                texts(svg).toString());
        assertTrue(Pattern.compile("fill-opacity: ?0\\.1[56]").matcher(svg).find(), "the band is printed");
    }
}
