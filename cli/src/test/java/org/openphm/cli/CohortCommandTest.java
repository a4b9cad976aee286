package org.openphm.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openphm.model.Progress;
import org.openphm.server.access.AuditLog;
import org.openphm.server.access.UserStore;

/**
 * {@code phm cohort run} on a small synthetic ICB (issue 13, item 2): the published tables are rounded and hold no
 * pseudonym; the person list goes only to a clinician, only for their own scope, never into the published folder,
 * and every request for it, served or refused, is in the audit log.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CohortCommandTest {
    Path tmp;
    Path workspace;
    String neighbourhood;
    String clinicianToken;
    String analystToken;

    static final String ADULTS = """
            {"format": "openphm-cohort", "name": "Adults", "description": "everyone 18+", "index_date": "latest",
             "include": [{"label": "18+", "criterion": {"fact": "age", "op": ">=", "value": 18}}],
             "exclude": [{"label": "palliative", "criterion": {"register": "PC"}}],
             "list": ["age", "sex", "segment"]}
            """;

    @BeforeAll
    void ingest(@TempDir Path dir) throws Exception {
        tmp = dir;
        Path data = tmp.resolve("data");
        workspace = tmp.resolve("phm.duckdb");
        // the demo's size and seed: a whole build of a much smaller population trips the output check's
        // differencing rule on some indicator margins (the check refuses to publish; see the closing note)
        SyntheticData.generate(data, 20_000, 20250331, SyntheticData.Format.csv, true, null, Progress.SILENT);
        assertEquals(
                0,
                run("ingest", "--workspace", workspace.toString(), data.toString())
                        .code());
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + workspace.toAbsolutePath());
                ResultSet r = c.createStatement()
                        .executeQuery("SELECT neighbourhood_code FROM practice "
                                + "GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1")) {
            r.next();
            neighbourhood = r.getString(1);
        }
        UserStore users = new UserStore(UserStore.beside(workspace));
        Instant later = Instant.now().plusSeconds(3600);
        clinicianToken = users.add(
                "dr.ng", UserStore.Role.CLINICIAN, UserStore.Scope.parse("neighbourhood:" + neighbourhood), later);
        analystToken = users.add("an.analyst", UserStore.Role.ANALYST, null, later);
        Files.writeString(tmp.resolve("adults.json"), ADULTS);
    }

    static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void theExampleCohortsRunAndTheirTablesArePublishable() throws Exception {
        Path out = tmp.resolve("published");
        for (String example : List.of("frail-75-plus-2-emergencies.json", "smi-without-health-check.json")) {
            CliRun r = run(
                    "cohort",
                    "run",
                    Path.of("..", "examples", "cohorts", example).toString(),
                    "--workspace",
                    workspace.toString(),
                    "--out",
                    out.toString());
            assertEquals(0, r.code(), r.err());
            // three tables as CSV and Parquet and the metadata.json the independent output check read
            assertTrue(
                    r.out().contains("Attrition")
                            && r.out().contains("Wrote 7 publishable files")
                            && r.out().contains("no disclosure problems"),
                    r.out());
            String slug = example.replace(".json", "");
            assertTrue(Files.exists(out.resolve(slug).resolve("metadata.json")), slug);
            assertTrue(Files.exists(out.resolve(slug).resolve("phm-13.3-cohort-" + slug + "-attrition.csv")), slug);
        }
        // the risk-stratum example needs a saved model, and says how to get one
        CliRun risk = run(
                "cohort",
                "run",
                Path.of("..", "examples", "cohorts", "top-risk-one-neighbourhood.yaml")
                        .toString(),
                "--workspace",
                workspace.toString(),
                "--out",
                out.toString());
        assertNotEquals(0, risk.code());
        assertTrue(risk.err().contains("phm risk train"), risk.err());

        try (Stream<Path> files = Files.walk(out)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".csv")).toList()) {
                String text = Files.readString(f);
                assertFalse(text.matches("(?s).*[0-9a-f]{32}.*"), f + " holds a pseudonym");
                if (f.toString().endsWith("-attrition.csv")) {
                    var csv = org.apache.commons.csv.CSVFormat.DEFAULT
                            .builder()
                            .setHeader()
                            .setSkipHeaderRecord(true)
                            .get()
                            .parse(new java.io.StringReader(text));
                    for (var row : csv) {
                        for (String column : List.of("people_before", "people")) {
                            String v = row.get(column);
                            assertTrue(v.isEmpty() || Long.parseLong(v) % 5 == 0, f + ": " + row);
                        }
                    }
                }
            }
        }
    }

    @Test
    void onlyAClinicianGetsTheListOfTheirOwnScopeAndEveryRequestIsAudited() throws Exception {
        Path cohort = tmp.resolve("adults.json");
        Path out = tmp.resolve("published-lists");
        Path list = tmp.resolve("private").resolve("adults-list.csv");
        Files.createDirectories(list.getParent());
        Path log = AuditLog.beside(workspace);
        long before = Files.exists(log) ? Files.readAllLines(log).size() : 0;

        CliRun analyst = run(
                "cohort",
                "run",
                cohort.toString(),
                "--workspace",
                workspace.toString(),
                "--out",
                out.toString(),
                "--list",
                list.toString(),
                "--token",
                analystToken);
        assertNotEquals(0, analyst.code());
        assertTrue(analyst.err().contains("clinicians"), analyst.err());
        assertFalse(Files.exists(list));

        CliRun forged = run(
                "cohort",
                "run",
                cohort.toString(),
                "--workspace",
                workspace.toString(),
                "--out",
                out.toString(),
                "--list",
                list.toString(),
                "--token",
                clinicianToken + "x");
        assertNotEquals(0, forged.code());
        assertFalse(Files.exists(list));

        CliRun inside = run(
                "cohort",
                "run",
                cohort.toString(),
                "--workspace",
                workspace.toString(),
                "--out",
                out.toString(),
                "--list",
                out.resolve("list.csv").toString(),
                "--token",
                clinicianToken);
        assertNotEquals(0, inside.code());
        assertTrue(inside.err().contains("publishable"), inside.err());

        CliRun clinician = run(
                "cohort",
                "run",
                cohort.toString(),
                "--workspace",
                workspace.toString(),
                "--out",
                out.toString(),
                "--list",
                list.toString(),
                "--token",
                clinicianToken);
        assertEquals(0, clinician.code(), clinician.err());
        List<String> lines = Files.readAllLines(list);
        assertEquals("person_id,practice_code,neighbourhood_code,age,sex,segment", lines.get(0));
        assertTrue(lines.size() > 10, "a neighbourhood's adults: " + lines.size());
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            assertEquals(neighbourhood, cells[2], "only the clinician's own neighbourhood");
            assertTrue(cells[0].matches("[0-9a-f]{32}"), "pseudonymised: " + cells[0]);
            assertTrue(Integer.parseInt(cells[3]) >= 18);
        }
        assertFalse(clinician.out().matches("(?s).*[0-9a-f]{32}.*"), "no pseudonym on the console");

        List<String> entries = Files.readAllLines(log);
        List<String> added = entries.subList((int) before, entries.size());
        assertEquals(3, added.size(), "the analyst's and the forged token's refusals, the clinician's list: " + added);
        assertTrue(added.get(0).contains("an.analyst") && added.get(0).contains("refused"), added.get(0));
        assertTrue(added.get(1).contains("refused"), added.get(1));
        assertTrue(
                added.get(2).contains("dr.ng") && added.get(2).contains("\"rows\":" + (lines.size() - 1)),
                added.get(2));
        assertTrue(AuditLog.verify(log).intact());

        // the practice puts its own NHS numbers back: every synthetic patient's number, one invalid, matched with
        // the key; a number never appears on the console
        List<String> patients = Files.readAllLines(tmp.resolve("data").resolve("patient.csv"));
        List<String> numbers = new java.util.ArrayList<>(List.of("nhs_number"));
        patients.subList(1, patients.size()).forEach(l -> numbers.add(l.substring(0, l.indexOf(','))));
        numbers.add("12345");
        Path ours = tmp.resolve("private").resolve("our-patients.csv");
        Files.write(ours, numbers);
        Path named = tmp.resolve("private").resolve("named.csv");
        CliRun reid = run(
                "reidentify",
                "--list",
                list.toString(),
                "--nhs-numbers",
                ours.toString(),
                "--key",
                workspace.resolveSibling(workspace.getFileName() + ".key").toString(),
                "--out",
                named.toString());
        assertEquals(0, reid.code(), reid.err());
        int listed = lines.size() - 1;
        assertTrue(
                reid.out().contains(String.format("Matched %,d of the list's %,d people", listed, listed)), reid.out());
        assertTrue(
                reid.out().contains("1 supplied numbers are not valid NHS numbers (lines " + numbers.size() + ")"),
                reid.out());
        assertTrue(
                numbers.subList(1, numbers.size()).stream()
                        .noneMatch(n -> reid.out().contains(n)),
                "no NHS number on the console");
        List<String> back = Files.readAllLines(named);
        assertEquals("nhs_number,person_id,practice_code,neighbourhood_code,age,sex,segment", back.get(0));
        assertEquals(listed + 1, back.size());
        assertTrue(back.get(1).matches("[0-9]{10},[0-9a-f]{32},.*"), back.get(1));

        // a practice that supplies only some numbers gets only those patients back
        Files.write(ours, List.of("nhs_number", numbers.get(1)));
        CliRun one = run(
                "reidentify",
                "--list",
                list.toString(),
                "--nhs-numbers",
                ours.toString(),
                "--key",
                workspace.resolveSibling(workspace.getFileName() + ".key").toString(),
                "--out",
                named.toString());
        assertEquals(0, one.code(), one.err());
        assertTrue(Files.readAllLines(named).size() <= 2);
    }

    @Test
    void savedCohortsArePublishedWithThePackAndPassTheOutputCheck() throws Exception {
        Path out = tmp.resolve("build");
        CliRun build = run(
                "build",
                "--workspace",
                workspace.toString(),
                "--out",
                out.toString(),
                "--no-pack",
                "--cohorts",
                Path.of("..", "examples", "cohorts").toString());
        assertEquals(0, build.code(), build.err());
        assertTrue(build.out().contains("Publishing 3 saved cohorts"), build.out());
        Path results = out.resolve("results");
        for (String slug :
                List.of("frail-75-plus-2-emergencies", "smi-without-health-check", "top-risk-one-neighbourhood")) {
            assertTrue(Files.exists(results.resolve("phm-13.3-cohort-" + slug + "-attrition.csv")), slug);
        }
        // no saved model in this workspace: the risk cohort says so instead of failing the build
        assertTrue(Files.readString(results.resolve("phm-13.3-cohort-top-risk-one-neighbourhood-attrition.csv"))
                .contains("phm risk train"));
        String metadata = Files.readString(results.resolve("metadata.json"));
        assertTrue(metadata.contains("\"phm-13.3-cohort-smi-without-health-check\""), "in the pack's metadata");
        assertTrue(build.out().contains("no disclosure problems"), build.out());

        // built again with nothing changed: every step comes from the cache, which survived the staging folder's
        // publication, and the output check passes the same files again
        Path cache = out.resolve(".build-cache");
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(cache)));
        byte[] attrition =
                Files.readAllBytes(results.resolve("phm-13.3-cohort-smi-without-health-check-attrition.csv"));
        CliRun again = run(
                "build",
                "--workspace",
                workspace.toString(),
                "--out",
                out.toString(),
                "--no-pack",
                "--cohorts",
                Path.of("..", "examples", "cohorts").toString());
        assertEquals(0, again.code(), again.err());
        java.util.regex.Matcher reused = java.util.regex.Pattern.compile(
                        "(\\d+) of (\\d+) steps reused from the cache " + "\\(\\.build-cache\\); 0 computed")
                .matcher(again.out());
        assertTrue(reused.find(), again.out());
        assertEquals(reused.group(1), reused.group(2));
        assertTrue(again.out().contains("no disclosure problems"), again.out());
        assertArrayEquals(
                attrition,
                Files.readAllBytes(results.resolve("phm-13.3-cohort-smi-without-health-check-attrition.csv")));

        // --rebuild computes every step again
        CliRun rebuilt = run(
                "build",
                "--workspace",
                workspace.toString(),
                "--out",
                out.toString(),
                "--no-pack",
                "--rebuild",
                "--cohorts",
                Path.of("..", "examples", "cohorts").toString());
        assertEquals(0, rebuilt.code(), rebuilt.err());
        assertTrue(rebuilt.out().contains(" 0 of " + reused.group(2) + " steps reused"), rebuilt.out());
    }
}
