package org.openphm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openphm.model.ReferenceCsv;

/**
 * Issue 19 item 4, national and regional levels: {@code phm build-england} ingests each ICB of a synthetic England
 * into a workspace of its own, counts them one at a time, and publishes England, its regions and its ICBs. Three
 * ICBs of a scaled England: QKK and QMF of London, QJK of the South West.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BuildEnglandTest {

    Path tmp;
    Path data;
    Path workspaces;
    Path out;
    CliRun built;

    @BeforeAll
    void generateAndBuild(@TempDir Path dir) {
        tmp = dir;
        data = tmp.resolve("england");
        workspaces = tmp.resolve("workspaces");
        out = tmp.resolve("out");
        // about 2,000 to 2,500 patients each
        CliRun generated = CliRun.of(
                "generate", "--england", "--patients", "126000", "--icbs", "QKK,QMF,QJK", "--out", data.toString());
        assertEquals(0, generated.code(), generated.err());
        built = CliRun.of(
                "build-england",
                "--data",
                data.toString(),
                "--workspaces",
                workspaces.toString(),
                "--out",
                out.toString(),
                "--analyst-outputs");
    }

    @Test
    void englandRegionsAndIcbsArePublishedThroughTheOutputCheck() {
        assertEquals(0, built.code(), built.err());
        assertTrue(built.out().contains("Ingested 3 ICBs"), built.out());
        assertTrue(built.out().contains("53 indicators for England, 2 regions and 3 ICBs"), built.out());
        assertTrue(built.out().contains("no disclosure problems"), built.out());
        for (String code : List.of("QKK", "QMF", "QJK")) {
            assertTrue(Files.isRegularFile(workspaces.resolve(code + ".duckdb")), code);
        }
        assertTrue(Files.isRegularFile(out.resolve("results").resolve("indicators.csv")));
        assertTrue(Files.isRegularFile(out.resolve("results").resolve("metadata.json")));
    }

    /** Counts add up: a region's are its ICBs', England's all of them, for every indicator, year and category. */
    @Test
    void aRegionIsTheSumOfItsIcbsAndEnglandOfAll() throws IOException {
        List<ReferenceCsv.Row> rows =
                rows(out.resolve("analyst").resolve("results").resolve("indicators.csv"));
        Map<String, double[]> london = new HashMap<>();
        Map<String, double[]> all = new HashMap<>();
        Map<String, ReferenceCsv.Row> regionRows = new HashMap<>();
        Map<String, ReferenceCsv.Row> englandRows = new HashMap<>();
        for (ReferenceCsv.Row r : rows) {
            String cell = r.get("indicator_id") + "|" + r.get("period") + "|" + r.optional("category_type") + "|"
                    + r.optional("category") + "|" + r.get("sex") + "|" + r.get("age");
            switch (r.get("area_type")) {
                case "ICB" -> {
                    String region = r.get("area_code").equals("QJK") ? "Y58" : "Y56";
                    assertEquals(region, r.get("parent_code"), r.get("area_code") + "'s region");
                    add(all, cell, r);
                    if (region.equals("Y56")) {
                        add(london, cell, r);
                    }
                }
                case "Region" -> {
                    assertEquals("E92000001", r.get("parent_code"));
                    if (r.get("area_code").equals("Y56")) {
                        regionRows.put(cell, r);
                    }
                }
                case "England" -> {
                    englandRows.put(cell, r);
                    assertEquals("Not compared", r.get("compared_to_england"), "England against itself");
                }
                default -> throw new AssertionError("unexpected area type " + r.get("area_type"));
            }
        }
        assertEquals(all.keySet(), englandRows.keySet());
        assertTrue(all.size() > 1000, "cells: " + all.size());
        for (Map.Entry<String, double[]> e : all.entrySet()) {
            ReferenceCsv.Row england = englandRows.get(e.getKey());
            assertEquals(e.getValue()[0], number(england, "count"), 1e-9, e.getKey());
            assertEquals(e.getValue()[1], number(england, "denominator"), 1e-9, e.getKey());
        }
        for (Map.Entry<String, double[]> e : london.entrySet()) {
            ReferenceCsv.Row region = regionRows.get(e.getKey());
            assertEquals(e.getValue()[0], number(region, "count"), 1e-9, e.getKey());
            assertEquals(e.getValue()[1], number(region, "denominator"), 1e-9, e.getKey());
        }
    }

    /**
     * An ICB's figures are the same whether it is built alone ({@code phm build}) or with England: the same counts,
     * values and limits for every indicator, year and category of the ICB.
     */
    @Test
    void anIcbsFiguresAreThoseOfItsOwnBuild() throws IOException {
        Path alone = tmp.resolve("qjk-alone");
        CliRun run = CliRun.of(
                "build",
                "--workspace",
                workspaces.resolve("QJK.duckdb").toString(),
                "--out",
                alone.toString(),
                "--no-pack",
                "--analyst-outputs");
        assertEquals(0, run.code(), run.err());
        Map<String, ReferenceCsv.Row> own = icbRows(alone.resolve("analyst").resolve("results"), "QJK");
        Map<String, ReferenceCsv.Row> national = icbRows(out.resolve("analyst").resolve("results"), "QJK");
        // England's years are those complete in every workspace: the ICB's own build may have an earlier one too
        assertTrue(own.keySet().containsAll(national.keySet()));
        assertTrue(national.size() > 1000, "rows: " + national.size());
        int firstYear = national.values().stream()
                .mapToInt(r -> Integer.parseInt(r.get("period").substring(0, 4)))
                .min()
                .orElseThrow();
        for (Map.Entry<String, ReferenceCsv.Row> e : national.entrySet()) {
            List<String> columns =
                    new java.util.ArrayList<>(List.of("count", "denominator", "value", "lower_ci95", "upper_ci95"));
            // a group is compared with its ICB as a whole in both; the ICB itself with two different Englands
            if (!e.getValue().optional("category_type").isEmpty()) {
                columns.add("compared_to_parent");
            }
            // the recent trend reads the year and the four before it: the same where both builds have all five
            if (Integer.parseInt(e.getValue().get("period").substring(0, 4)) >= firstYear + 4) {
                columns.add("recent_trend");
            }
            for (String column : columns) {
                assertEquals(
                        own.get(e.getKey()).optional(column), e.getValue().optional(column), e.getKey() + " " + column);
            }
        }
    }

    /** Built again on unchanged workspaces, every family count is reused from the build cache. */
    @Test
    void aSecondRunReusesEveryCount() {
        CliRun run = CliRun.of("build-england", "--workspaces", workspaces.toString(), "--out", out.toString());
        assertEquals(0, run.code(), run.err());
        assertFalse(run.out().contains("Ingesting"), "every ICB already has its workspace");
        assertEquals(3, run.out().split("family counts reused, 0 computed", -1).length - 1, run.out());
    }

    /** The same ICB in two workspaces would be counted twice: refused, naming both. */
    @Test
    void anIcbInTwoWorkspacesIsRefused() throws IOException {
        Path twice = tmp.resolve("twice");
        Files.createDirectories(twice);
        Files.copy(workspaces.resolve("QJK.duckdb"), twice.resolve("QJK.duckdb"));
        Files.copy(workspaces.resolve("QJK.duckdb"), twice.resolve("QJK-copy.duckdb"));
        CliRun run = CliRun.of(
                "build-england",
                "--workspaces",
                twice.toString(),
                "--out",
                tmp.resolve("twice-out").toString());
        assertNotEquals(0, run.code());
        assertTrue(run.err().contains("ICB QJK is in both QJK-copy.duckdb and QJK.duckdb"), run.err());
        assertFalse(Files.exists(tmp.resolve("twice-out").resolve("results")), "nothing published");
    }

    private static Map<String, ReferenceCsv.Row> icbRows(Path results, String icb) throws IOException {
        Map<String, ReferenceCsv.Row> out = new HashMap<>();
        for (ReferenceCsv.Row r : rows(results.resolve("indicators.csv"))) {
            if (r.get("area_code").equals(icb)) {
                out.put(
                        r.get("indicator_id") + "|" + r.get("period") + "|" + r.optional("category_type") + "|"
                                + r.optional("category") + "|" + r.get("sex") + "|" + r.get("age"),
                        r);
            }
        }
        return out;
    }

    private static void add(Map<String, double[]> sums, String cell, ReferenceCsv.Row r) {
        double[] s = sums.computeIfAbsent(cell, k -> new double[2]);
        s[0] += number(r, "count");
        s[1] += number(r, "denominator");
    }

    private static double number(ReferenceCsv.Row r, String column) {
        String v = r.optional(column);
        return v == null || v.isEmpty() ? 0 : Double.parseDouble(v);
    }

    private static List<ReferenceCsv.Row> rows(Path csv) throws IOException {
        try (var reader = Files.newBufferedReader(csv)) {
            return ReferenceCsv.rows(reader, csv.toString());
        }
    }
}
