package org.openphm.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openphm.publish.fixture.FixtureResults;

class ApiContractTest {
    @TempDir
    static Path dir;

    static DashboardServer server;
    static final HttpClient http = HttpClient.newHttpClient();
    static final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        server = DashboardServer.start(FixtureResults.write(dir), "127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    static HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode ok(String path) throws Exception {
        HttpResponse<String> r = get(path);
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("application/json"), path);
        return json.readTree(r.body());
    }

    @Test
    void sectionsAreTheTwelveInOrderWithTheirItems() throws Exception {
        JsonNode s = ok("/api/sections");
        assertEquals(12, s.size());
        assertEquals("Long Term Conditions QOF", s.get(4).get("title").asText());
        assertEquals("qof-diabetes", s.get(4).get("items").get(0).get("id").asText());
        assertEquals("indicator", s.get(4).get("items").get(0).get("kind").asText());
    }

    @Test
    void indicatorsAreSearchableAndCarryTheirMetadata() throws Exception {
        JsonNode found = ok("/api/indicators?q=DIABETES");
        assertEquals(1, found.size());
        assertEquals("Proportion %", found.get(0).get("value_type").asText());
        assertEquals(3, ok("/api/indicators").size());
        assertEquals(
                "DP 3.8", ok("/api/indicators/cyp-mh-admissions").get("section").asText());
    }

    @Test
    void areasAndResultsFilterByAreaPeriodAndBreakdown() throws Exception {
        assertEquals(4, ok("/api/areas?type=Place").size());
        JsonNode r = ok("/api/results?indicator=qof-diabetes&area=E06000032&period=2024/25&breakdown=none");
        assertEquals(1, r.get("rows").size());
        int valueCol = indexOf(r.get("columns"), "value");
        assertEquals("9.40", r.get("rows").get(0).get(valueCol).asText());
        JsonNode byDeprivation =
                ok("/api/results?indicator=qof-diabetes&area=E54000024&period=2024/25&breakdown=deprivation");
        assertEquals(5, byDeprivation.get("rows").size());
    }

    @Test
    void csvDownloadsAreTheSameRows() throws Exception {
        HttpResponse<String> csv = get("/api/results?indicator=qof-diabetes&area=E06000032&format=csv&breakdown=none");
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("content-type").orElse("").startsWith("text/csv"));
        String[] lines = csv.body().split("\n");
        assertTrue(lines[0].startsWith("indicator_id,indicator_name,section,area_code"));
        assertEquals(1 + 3, lines.length, "a header and three years");
        HttpResponse<String> table = get("/api/analyses/dp-4.7-community-referral-projections/tables/"
                + "dp-4.7-community-referral-projections?format=csv");
        assertEquals(200, table.statusCode());
        assertTrue(table.body().contains("District Nursing,34297,44606,58009,69"));
    }

    @Test
    void viewsCarryEchartsOptionsKeyPointsAndRows() throws Exception {
        JsonNode v = ok("/api/views/indicator/qof-diabetes?area=E54000024&breakdown=none");
        JsonNode bars = v.get("charts").get(0);
        assertEquals("bar", bars.get("option").get("series").get(0).get("type").asText());
        assertEquals(4, bars.get("option").get("series").get(0).get("data").size(), "the ICB's four Places");
        assertTrue(bars.get("key_points")
                .toString()
                .contains("Significantly higher than England (7.9%; 95% CI): Bedford (8.4%) and Luton (9.4%)."));
        JsonNode sex = ok("/api/views/indicator/qof-diabetes?area=E54000024&breakdown=sex");
        assertEquals(
                2,
                sex.get("charts")
                        .get(0)
                        .get("option")
                        .get("series")
                        .get(0)
                        .get("data")
                        .size());
        JsonNode spc = ok("/api/views/analysis/dp-7.2-virtual-ward-occupancy");
        assertEquals(
                12,
                spc.get("charts")
                        .get(0)
                        .get("option")
                        .get("series")
                        .get(0)
                        .get("data")
                        .size());
        JsonNode unknownKind = ok("/api/views/analysis/dp-10.1-complaints");
        assertTrue(unknownKind.get("charts").get(0).get("option").isNull(), "unknown kinds are tables");
        assertEquals(
                5, unknownKind.get("charts").get(0).get("table").get("rows").size());
        HttpResponse<String> csv =
                get("/api/views/indicator/qof-diabetes?area=E06000032&breakdown=none&format=csv&chart=1");
        assertEquals(200, csv.statusCode());
        assertTrue(csv.body().contains("Luton"));
    }

    /** The area codes in a view chart's rows, in row order. */
    private static List<String> areaCodes(JsonNode chart) {
        int col = -1;
        JsonNode cols = chart.get("table").get("columns");
        for (int i = 0; i < cols.size(); i++) {
            if (cols.get(i).asText().equals("area_code")) {
                col = i;
            }
        }
        List<String> out = new java.util.ArrayList<>();
        for (JsonNode row : chart.get("table").get("rows")) {
            out.add(row.get(col).asText());
        }
        return out;
    }

    @Test
    void analysisViewsAreCutToTheChosenArea() throws Exception {
        String acsc = "/api/views/analysis/dp-8.4-acsc-by-area";
        // Default (the ICB): the pack's chart, the ICB's Places with the ICB and England as reference lines.
        JsonNode icb = ok(acsc).get("charts");
        assertEquals(
                java.util.Set.of(
                        FixtureResults.ENGLAND,
                        FixtureResults.ICB,
                        FixtureResults.BEDFORD,
                        FixtureResults.CENTRAL_BEDS,
                        FixtureResults.LUTON,
                        FixtureResults.MILTON_KEYNES),
                new java.util.HashSet<>(areaCodes(icb.get(0))));
        assertTrue(icb.get(0).get("note").isNull());
        // Luton: its neighbourhood and itself as bars; the ICB and England as reference lines.
        JsonNode luton = ok(acsc + "?area=" + FixtureResults.LUTON).get("charts");
        assertEquals(
                java.util.Set.of(
                        FixtureResults.ENGLAND, FixtureResults.ICB, FixtureResults.LUTON, FixtureResults.LUTON_NORTH),
                new java.util.HashSet<>(areaCodes(luton.get(0))));
        assertEquals(4, areaCodes(luton.get(0)).size());
        assertEquals(
                2, luton.get(0).get("option").get("series").get(0).get("data").size(), "Luton North and Luton");
        assertTrue(
                luton.get(0).get("title").asText().endsWith("Luton"),
                luton.get(0).get("title").asText());
        // the trend: Luton with its parent (England has no rows in this table)
        assertEquals(
                java.util.Set.of(FixtureResults.LUTON, FixtureResults.ICB),
                new java.util.HashSet<>(areaCodes(luton.get(1))));
        // Luton North: the yearly table is not published for neighbourhoods, so the ICB's chart stays, and says so.
        JsonNode north = ok(acsc + "?area=" + FixtureResults.LUTON_NORTH).get("charts");
        assertEquals(
                "Not published for Luton North: shown for Bedfordshire, Luton and Milton Keynes.",
                north.get(1).get("note").asText());
        assertEquals(15, north.get(1).get("table").get("rows").size(), "the ICB and its Places, three years");
        // An analysis without area columns is shown whole, with a note.
        JsonNode spc = ok("/api/views/analysis/dp-7.2-virtual-ward-occupancy?area=" + FixtureResults.LUTON);
        assertEquals(
                "Not broken down by area: shown for Bedfordshire, Luton and Milton Keynes.",
                spc.get("charts").get(0).get("note").asText());
        // The CSV download of the cut chart has Luton's rows only.
        HttpResponse<String> csv = get(acsc + "?area=" + FixtureResults.LUTON + "&format=csv&chart=0");
        assertEquals(200, csv.statusCode());
        assertTrue(csv.body().contains("Luton North"));
        assertFalse(csv.body().contains("Milton Keynes,Place"), csv.body());
        assertEquals(5, csv.body().strip().split("\n").length, "header and four rows");
    }

    @ParameterizedTest(name = "{0} -> 400 on {1}")
    @CsvSource({
        "/api/results, indicator",
        "/api/results?indicator=nope, indicator",
        "/api/results?indicator=qof-diabetes&area=XYZ, area",
        "/api/results?indicator=qof-diabetes&period=2031/32, period",
        "/api/results?indicator=qof-diabetes&breakdown=religion, breakdown",
        "/api/results?indicator=qof-diabetes&format=xml, format",
        "/api/results?indicator=qof-diabetes&colour=red, colour",
        "/api/areas?type=Ward, type",
        "/api/views/indicator/qof-diabetes?area=nowhere, area",
        "/api/views/analysis/dp-8.4-acsc-by-area?area=nowhere, area",
        "/api/views/indicator/qof-diabetes?breakdown=age&format=csv&chart=9, chart",
        "/api/views/indicator/qof-diabetes?format=csv&chart=abc, chart",
        "/api/analyses/dp-7.2-virtual-ward-occupancy/tables/dp-7.2-virtual-ward-occupancy?format=pdf, format",
    })
    void badParametersGetA400SayingWhatIsAllowed(String path, String parameter) throws Exception {
        HttpResponse<String> r = get(path);
        assertEquals(400, r.statusCode(), path + ": " + r.body());
        JsonNode body = json.readTree(r.body());
        assertEquals(parameter, body.get("parameter").asText());
        assertFalse(body.get("error").asText().isBlank());
        if (!parameter.equals("chart")) {
            assertTrue(body.get("allowed").size() > 0, "lists what is allowed: " + r.body());
        } else {
            assertTrue(body.get("error").asText().contains("use 0 to 1"), r.body());
        }
    }

    /** An NHS number (valid check digit) that no error body may echo. */
    static final String NHS = "9434765919";

    /** Every error is the documented JSON body: status matching the response, a short message, no echoed value. */
    static JsonNode jsonError(int status, String target, int expected, String contentType, String body)
            throws Exception {
        String path = cut(target);
        assertEquals(expected, status, path + ": " + cut(body));
        assertTrue(contentType.startsWith("application/json"), path + ": " + contentType + " " + cut(body));
        JsonNode b = json.readTree(body);
        assertEquals(expected, b.get("status").asInt(), body);
        assertFalse(b.get("error").asText().isBlank(), body);
        assertTrue(b.get("error").asText().length() < 300, "a short message: " + cut(body));
        assertFalse(body.contains(NHS), "no NHS number echoed: " + cut(body));
        assertFalse(body.contains("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"), "no long value echoed: " + cut(body));
        return b;
    }

    /** Failure messages show at most 300 characters of a body or path. */
    static String cut(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300) + "...";
    }

    /** Sends {@code path} as written (see {@link #raw}) and checks the answer is the JSON error. */
    static JsonNode jsonError(String path, int expected) throws Exception {
        Raw r = raw(path);
        return jsonError(r.status(), path, expected, r.contentType(), r.body());
    }

    /** A response read off a raw socket. */
    record Raw(int status, String contentType, String body) {}

    /**
     * Sends {@code GET target} exactly as written: no client library normalises or re-encodes the target
     * (java.net.URI and browsers drop dot segments before sending, so that path is tested here).
     */
    static Raw raw(String target) throws Exception {
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(10_000);
            s.getOutputStream()
                    .write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            String all = new String(s.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            int end = all.indexOf("\r\n\r\n");
            assertTrue(end > 0, "a whole HTTP response: " + all);
            String[] head = all.substring(0, end).split("\r\n");
            int status = Integer.parseInt(head[0].split(" ")[1]);
            String type = "";
            boolean chunked = false;
            for (String h : head) {
                String lower = h.toLowerCase(java.util.Locale.ROOT);
                if (lower.startsWith("content-type:")) {
                    type = h.substring(13).strip();
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                }
            }
            String body = all.substring(end + 4);
            if (chunked) {
                StringBuilder b = new StringBuilder();
                int i = 0;
                while (true) {
                    int eol = body.indexOf("\r\n", i);
                    int n = Integer.parseInt(body.substring(i, eol).strip(), 16);
                    if (n == 0) {
                        break;
                    }
                    b.append(body, eol + 2, eol + 2 + n);
                    i = eol + 2 + n + 2;
                }
                body = b.toString();
            }
            return new Raw(status, type, body);
        }
    }

    @Test
    void aParameterTooLongForTheServerIsAJson414WithoutTheValue() throws Exception {
        String path = "/api/indicators?q=" + NHS + "x".repeat(10_000);
        JsonNode b = jsonError(path, 414);
        assertTrue(b.get("error").asText().toLowerCase(java.util.Locale.ROOT).contains("too long"), b.toString());
    }

    @Test
    void aLongParameterValueIsA400NamingItWithoutEchoingIt() throws Exception {
        JsonNode b = jsonError("/api/areas?type=" + NHS + "x".repeat(2_000), 400);
        assertEquals("type", b.get("parameter").asText());
        b = jsonError("/api/indicators?q=" + "x".repeat(2_000), 400);
        assertEquals("q", b.get("parameter").asText());
    }

    @ParameterizedTest
    @CsvSource({
        "/api/areas?type=" + NHS,
        "/api/results?indicator=qof-diabetes&area=" + NHS,
        "/api/results?indicator=" + NHS,
        "/api/views/indicator/qof-diabetes?format=csv&chart=" + NHS
    })
    void aValueLikeAnNhsNumberIsNeverEchoed(String path) throws Exception {
        jsonError(path, 400);
    }

    @ParameterizedTest
    @CsvSource({"/api/indicators/" + NHS, "/api/analyses/" + NHS, "/api/nope/" + NHS, "/api/views/analysis/" + NHS})
    void aPathLikeAnNhsNumberIsNeverEchoed(String path) throws Exception {
        jsonError(path, 404);
    }

    @ParameterizedTest
    @CsvSource({
        "/api/../api/sections",
        "/..",
        "/../api/sections",
        "/api/%2e%2e/api/sections",
        "/api/sections/..",
        "/api/./sections",
        "/api/%2E%2E/api/sections"
    })
    void dotSegmentPathsAreAJson400(String target) throws Exception {
        Raw r = raw(target);
        jsonError(r.status(), target, 400, r.contentType(), r.body());
    }

    @ParameterizedTest(name = "{0} -> 400 on {1}")
    @CsvSource({
        "/api/views/indicator/qof-diabetes?chart=abc, chart, false",
        "/api/views/analysis/dp-7.2-virtual-ward-occupancy?chart=abc, chart, false",
        "/api/views/analysis/dp-7.2-virtual-ward-occupancy?format=csv&chart=-1, chart, false",
        "/api/views/indicator/qof-diabetes?chart=1.5&format=csv, chart, false",
        "/api/indicators?section=abc, section, true",
        "/api/indicators?section=, section, true",
        "/api/areas?type=, type, true",
        "/api/indicators?q=%ZZ, q, false",
        "/api/indicators?q=, q, false",
        "/api/indicators?q=a&q=b, q, false",
        "/api/results?indicator=, indicator, true",
        "/api/results?indicator=qof-diabetes&area=, area, true",
        "/api/results?indicator=qof-diabetes&area_type=, area_type, true",
        "/api/results?indicator=qof-diabetes&area_type=Ward, area_type, true",
        "/api/results?indicator=qof-diabetes&period=, period, true",
        "/api/results?indicator=qof-diabetes&sex=, sex, true",
        "/api/results?indicator=qof-diabetes&sex=Other, sex, true",
        "/api/results?indicator=qof-diabetes&breakdown=, breakdown, true",
        "/api/results?indicator=qof-diabetes&format=, format, true",
        "/api/results?indicator=qof-diabetes&area=E06000032&area=E06000055, area, false",
        "/api/views/indicator/qof-diabetes?area=, area, true",
        "/api/views/indicator/qof-diabetes?breakdown=, breakdown, true",
        "/api/views/indicator/qof-diabetes?format=, format, true",
        "/api/views/indicator/qof-diabetes?chart=, chart, false",
        "/api/views/analysis/dp-7.2-virtual-ward-occupancy?area=, area, true",
        "/api/analyses/dp-7.2-virtual-ward-occupancy/tables/dp-7.2-virtual-ward-occupancy?format=, format, true",
        "/api/sections?x=1, x, false",
        "/api/openapi.json?x=1, x, false",
        "/api/indicators/qof-diabetes?format=csv, format, false",
    })
    void emptyMalformedAndUnknownValuesAreA400(String path, String parameter, boolean listsAllowed) throws Exception {
        JsonNode b = jsonError(path, 400);
        assertEquals(parameter, b.get("parameter").asText(), b.toString());
        if (listsAllowed) {
            assertTrue(b.has("allowed") && b.get("allowed").size() > 0, "lists what is allowed: " + b);
        }
    }

    @ParameterizedTest
    @CsvSource({
        "/nope",
        "/api/nope",
        "/api/indicators/nope",
        "/api/analyses/nope",
        "/api/analyses/dp-7.2-virtual-ward-occupancy/tables/nope",
        "/api/views/analysis/nope"
    })
    void unknownPathsAndIdsAre404s(String path) throws Exception {
        HttpResponse<String> r = get(path);
        assertEquals(404, r.statusCode(), path + ": " + r.body());
        assertNotNull(json.readTree(r.body()).get("error"));
    }

    @Test
    void theOpenApiDocumentDescribesEveryRoute() throws Exception {
        JsonNode doc = ok("/api/openapi.json");
        assertEquals("3.0.3", doc.get("openapi").asText());
        for (String p : new String[] {
            "/api/sections",
            "/api/indicators",
            "/api/indicators/{id}",
            "/api/areas",
            "/api/results",
            "/api/analyses",
            "/api/analyses/{id}",
            "/api/analyses/{id}/tables/{name}",
            "/api/views/indicator/{id}",
            "/api/views/analysis/{id}",
            "/api/impact/levers",
            "/api/impact"
        }) {
            assertTrue(doc.get("paths").has(p), p);
        }
    }

    @Test
    void theDashboardAndEchartsAreServed() throws Exception {
        assertTrue(get("/").body().contains("<script src=\"echarts.min.js\">"));
        HttpResponse<String> echarts = get("/echarts.min.js");
        assertEquals(200, echarts.statusCode());
        assertTrue(echarts.body().length() > 500_000, "the WebJar's ECharts");
    }

    private static int indexOf(JsonNode columns, String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).asText().equals(name)) {
                return i;
            }
        }
        throw new AssertionError("no column " + name);
    }
}
