package org.openphm.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openphm.publish.fixture.FixtureResults;
import org.openphm.server.access.AuditLog;
import org.openphm.server.access.UserStore;

/**
 * The access matrix of the patient-level risk list (issue 13, item 4), as run: every kind of caller against their
 * own scope and another's, expected 200/400/401/403, each request audited in an unbroken chain, and no list ever
 * reaching a caller outside its scope.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PatientListsTest {
    static final ObjectMapper JSON = new ObjectMapper();
    final HttpClient http = HttpClient.newHttpClient();
    Path workspace;
    DashboardServer server;
    DashboardServer noWorkspace;
    String analyst, admin, gpP1, nurseN2, expired, revoked;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        workspace = RiskListFixture.workspace(dir);
        UserStore users = new UserStore(UserStore.beside(workspace));
        Instant later = Instant.now().plusSeconds(3600);
        analyst = users.add("ana", UserStore.Role.ANALYST, null, later);
        admin = users.add("adm", UserStore.Role.ADMINISTRATOR, null, later);
        gpP1 = users.add("gp.p1", UserStore.Role.CLINICIAN, UserStore.Scope.parse("practice:P1"), later);
        nurseN2 = users.add("nurse.n2", UserStore.Role.CLINICIAN, UserStore.Scope.parse("neighbourhood:N2"), later);
        expired = users.add(
                "old",
                UserStore.Role.CLINICIAN,
                UserStore.Scope.parse("practice:P1"),
                Instant.now().minusSeconds(1));
        revoked = users.add("gone", UserStore.Role.CLINICIAN, UserStore.Scope.parse("practice:P1"), later);
        users.revoke("gone");
        Path build = FixtureResults.write(dir.resolve("build"));
        server = DashboardServer.start(build, workspace, "127.0.0.1", 0);
        noWorkspace = DashboardServer.start(build, null, "127.0.0.1", 0);
    }

    @AfterAll
    void stop() {
        server.stop();
        noWorkspace.stop();
    }

    HttpResponse<String> get(DashboardServer on, String query, String token) throws Exception {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + on.port() + PatientLists.PATH + query));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void everyCallerGetsWhatTheirRoleAndScopeAllowAndEveryRequestIsAudited() throws Exception {
        long before = AuditLog.verify(AuditLog.beside(workspace)).entries();
        String tampered = gpP1.substring(0, gpP1.length() - 2) + (gpP1.endsWith("xx") ? "yy" : "xx");
        // caller, query, expected status, person_ids expected in the body (for 200)
        Object[][] matrix = {
            {null, "", 401, null},
            {"phm_forged", "", 401, null},
            {tampered, "", 401, null},
            // a caller's own text (here an NHS number) is never copied into the log
            {null, "?stratum=9434765919", 401, null},
            {expired, "", 401, null},
            {revoked, "", 401, null},
            {analyst, "", 403, null},
            {admin, "", 403, null},
            {gpP1, "", 200, List.of("pid01", "pid03", "pid05")},
            {gpP1, "?area=P1", 200, List.of("pid01", "pid03", "pid05")},
            {gpP1, "?area=P2", 403, null},
            {gpP1, "?area=N1", 403, null},
            {gpP1, "?stratum=0.5-5%25", 200, List.of("pid03")},
            {gpP1, "?stratum=Bottom", 400, null},
            {gpP1, "?practice=P2", 400, null},
            {nurseN2, "", 200, List.of("pid02", "pid04", "pid06")},
            {nurseN2, "?area=N1", 403, null},
            {nurseN2, "?area=P2", 403, null},
        };
        int audited = 0;
        List<String> report = new ArrayList<>();
        for (Object[] m : matrix) {
            HttpResponse<String> r = get(server, (String) m[1], (String) m[0]);
            int expected = (Integer) m[2];
            report.add(m[1] + " -> " + r.statusCode());
            assertEquals(expected, r.statusCode(), "caller " + m[0] + " " + m[1] + ": " + r.body());
            assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("application/json"));
            JsonNode body = JSON.readTree(r.body());
            if (expected == 200) {
                List<String> ids = new ArrayList<>();
                body.get("rows").forEach(row -> ids.add(row.get(0).asText()));
                assertEquals(m[3], ids, "the list is the caller's scope, highest risk first");
                assertEquals("no-store", r.headers().firstValue("cache-control").orElse(""));
                assertEquals("2025-04-01", body.get("index_date").asText());
            } else {
                assertFalse(r.body().contains("pid0"), "a refused request carries no person: " + r.body());
            }
            if (expected == 401) {
                assertEquals(
                        "Bearer", r.headers().firstValue("www-authenticate").orElse(""));
            }
            audited += expected == 400 ? 0 : 1;
        }
        System.out.println("access matrix: " + report);
        AuditLog.Verification v = AuditLog.verify(AuditLog.beside(workspace));
        assertTrue(v.intact(), v.problem());
        assertEquals(before + audited, v.entries(), "every served or refused request is audited once");
        String log = Files.readString(AuditLog.beside(workspace));
        assertFalse(log.contains("pid0"), "the audit log records counts, never a person");
        assertFalse(log.contains("9434765919"), "nor what a caller typed");
        assertTrue(
                log.contains("\"user\":\"gp.p1\",\"role\":\"CLINICIAN\",\"action\":\"risk list\","
                        + "\"scope\":\"practice:P1\",\"rows\":3"),
                log);
        assertTrue(log.contains("refused risk list: outside scope"));
        Set<String> tokens = new HashSet<>(List.of(analyst, admin, gpP1, nurseN2));
        tokens.forEach(t -> assertFalse(log.contains(t), "a token never reaches the log"));
    }

    @Test
    void withoutAWorkspaceThereAreNoPatientLists() throws Exception {
        assertEquals(404, get(noWorkspace, "", gpP1).statusCode());
    }
}
