package org.openphm.publish.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.openphm.publish.results.DataTable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** A waterfall printed for the pack: every step named, every bar labelled, and each bar where its step puts it. */
class WaterfallDrawingTest {
    /** Start 100, +30, −10, end 120: the bars span 0–100, 100–130, 120–130 and 0–120. */
    static Chart.Waterfall hundredToHundredAndTwenty() {
        return new Chart.Waterfall(
                "Emergency admissions",
                "BLMK ICB",
                "",
                "",
                "Admissions",
                List.of(
                        new Chart.Step("2024/25 baseline", Chart.StepKind.TOTAL, 100, 0, 100),
                        new Chart.Step("Demographic growth", Chart.StepKind.CHANGE, 30, 100, 130),
                        new Chart.Step("ACSC admission avoidance", Chart.StepKind.CHANGE, -10, 130, 120),
                        new Chart.Step("2036/37 scenario", Chart.StepKind.TOTAL, 120, 0, 120)),
                new DataTable("t", List.of(), List.of()));
    }

    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void everyStepIsNamedAndLabelledWithItsFigure() throws Exception {
        String svg = new SvgChartRenderer().svg(hundredToHundredAndTwenty()).orElseThrow();
        NodeList nodes = parse(svg).getElementsByTagName("text");
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        // a long category label is wrapped onto lines, one text element each
        String all = String.join(" ", texts).replaceAll("\\s+", " ");
        for (String label :
                List.of("2024/25 baseline", "Demographic growth", "ACSC admission avoidance", "2036/37 scenario")) {
            assertTrue(all.contains(label), label + " in " + texts);
        }
        for (String figure : List.of("100", "+30", "\u221210", "120", "Increase", "Decrease", "Total")) {
            assertTrue(texts.contains(figure), figure + " in " + texts);
        }
    }

    @Test
    void eachBarFloatsFromTheRunningTotal() throws Exception {
        String svg = new SvgChartRenderer().svg(hundredToHundredAndTwenty()).orElseThrow();
        // the bars, left to right: grey total, blue increase, vermillion decrease, grey total
        List<double[]> bars = new ArrayList<>();
        List<String> fills = new ArrayList<>();
        NodeList rects = parse(svg).getElementsByTagName("rect");
        for (int i = 0; i < rects.getLength(); i++) {
            Element r = (Element) rects.item(i);
            String style = r.getAttribute("style").replace(" ", "");
            for (String fill : List.of("rgb(127,127,127)", "rgb(0,114,178)", "rgb(213,94,0)")) {
                if (style.contains("fill:" + fill)) {
                    fills.add(fill);
                    bars.add(new double[] {
                        Double.parseDouble(r.getAttribute("y")), Double.parseDouble(r.getAttribute("height"))
                    });
                }
            }
        }
        assertEquals(List.of("rgb(127,127,127)", "rgb(0,114,178)", "rgb(213,94,0)", "rgb(127,127,127)"), fills);
        double perUnit = bars.get(0)[1] / 100; // the baseline bar is 100 tall
        double zero = bars.get(0)[0] + bars.get(0)[1];
        double[][] expected = {{0, 100}, {100, 130}, {120, 130}, {0, 120}};
        for (int i = 0; i < 4; i++) {
            double bottom = bars.get(i)[0] + bars.get(i)[1];
            assertEquals(expected[i][0], (zero - bottom) / perUnit, 0.2, "bar " + i + " lower edge");
            assertEquals(expected[i][1], (zero - bars.get(i)[0]) / perUnit, 0.2, "bar " + i + " upper edge");
        }
    }
}
