package org.openphm.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openphm.publish.fixture.FixtureResults;

/** The area views' endpoints over HTTP: answers, 400s naming the parameter, and their OpenAPI entries. */
class AreaViewsApiTest {
    @TempDir
    static Path dir;

    static DashboardServer server;
    static final HttpClient http = HttpClient.newHttpClient();
    static final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        FixtureResults.write(dir);
        DashboardFixture.augment(dir);
        server = DashboardServer.start(dir, "127.0.0.1", 0);
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

    @Test
    void eachViewAnswers() throws Exception {
        for (String path : new String[] {
            "/api/views/overview",
            "/api/views/profile?area=" + FixtureResults.LUTON,
            "/api/views/compare?indicator=qof-diabetes&areas=" + FixtureResults.LUTON + "," + FixtureResults.BEDFORD,
            "/api/views/funnel?indicator=qof-diabetes",
            "/api/views/map?indicator=qof-diabetes"
        }) {
            HttpResponse<String> r = get(path);
            assertEquals(200, r.statusCode(), path + ": " + r.body());
            assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("application/json"), path);
        }
        JsonNode f =
                json.readTree(get("/api/views/funnel?indicator=qof-diabetes").body());
        assertEquals(6, f.get("points").size());
    }

    @ParameterizedTest
    @CsvSource({
        "/api/views/overview?area=nope",
        "/api/views/profile?area=nope&x=1",
        "/api/views/compare?indicator=nope",
        "'/api/views/compare?indicator=qof-diabetes&areas=E06000032,nope'",
        "/api/views/funnel?indicator=qof-diabetes&area_type=County",
        "/api/views/map"
    })
    void badParametersAre400s(String path) throws Exception {
        HttpResponse<String> r = get(path);
        assertEquals(400, r.statusCode(), path + ": " + r.body());
        assertNotNull(json.readTree(r.body()).get("error"));
    }

    @Test
    void theOpenApiDocumentDescribesTheAreaViews() throws Exception {
        JsonNode paths = json.readTree(get("/api/openapi.json").body()).get("paths");
        for (String p : new String[] {
            "/api/views/overview", "/api/views/profile", "/api/views/compare", "/api/views/funnel", "/api/views/map"
        }) {
            JsonNode op = paths.get(p).get("get");
            assertNotNull(op.get("operationId"), p);
            assertNotNull(op.get("description"), p);
            for (String code : new String[] {"200", "400", "404"}) {
                assertTrue(op.get("responses").has(code), p + " " + code);
            }
        }
    }
}
