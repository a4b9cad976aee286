package org.openphm.publish.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openphm.model.results.ChartSpec;
import org.openphm.publish.results.DataTable;
import org.openphm.publish.results.ResultsDir;

/**
 * An impact model's waterfall, from its table to the browser: the rows drawn in step order, each change
 * floating on an invisible bar at the running total, and a table whose steps do not add up never drawn.
 */
class EChartsWaterfallTest {
    @TempDir
    Path dir;

    private Path results;

    @BeforeEach
    void emptyResults() throws IOException {
        results = Files.createDirectories(dir.resolve("results"));
        Files.writeString(results.resolve("metadata.json"), "{}");
    }

    /**
     * Admissions: start 100, +30, −10, end 120, the rows out of order and step 10 last (as text, "10" sorts
     * before "2"); bed days, filtered out, would add 500 to every figure.
     */
    private Chart resolve(String scenarioTotal) throws IOException {
        Files.writeString(results.resolve("impact.csv"), """
                measure,step,step_order,kind,change
                admissions,2036/37 scenario,10,total,%s
                admissions,Demographic growth,2,change,30
                bed_days,2024/25 baseline,1,total,500
                admissions,2024/25 baseline,1,total,100
                admissions,ACSC admission avoidance,3,change,-10
                bed_days,2036/37 scenario,10,total,500
                """.formatted(scenarioTotal));
        ChartSpec spec = new ChartSpec(
                "waterfall",
                "Emergency admissions to 2036/37",
                null,
                ChartSpec.DataRef.ofTable("impact.csv", Map.of("measure", "admissions")),
                null,
                null,
                "Admissions",
                null);
        return new ChartResolver(ResultsDir.load(dir)).resolve(spec);
    }

    @Test
    void theStepsAreChainedInStepOrder() throws IOException {
        Chart.Waterfall w = (Chart.Waterfall) resolve("120");
        assertEquals(
                List.of(
                        new Chart.Step("2024/25 baseline", Chart.StepKind.TOTAL, 100, 0, 100),
                        new Chart.Step("Demographic growth", Chart.StepKind.CHANGE, 30, 100, 130),
                        new Chart.Step("ACSC admission avoidance", Chart.StepKind.CHANGE, -10, 130, 120),
                        new Chart.Step("2036/37 scenario", Chart.StepKind.TOTAL, 120, 0, 120)),
                w.steps());
        assertEquals(
                List.of("1", "2", "3", "10"),
                w.source().rows().stream()
                        .map(r -> w.source().get(r, "step_order"))
                        .toList(),
                "the table beside the chart lists the steps as drawn");
    }

    @Test
    @SuppressWarnings("unchecked")
    void eachChangeFloatsOnAnInvisibleBarAtTheRunningTotal() throws IOException {
        Map<String, Object> o = new EChartsOptions().option(resolve("120")).orElseThrow();
        List<Map<String, Object>> series = (List<Map<String, Object>>) o.get("series");
        assertEquals(
                List.of("2024/25 baseline", "Demographic growth", "ACSC admission avoidance", "2036/37 scenario"),
                ((Map<String, Object>) o.get("xAxis")).get("data"));
        Map<String, Object> base = series.get(0);
        Map<String, Object> steps = series.get(1);
        // the invisible bar is the lower edge: zero under a total, 100 under +30, 120 (after the fall) under −10
        assertEquals(List.of(0.0, 100.0, 120.0, 0.0), base.get("data"));
        assertEquals("transparent", ((Map<String, Object>) base.get("itemStyle")).get("color"));
        assertEquals(Map.of("show", false), base.get("tooltip"));
        assertEquals("waterfall", base.get("stack"));
        assertEquals("waterfall", steps.get("stack"));
        assertEquals("all", base.get("stackStrategy"));
        assertEquals("all", steps.get("stackStrategy"));
        List<Map<String, Object>> bars = (List<Map<String, Object>>) steps.get("data");
        assertEquals(
                List.of(100.0, 30.0, 10.0, 120.0),
                bars.stream().map(b -> b.get("value")).toList());
        assertEquals(
                List.of(Palette.STEP_TOTAL, Palette.STEP_UP, Palette.STEP_DOWN, Palette.STEP_TOTAL),
                bars.stream()
                        .map(b -> ((Map<String, Object>) b.get("itemStyle")).get("color"))
                        .toList());
        assertEquals(
                3,
                java.util.Set.of(Palette.STEP_TOTAL, Palette.STEP_UP, Palette.STEP_DOWN)
                        .size());
        assertEquals(
                List.of("100", "+30", "\u221210", "120"),
                bars.stream()
                        .map(b -> ((Map<String, Object>) b.get("label")).get("formatter"))
                        .toList());
        assertEquals(
                List.of(
                        "{b}<br/>Total: 100",
                        "{b}<br/>Change: +30<br/>Running total: 130",
                        "{b}<br/>Change: \u221210<br/>Running total: 120",
                        "{b}<br/>Total: 120"),
                bars.stream()
                        .map(b -> ((Map<String, Object>) b.get("tooltip")).get("formatter"))
                        .toList());
        assertEquals("item", ((Map<String, Object>) o.get("tooltip")).get("trigger"));
        assertEquals(
                List.of("Increase", "Decrease", "Total"),
                ((List<Map<String, Object>>) ((Map<String, Object>) o.get("legend")).get("data"))
                        .stream().map(l -> l.get("name")).toList());
    }

    /** Start 10, −30, +5, end −15: the fall crosses zero, so two bars stand below it. */
    @Test
    @SuppressWarnings("unchecked")
    void barsBelowZeroStandOnTheirLowerEdge() {
        Chart.Waterfall w = new Chart.Waterfall(
                "Net",
                "",
                "",
                "",
                "",
                List.of(
                        new Chart.Step("Start", Chart.StepKind.TOTAL, 10, 0, 10),
                        new Chart.Step("Fall", Chart.StepKind.CHANGE, -30, 10, -20),
                        new Chart.Step("Rise", Chart.StepKind.CHANGE, 5, -20, -15),
                        new Chart.Step("End", Chart.StepKind.TOTAL, -15, 0, -15)),
                new DataTable("t", List.of(), List.of()));
        List<Map<String, Object>> series = (List<Map<String, Object>>)
                new EChartsOptions().option(w).orElseThrow().get("series");
        assertEquals(List.of(0.0, -20.0, -20.0, -15.0), series.get(0).get("data"));
        assertEquals(
                List.of(10.0, 30.0, 5.0, 15.0),
                ((List<Map<String, Object>>) series.get(1).get("data"))
                        .stream().map(b -> b.get("value")).toList());
    }

    @Test
    void aWaterfallThatDoesNotAddUpIsNeverDrawn() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> resolve("125"));
        assertTrue(e.getMessage().contains("Emergency admissions to 2036/37"), e.getMessage());
        assertTrue(e.getMessage().contains("add up to 120 "), e.getMessage());
        assertTrue(e.getMessage().contains(" is 125"), e.getMessage());
    }

    @Test
    void aDifferenceOfRoundingIsNotAFault() throws IOException {
        // 120.00001 is 8.3e-8 from 120, relatively; 120.001 is 8.3e-6, beyond 1e-6
        assertEquals(
                120.00001,
                ((Chart.Waterfall) resolve("120.00001")).steps().get(3).value());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> resolve("120.001"));
        assertTrue(e.getMessage().contains("120.001"), e.getMessage());
    }

    @Test
    void aStepOfAnUnknownKindOrWithoutAFigureIsRefused() throws IOException {
        Files.writeString(results.resolve("odd.csv"), """
                step,step_order,kind,change
                Start,1,total,100
                Growth,2,subtotal,30
                End,3,total,130
                """);
        ChartSpec spec = new ChartSpec(
                "waterfall", "Odd", null, ChartSpec.DataRef.ofTable("odd.csv", Map.of()), null, null, null, null);
        IllegalArgumentException kind = assertThrows(
                IllegalArgumentException.class, () -> new ChartResolver(ResultsDir.load(dir)).resolve(spec));
        assertTrue(kind.getMessage().contains("'Odd'") && kind.getMessage().contains("subtotal"), kind.getMessage());

        Files.writeString(results.resolve("gap.csv"), """
                step,step_order,kind,change
                Start,1,total,100
                Growth,2,change,
                End,3,total,130
                """);
        ChartSpec gap = new ChartSpec(
                "waterfall", "Gap", null, ChartSpec.DataRef.ofTable("gap.csv", Map.of()), null, null, null, null);
        IllegalArgumentException missing = assertThrows(
                IllegalArgumentException.class, () -> new ChartResolver(ResultsDir.load(dir)).resolve(gap));
        assertTrue(
                missing.getMessage().contains("'Gap'") && missing.getMessage().contains("Growth"),
                missing.getMessage());
    }

    @Test
    void aWaterfallStartsAndEndsWithATotal() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> new Chart.Waterfall(
                        "No end",
                        "",
                        "",
                        "",
                        "",
                        List.of(
                                new Chart.Step("Start", Chart.StepKind.TOTAL, 10, 0, 10),
                                new Chart.Step("Rise", Chart.StepKind.CHANGE, 5, 10, 15)),
                        new DataTable("t", List.of(), List.of())));
        assertTrue(e.getMessage().contains("'No end'"), e.getMessage());
    }
}
