package org.openphm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openphm.outputcheck.Finding;
import org.openphm.outputcheck.OutputCheck;
import org.openphm.outputcheck.Rule;
import org.openphm.server.DashboardServer;

/**
 * The whole catalogue, built as a user builds it ({@code phm demo} on 20,000 synthetic patients), and every file
 * it publishes and every API response over it checked by the independent output check: no indicator or analysis,
 * present or future, can publish a small number or an identifier without this test failing (issue 15).
 */
class PublishedOutputsTest {

    @TempDir
    static Path dir;

    @BeforeAll
    static void buildTheDemo() {
        int exit = Phm.commandLine().execute("demo", "--patients", "20000", "--out", dir.toString());
        assertEquals(0, exit, "phm demo failed (a failed output check fails the build)");
    }

    @Test
    void everyPublishedFilePassesTheOutputCheck() throws Exception {
        OutputCheck.Report report = OutputCheck.check(dir);
        assertTrue(
                report.passed(),
                () -> report.findings().size() + " findings, first: "
                        + report.findings()
                                .subList(0, Math.min(10, report.findings().size())));
        assertTrue(report.files() > 200, "results and pack: " + report.files() + " files");
        assertTrue(
                Files.exists(dir.resolve("pack/datapack.pdf")) && Files.exists(dir.resolve("results/indicators.csv")));
        assertTrue(Files.notExists(dir.resolve(".staging")), "the staging folder is gone once published");
    }

    /** The check is not vacuous on real outputs: a count put back and a single hidden cell are found. */
    @Test
    void breachesPlantedInTheRealResultsAreFound() throws Exception {
        Path copy = dir.resolve("analyst").resolve("planted");
        Files.createDirectories(copy.resolve("results"));
        Files.copy(dir.resolve("results/metadata.json"), copy.resolve("results/metadata.json"));
        List<String> lines = new ArrayList<>(Files.readAllLines(dir.resolve("results/indicators.csv")));
        List<String> header = List.of(lines.get(0).split(","));
        int count = header.indexOf("count");
        int areaType = header.indexOf("area_type");
        int categoryType = header.indexOf("category_type");
        // The first published Place headline count: set to 3 (a small count). Every Place of that indicator and
        // period is published, so hiding this one alone would be differenced out of the ICB total; the check
        // must say both.
        int planted = -1;
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",", -1);
            if (f.length == header.size()
                    && "Place".equals(f[areaType])
                    && f[categoryType].isEmpty()
                    && !f[count].isEmpty()
                    && Double.parseDouble(f[count]) > 100) {
                f[count] = "3";
                lines.set(i, String.join(",", f));
                planted = i;
                break;
            }
        }
        assertTrue(planted > 0, "no published Place headline row to plant in");
        Files.write(copy.resolve("results/indicators.csv"), lines);
        int smallAt = planted;
        List<Finding> found = OutputCheck.check(copy).findings();
        assertTrue(found.stream().anyMatch(x -> x.rule() == Rule.SMALL_COUNT && x.row() == smallAt), found.toString());

        String[] f = lines.get(planted).split(",", -1);
        f[count] = "";
        lines.set(planted, String.join(",", f));
        Files.write(copy.resolve("results/indicators.csv"), lines);
        found = OutputCheck.check(copy).findings();
        int row = planted;
        assertTrue(found.stream().anyMatch(x -> x.rule() == Rule.DIFFERENCING && x.row() == row), found.toString());
    }

    /** What the dashboard serves: every indicator's results and view, every analysis view and table. */
    @Test
    void everyApiResponsePassesTheOutputCheck() throws Exception {
        ObjectMapper json = new ObjectMapper();
        HttpClient http = HttpClient.newHttpClient();
        List<Finding> findings = new ArrayList<>();
        int responses = 0;
        try (DashboardServer server = DashboardServer.start(dir, "127.0.0.1", 0)) {
            String base = "http://127.0.0.1:" + server.port();
            // path -> the published files it is cut from
            java.util.Map<String, List<String>> paths = new java.util.LinkedHashMap<>();
            for (String p : List.of("/api/sections", "/api/indicators", "/api/areas", "/api/analyses")) {
                paths.put(p, List.of());
            }
            List<String> indicatorFiles = List.of("indicators.csv");
            JsonNode areas = json.readTree(get(http, base + "/api/areas"));
            List<String> someAreas = new ArrayList<>();
            for (String type : List.of("ICB", "Place", "Neighbourhood", "PCN", "Practice")) {
                for (JsonNode a : areas) {
                    if (type.equals(a.path("type").asText())) {
                        someAreas.add(a.path("code").asText());
                        break;
                    }
                }
            }
            for (JsonNode i : json.readTree(get(http, base + "/api/indicators"))) {
                String id = i.path("id").asText();
                paths.put("/api/results?indicator=" + id, indicatorFiles);
                paths.put("/api/results?indicator=" + id + "&format=csv", indicatorFiles);
                // the area views (comparison, practice funnel, schematic map) are cut from the same file
                paths.put(
                        "/api/views/compare?indicator=" + id + "&areas=" + String.join(",", someAreas), indicatorFiles);
                paths.put("/api/views/funnel?indicator=" + id, indicatorFiles);
                paths.put("/api/views/map?indicator=" + id, indicatorFiles);
                for (String area : someAreas) {
                    paths.put("/api/views/overview?area=" + area, indicatorFiles);
                    paths.put("/api/views/profile?area=" + area, indicatorFiles);
                    for (String b : List.of("none", "sex", "age", "ethnicity", "deprivation")) {
                        paths.put("/api/views/indicator/" + id + "?area=" + area + "&breakdown=" + b, indicatorFiles);
                    }
                    paths.put("/api/views/indicator/" + id + "?area=" + area + "&format=csv&chart=0", indicatorFiles);
                }
            }
            for (JsonNode a : json.readTree(get(http, base + "/api/analyses"))) {
                String id = a.path("id").asText();
                List<String> tableFiles = new ArrayList<>();
                a.path("tables").forEach(t -> tableFiles.add(t.path("file").asText()));
                for (String area : someAreas) {
                    paths.put("/api/views/analysis/" + id + "?area=" + area, tableFiles);
                }
                for (JsonNode t : a.path("tables")) {
                    String table = "/api/analyses/" + id + "/tables/"
                            + URLEncoder.encode(t.path("name").asText(), StandardCharsets.UTF_8);
                    paths.put(table, List.of(t.path("file").asText()));
                    paths.put(table + "?format=csv", List.of(t.path("file").asText()));
                }
            }
            for (String p : paths.keySet()) {
                HttpResponse<String> r = http.send(
                        HttpRequest.newBuilder(URI.create(base + p)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    continue; // a view not published at that area says so with a 404; it carries no figures
                }
                responses++;
                boolean csv = r.headers().firstValue("content-type").orElse("").startsWith("text/csv");
                findings.addAll(OutputCheck.checkServed(dir, p, r.body(), csv, paths.get(p)));
            }
        }
        assertTrue(responses > 1000, "responses checked: " + responses);
        assertTrue(
                findings.isEmpty(),
                () -> findings.size() + " findings, first: " + findings.subList(0, Math.min(10, findings.size())));
    }

    private static String get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
                .body();
    }
}
