package org.openphm.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openphm.analyses.impact.Outcome;
import org.openphm.publish.fixture.FixtureResults;
import org.openphm.stats.sdc.DisclosureRule;

/**
 * The scenario explorer's API (issue 12, item 4) over a real synthetic workspace: the levers, the answer's
 * structure and the model's behaviour under them (no mitigation is the "as is"; more ACSC avoidance, fewer
 * admissions; waterfalls that add up), and every bad request a 400 naming its parameter.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImpactExplorerApiTest {
    static final ObjectMapper JSON = new ObjectMapper();
    /** The count rule's rounding base, which every published count is a multiple of. */
    static final int BASE = DisclosureRule.nhsDefault().roundTo();

    static final List<String> MITIGATORS = List.of(
            "acsc",
            "frequent_attender",
            "end_of_life",
            "length_of_stay",
            "discharge_delay",
            "virtual_ward",
            "community_shift");
    final HttpClient http = HttpClient.newHttpClient();
    DashboardServer server;
    DashboardServer noWorkspace;
    DashboardServer noBaseline;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        Path build = FixtureResults.write(dir.resolve("build"));
        server = DashboardServer.start(build, ImpactWorkspace.get(), "127.0.0.1", 0);
        noWorkspace = DashboardServer.start(build, null, "127.0.0.1", 0);
        // a workspace with a risk list and nothing else: the explorer cannot be prepared from it
        noBaseline = DashboardServer.start(build, RiskListFixture.workspace(dir), "127.0.0.1", 0);
        awaitReady(server, 200);
    }

    @AfterAll
    void stop() {
        for (DashboardServer s : new DashboardServer[] {server, noWorkspace, noBaseline}) {
            if (s != null) {
                s.stop();
            }
        }
    }

    /** Polls the levers until the explorer is prepared (503 until then); fails on anything else. */
    void awaitReady(DashboardServer on, int expected) throws Exception {
        long deadline = System.currentTimeMillis() + 180_000;
        while (true) {
            HttpResponse<String> r = get(on, ImpactExplorer.LEVERS_PATH);
            if (r.statusCode() != 503 || !r.body().contains("preparing")) {
                assertEquals(expected, r.statusCode(), r.body());
                return;
            }
            assertEquals("2", r.headers().firstValue("Retry-After").orElse(null));
            assertTrue(System.currentTimeMillis() < deadline, "not ready in 3 minutes: " + r.body());
            Thread.sleep(200);
        }
    }

    HttpResponse<String> get(DashboardServer on, String pathAndQuery) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + on.port() + pathAndQuery))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    JsonNode ok(String pathAndQuery) throws Exception {
        HttpResponse<String> r = get(server, pathAndQuery);
        assertEquals(200, r.statusCode(), pathAndQuery + ": " + r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        return JSON.readTree(r.body());
    }

    static JsonNode outcome(JsonNode answer, String id) {
        for (JsonNode o : answer.get("outcomes")) {
            if (o.get("id").asText().equals(id)) {
                return o;
            }
        }
        throw new AssertionError("no outcome " + id + " in " + answer.get("outcomes"));
    }

    static String allMitigatorsAt(double v) {
        StringBuilder q = new StringBuilder();
        for (String m : MITIGATORS) {
            q.append('&').append(m).append('=').append(v);
        }
        return q.toString();
    }

    @Test
    void theLeversAreTheScenariosMainParametersWithItsCentresAsDefaults() throws Exception {
        JsonNode l = ok(ImpactExplorer.LEVERS_PATH);
        assertEquals("Case for Change", l.get("scenario").asText());
        assertEquals(256, l.get("runs").asInt());
        assertEquals("p10\u2013p90 of 256 runs", l.get("band").asText());
        List<String> ids = new ArrayList<>();
        l.get("levers").forEach(x -> ids.add(x.get("id").asText()));
        List<String> expected = new ArrayList<>(MITIGATORS);
        expected.addAll(List.of("efficiency", "emergency_growth", "occupancy"));
        assertEquals(expected, ids);
        JsonNode acsc = l.get("levers").get(0);
        assertEquals("ACSC_AVOIDANCE", acsc.get("parameter").asText());
        assertEquals("ACSC admission avoidance", acsc.get("label").asText());
        assertEquals("%", acsc.get("unit").asText());
        assertEquals(0, acsc.get("min").asDouble());
        assertEquals(100, acsc.get("max").asDouble());
        // case-for-change.yaml: triangular 10 to 30, mode 20, whose mean is 20; uniform 25 to 50 centres on 37.5
        assertEquals(20, acsc.get("default").asDouble(), 1e-9);
        assertEquals(10, acsc.get("low").asDouble());
        assertEquals(30, acsc.get("high").asDouble());
        assertEquals(37.5, l.get("levers").get(4).get("default").asDouble(), 1e-9);
        // occupancy is not in the file: its default, 85 to 92
        assertEquals(88.5, l.get("levers").get(9).get("default").asDouble(), 1e-9);
        assertTrue(acsc.get("documentation").asText().contains("ambulatory care sensitive"));
        // the ICB and its Places only; years 2024/25 to 2042/43
        JsonNode areas = l.get("areas");
        assertEquals("ICB", areas.get(0).get("type").asText());
        assertTrue(areas.size() >= 2, areas.toString());
        for (int i = 1; i < areas.size(); i++) {
            assertEquals("Place", areas.get(i).get("type").asText());
        }
        assertEquals("2024/25", l.get("years").get(0).asText());
        assertEquals("2042/43", l.get("years").get(l.get("years").size() - 1).asText());
        assertEquals(19, l.get("years").size());
    }

    @Test
    void withNoMitigationAndNoEfficiencyTheScenarioIsTheAsIsForEveryOutcomeAndYear() throws Exception {
        for (String area : areaCodes()) {
            JsonNode a = ok(ImpactExplorer.PATH + "?area=" + area + allMitigatorsAt(0) + "&efficiency=0");
            int outcomes = 0;
            for (JsonNode o : a.get("outcomes")) {
                for (String p : List.of("p10", "p50", "p90")) {
                    assertEquals(o.get("as_is").get(p), o.get("scenario").get(p), area + " " + o.get("id") + " " + p);
                }
                assertEquals(19, o.get("as_is").get("p50").size());
                outcomes++;
            }
            // staff and the funding gap are the ICB's alone
            assertEquals(a.get("area").get("type").asText().equals("ICB") ? 8 : 6, outcomes, area);
        }
    }

    @Test
    void theScenarioDiffersFromTheAsIsOnlyAfterMitigationStarts() throws Exception {
        JsonNode a = ok(ImpactExplorer.PATH);
        JsonNode e = outcome(a, "emergency_admissions");
        // 2024/25 is the baseline: every run's admissions are the workspace's, whatever the levers
        assertEquals(e.get("as_is").get("p10").get(0), e.get("as_is").get("p90").get(0));
        assertEquals(
                e.get("as_is").get("p50").get(0), e.get("scenario").get("p50").get(0));
        assertTrue(e.get("as_is").get("p50").get(0).asLong() > 500, "a 20,000-person ICB's emergency admissions");
        int last = e.get("as_is").get("p50").size() - 1;
        assertTrue(
                e.get("scenario").get("p50").get(last).asDouble()
                        < e.get("as_is").get("p50").get(last).asDouble(),
                "the Case for Change's mitigators avoid admissions: " + e);
    }

    @Test
    void moreAcscAvoidanceMeansFewerAdmissionsUnderTheScenarioAndTheSameAsIs() throws Exception {
        JsonNode low = ok(ImpactExplorer.PATH + "?acsc=10");
        JsonNode high = ok(ImpactExplorer.PATH + "?acsc=60");
        JsonNode l = outcome(low, "emergency_admissions");
        JsonNode h = outcome(high, "emergency_admissions");
        int last = l.get("as_is").get("p50").size() - 1;
        assertEquals(l.get("as_is"), h.get("as_is"), "the as-is has no mitigators");
        assertTrue(
                h.get("scenario").get("p50").get(last).asDouble()
                        < l.get("scenario").get("p50").get(last).asDouble(),
                low + " vs " + high);
        assertTrue(outcome(high, "beds").get("scenario").get("p50").get(last).asDouble()
                < outcome(low, "beds").get("scenario").get("p50").get(last).asDouble());
        assertEquals(true, high.get("levers").get("acsc").get("fixed").asBoolean());
        assertEquals(60, high.get("levers").get("acsc").get("value").asDouble());
        // the levers not given keep the scenario's interval, so the answer keeps its uncertainty
        assertEquals(
                false, high.get("levers").get("frequent_attender").get("fixed").asBoolean());
        assertEquals(5, high.get("levers").get("frequent_attender").get("low").asDouble());
        assertNotEquals(
                h.get("scenario").get("p10").get(last),
                h.get("scenario").get("p90").get(last));
        // ACSC avoidance is the first mitigator applied: its step is its share of the same admissions, so six
        // times the share avoids six times as many, to the rounding of each step to the count rule's base (each
        // step within half a base: six of the low one's errors and one of the high one's)
        double stepLow = step(low, "emergency_admissions", "ACSC admission avoidance");
        double stepHigh = step(high, "emergency_admissions", "ACSC admission avoidance");
        assertTrue(stepLow < 0, "avoided admissions are a fall: " + stepLow);
        assertEquals(6 * stepLow, stepHigh, 3.5 * BASE);
    }

    static double step(JsonNode answer, String outcome, String label) {
        for (JsonNode w : answer.get("waterfalls")) {
            if (w.get("outcome").asText().equals(outcome)) {
                for (JsonNode s : w.get("steps")) {
                    if (s.get("label").asText().equals(label)) {
                        return s.get("value").asDouble();
                    }
                }
            }
        }
        throw new AssertionError("no step " + label + " of " + outcome);
    }

    @Test
    void eachWaterfallsChangesAddUpToItsFinalTotalForEveryArea() throws Exception {
        for (String area : areaCodes()) {
            JsonNode a = ok(ImpactExplorer.PATH + "?area=" + area + "&acsc=25&occupancy=90");
            assertEquals(2, a.get("waterfalls").size());
            for (JsonNode w : a.get("waterfalls")) {
                assertEquals("2042/43", w.get("year").asText());
                JsonNode steps = w.get("steps");
                // the baseline, 4 growth steps, 7 mitigators, efficiencies, inflation and the total
                assertEquals(15, steps.size(), steps.toString());
                assertEquals("total", steps.get(0).get("kind").asText());
                assertEquals("2024/25 baseline", steps.get(0).get("label").asText());
                assertEquals("total", steps.get(14).get("kind").asText());
                double sum = 0;
                for (int i = 0; i < 14; i++) {
                    JsonNode s = steps.get(i);
                    assertEquals(i == 0 ? "total" : "change", s.get("kind").asText());
                    // admissions are a count, rounded to the rule's base; beds are whole (the test below)
                    assertEquals(
                            s.get("value").asDouble(), Math.rint(s.get("value").asDouble()), "whole numbers");
                    sum += s.get("value").asDouble();
                }
                assertEquals(sum, steps.get(14).get("value").asDouble(), 1e-9, area + " " + w.get("outcome"));
                assertTrue(sum > 0, w.toString());
            }
        }
    }

    @Test
    void theIcbHasTheCaseForChangesClaimsWithVerdictsAndPlacesHaveNone() throws Exception {
        JsonNode icb = ok(ImpactExplorer.PATH);
        assertEquals("ICB", icb.get("area").get("type").asText());
        JsonNode claims = icb.get("claims");
        assertEquals(6, claims.size(), claims.toString());
        for (JsonNode c : claims) {
            assertTrue(
                    List.of("reproduced", "not reproduced", "not derivable from the data")
                            .contains(c.get("verdict").asText()),
                    c.toString());
        }
        assertEquals("capital-100m-2037", claims.get(5).get("id").asText());
        assertTrue(claims.get(5).get("p50").isNull(), "not derivable: no figure");
        assertTrue(icb.get("elapsed_ms").asDouble() >= 0);
        String place = areaCodes().get(1);
        JsonNode p = ok(ImpactExplorer.PATH + "?area=" + place);
        assertEquals(place, p.get("area").get("code").asText());
        assertFalse(p.has("claims"));
        // cost is in pounds and counts in whole numbers; nothing below the Place is in the answer
        assertTrue(outcome(p, "cost_cash").get("scenario").get("p50").get(5).asDouble() > 0);
        assertFalse(p.toString().contains("IMD") || p.toString().contains("quintile"));
    }

    /**
     * Every count the explorer returns (the activity outcomes, {@link Outcome#count()}, and the bars of their
     * waterfalls) is published as the pack's activity table is: under {@link DisclosureRule#nhsDefault()}, so a
     * multiple of its rounding base, and never 1 to its suppression threshold. The rule is NHS Digital's for
     * sub-national counts (CCG OIS indicator 2.6 specification v1.15, Dec 2018: "Numerator and denominator values of
     * 1 to 7 are suppressed ... numerators are rounded to the nearest 5"; row NHSD_CCG_OIS of
     * stats/src/test/resources/sdc/disclosure_control_rules.csv). Whole numbers, as the explorer gave before, fail
     * here.
     */
    @Test
    void everyCountIsPublishedUnderTheCountRuleAsInThePack() throws Exception {
        DisclosureRule rule = DisclosureRule.nhsDefault();
        assertEquals(rule, ImpactExplorer.RULE);
        int counts = 0;
        Set<String> countOutcomes = new TreeSet<>();
        for (String area : areaCodes()) {
            for (String levers : List.of("", "&acsc=37&occupancy=90.5", allMitigatorsAt(13) + "&efficiency=0")) {
                JsonNode a = ok(ImpactExplorer.PATH + "?area=" + area + levers);
                for (JsonNode o : a.get("outcomes")) {
                    if (!Outcome.valueOf(o.get("id").asText().toUpperCase(Locale.ROOT))
                            .count()) {
                        continue;
                    }
                    countOutcomes.add(o.get("id").asText());
                    for (String model : List.of("as_is", "scenario")) {
                        for (String p : List.of("p10", "p50", "p90")) {
                            for (JsonNode v : o.get(model).get(p)) {
                                assertCount(rule, v, false, area + levers + " " + o.get("id") + " " + model + " " + p);
                                counts++;
                            }
                        }
                    }
                }
                for (JsonNode w : a.get("waterfalls")) {
                    boolean count = Outcome.valueOf(w.get("outcome").asText().toUpperCase(Locale.ROOT))
                            .count();
                    for (JsonNode s : w.get("steps")) {
                        String where = area + levers + " waterfall of " + w.get("outcome") + ": " + s.get("label");
                        if (count) {
                            assertCount(
                                    rule, s.get("value"), s.get("kind").asText().equals("change"), where);
                            counts++;
                        } else { // beds: not a count, as in the pack's capacity-and-cost table; whole here
                            assertEquals(
                                    Math.rint(s.get("value").asDouble()),
                                    s.get("value").asDouble(),
                                    where);
                        }
                    }
                }
            }
        }
        assertEquals(
                Set.of("emergency_admissions", "bed_days", "community_referrals", "mental_health_referrals"),
                countOutcomes);
        assertTrue(counts > 1000, "counts checked: " + counts);
    }

    /**
     * A published count, or a change in one: null (suppressed), or a whole multiple of the rule's base; a count
     * itself (not a change) never one the rule suppresses.
     */
    static void assertCount(DisclosureRule rule, JsonNode v, boolean change, String where) {
        if (v.isNull()) {
            return;
        }
        assertTrue(v.isNumber() && v.asDouble() == Math.rint(v.asDouble()), where + ": " + v);
        assertEquals(0, v.asLong() % rule.roundTo(), where + ": " + v + " is not a multiple of " + rule.roundTo());
        assertFalse(!change && rule.suppresses(v.asLong()), where + ": " + v + " is suppressed by the rule");
    }

    List<String> areaCodes() throws Exception {
        List<String> codes = new ArrayList<>();
        ok(ImpactExplorer.LEVERS_PATH)
                .get("areas")
                .forEach(a -> codes.add(a.get("code").asText()));
        return codes;
    }

    @ParameterizedTest(name = "{0} -> 400 on {1}")
    @CsvSource({
        "?acsc=150, acsc",
        "?acsc=-1, acsc",
        "?acsc=abc, acsc",
        "?acsc=, acsc",
        "?acsc=1e2, acsc",
        "?acsc=NaN, acsc",
        "?occupancy=0, occupancy",
        "?efficiency=5.01, efficiency",
        "?acsc=10&acsc=20, acsc",
        "?unknown=1, unknown",
        "?ACSC_AVOIDANCE=10, ACSC_AVOIDANCE",
        "?area=E99999999, area",
        "?area=, area",
    })
    void badLeverValuesAndUnknownParametersAreA400NamingTheParameter(String query, String parameter) throws Exception {
        HttpResponse<String> r = get(server, ImpactExplorer.PATH + query);
        assertEquals(400, r.statusCode(), r.body());
        JsonNode b = JSON.readTree(r.body());
        assertEquals(parameter, b.get("parameter").asText(), b.toString());
        assertTrue(b.get("error").asText().contains(parameter), b.toString());
    }

    @Test
    void theLeversTakeNoParameters() throws Exception {
        HttpResponse<String> r = get(server, ImpactExplorer.LEVERS_PATH + "?area=x");
        assertEquals(400, r.statusCode());
        assertEquals("area", JSON.readTree(r.body()).get("parameter").asText());
    }

    @Test
    void withoutAWorkspaceTheExplorerIsA404SayingHowToStartIt() throws Exception {
        for (String path : List.of(ImpactExplorer.LEVERS_PATH, ImpactExplorer.PATH + "?acsc=10")) {
            HttpResponse<String> r = get(noWorkspace, path);
            assertEquals(404, r.statusCode(), r.body());
            assertTrue(JSON.readTree(r.body()).get("error").asText().contains("phm serve --workspace W"), r.body());
        }
        // a bad value is still a 400: it is wrong whatever the server holds
        assertEquals(400, get(noWorkspace, ImpactExplorer.PATH + "?acsc=150").statusCode());
    }

    @Test
    void aWorkspaceWithoutTheBaselineIsA503SayingItCouldNotBePrepared() throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        HttpResponse<String> r;
        do {
            r = get(noBaseline, ImpactExplorer.LEVERS_PATH);
            Thread.sleep(100);
        } while (r.body().contains("preparing") && System.currentTimeMillis() < deadline);
        assertEquals(503, r.statusCode(), r.body());
        assertTrue(r.body().contains("could not be prepared from this workspace"), r.body());
        assertTrue(r.headers().firstValue("Retry-After").isEmpty(), "no point retrying");
    }
}
