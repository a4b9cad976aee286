package org.openphm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openphm.analyses.impact.Outcome;
import org.openphm.model.Progress;
import org.openphm.stats.sdc.DisclosureRule;

/**
 * {@code phm scenario new|run|schema} on the demo's synthetic ICB (issue 12): a run publishes its tables only
 * through the output check, with counts rounded; a bad file publishes nothing and names the field.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScenarioCommandTest {
    Path tmp;
    Path workspace;

    static final Path SHIPPED = Path.of("..", "analyses", "src", "main", "resources", "impact");

    @BeforeAll
    void ingest(@TempDir Path dir) throws Exception {
        tmp = dir;
        Path data = tmp.resolve("data");
        workspace = tmp.resolve("phm.duckdb");
        SyntheticData.generate(data, 20_000, 20250331, SyntheticData.Format.csv, true, null, Progress.SILENT);
        assertEquals(
                0,
                CliRun.of("ingest", "--workspace", workspace.toString(), data.toString())
                        .code());
    }

    @Test
    void theCaseForChangeRunsAndItsTablesArePublishable() throws Exception {
        Path out = tmp.resolve("published");
        CliRun r = CliRun.of(
                "scenario",
                "run",
                SHIPPED.resolve("case-for-change.yaml").toString(),
                "--workspace",
                workspace.toString(),
                "--out",
                out.toString(),
                "--runs",
                "32");
        assertEquals(0, r.code(), r.err());
        assertTrue(
                r.out().contains("The Case for Change's claims")
                        && r.out().contains("no disclosure problems")
                        && r.out().contains("Model: 32 runs"),
                r.out());
        Path dir = out.resolve("case-for-change");
        assertTrue(Files.exists(dir.resolve("metadata.json")));
        List<CSVRecord> activity = csv(dir.resolve("imp-14.3-case-for-change-activity.csv"));
        assertFalse(activity.isEmpty());
        for (CSVRecord row : activity) {
            for (String c : List.of("p10", "p50", "p90")) {
                String v = row.get(c);
                // modelled counts are published under the count rule: suppressed (blank) or a multiple of 5
                assertTrue(v.isEmpty() || Long.parseLong(v) % 5 == 0, row.toString());
            }
        }
        // emergency admissions: the scenario's median in the last year is below the as-is's
        String last = "2042/43";
        long asIs = p50(activity, "ICB", "emergency_admissions", last, "As is");
        long scenario = p50(activity, "ICB", "emergency_admissions", last, "Scenario");
        assertTrue(scenario < asIs, scenario + " vs " + asIs);
        List<CSVRecord> claims = csv(dir.resolve("imp-14.3-case-for-change-claims.csv"));
        assertEquals(6, claims.size(), "three claims in six parts");
        for (CSVRecord c : claims) {
            assertTrue(
                    List.of("reproduced", "not reproduced", "not derivable from the data")
                            .contains(c.get("verdict")),
                    c.toString());
        }
        List<CSVRecord> waterfall = csv(dir.resolve("imp-14.3-case-for-change-waterfall.csv"));
        assertTrue(waterfall.stream()
                .anyMatch(w -> w.get("step").equals("ACSC admission avoidance")
                        && w.get("area_type").equals("ICB")
                        && Double.parseDouble(w.get("change")) < 0));
        everyCountIsPublishedUnderTheRule(waterfall, r.out());
    }

    /**
     * The waterfall's bars of a count ({@link Outcome#count()}: admissions, bed days, referrals) in the published
     * file, and the counts of the console's summary, which people not authorised to see the workspace read, are blank
     * or multiples of the count rule's base, {@link DisclosureRule#nhsDefault()}: NHS Digital's for sub-national
     * counts (CCG OIS indicator 2.6 specification v1.15, Dec 2018: "Numerator and denominator values of 1 to 7 are
     * suppressed ... numerators are rounded to the nearest 5"; row NHSD_CCG_OIS of
     * stats/src/test/resources/sdc/disclosure_control_rules.csv). Before, the file gave them to two decimals (the
     * baseline year's exact admissions of the ICB and every Place) and the console whole.
     */
    static void everyCountIsPublishedUnderTheRule(List<CSVRecord> waterfall, String console) {
        int base = DisclosureRule.nhsDefault().roundTo();
        Set<String> counts = new TreeSet<>();
        for (CSVRecord w : waterfall) {
            Outcome o = Outcome.valueOf(w.get("outcome_id").toUpperCase(Locale.ROOT));
            if (!o.count() || w.get("change").isEmpty()) {
                continue;
            }
            counts.add(o.id());
            double v = Double.parseDouble(w.get("change"));
            assertTrue(v == Math.rint(v) && (long) v % base == 0, "not a multiple of " + base + ": " + w);
        }
        assertEquals(Set.of("bed_days", "community_referrals", "emergency_admissions"), counts);
        int lines = 0;
        for (String line : console.split("\\R")) {
            for (Outcome o : Outcome.values()) {
                if (o.count() && line.startsWith(o.label() + " ")) {
                    // after the label (64 wide) and the year (8): p50 (p10 to p90), as is and scenario
                    Matcher m = Pattern.compile("-?[\\d,]+(\\.\\d+)?").matcher(line.substring(64 + 1 + 8));
                    int values = 0;
                    while (m.find()) {
                        String v = m.group().replace(",", "");
                        assertTrue(
                                !v.contains(".") && Long.parseLong(v) % base == 0,
                                "not a multiple of " + base + " (" + v + "): " + line);
                        values++;
                    }
                    assertEquals(6, values, line);
                    lines++;
                }
            }
        }
        assertTrue(lines >= 5 * 2, "count lines of the summary checked: " + lines + "\n" + console);
    }

    @Test
    void aBadFileNamesTheFieldAndPublishesNothing() throws Exception {
        Path out = tmp.resolve("bad-out");
        Path bad = tmp.resolve("bad.yaml");
        Files.writeString(
                bad,
                "schema: openphm-scenario/1\nname: bad\nmitigators: {acsc_admission_avoidance_pct: "
                        + "{low: 40, high: 20}}\n");
        CliRun r = CliRun.of(
                "scenario", "run", bad.toString(), "--workspace", workspace.toString(), "--out", out.toString());
        assertNotEquals(0, r.code());
        assertTrue(
                r.err().contains("$.mitigators.acsc_admission_avoidance_pct")
                        && r.err().contains("bad.yaml"),
                r.err());
        assertFalse(Files.exists(out.resolve("bad")), "nothing published");
    }

    @Test
    void newWritesATemplateThatRunsAndNeverOverwrites() throws Exception {
        Path file = tmp.resolve("mine.yaml");
        CliRun r = CliRun.of("scenario", "new", file.toString(), "--name", "Mine");
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.readString(file).contains("acsc_admission_avoidance_pct"));
        CliRun again = CliRun.of("scenario", "new", file.toString());
        assertNotEquals(0, again.code());
        assertTrue(again.err().contains("exists"), again.err());
        CliRun run = CliRun.of(
                "scenario",
                "run",
                file.toString(),
                "--workspace",
                workspace.toString(),
                "--out",
                tmp.resolve("mine-out").toString(),
                "--runs",
                "8");
        assertEquals(0, run.code(), run.err());
        assertTrue(Files.exists(tmp.resolve("mine-out").resolve("mine").resolve("metadata.json")));
    }

    @Test
    void schemaWritesTheScenarioSchema() throws Exception {
        Path out = tmp.resolve("schema");
        assertEquals(0, CliRun.of("scenario", "schema", "--out", out.toString()).code());
        var schema =
                new ObjectMapper().readTree(out.resolve("scenario.schema.json").toFile());
        assertEquals("openphm-scenario/1", schema.at("/properties/schema/const").asText());
    }

    private static List<CSVRecord> csv(Path file) throws Exception {
        try (var reader = Files.newBufferedReader(file)) {
            return CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .build()
                    .parse(reader)
                    .getRecords();
        }
    }

    private static long p50(List<CSVRecord> rows, String areaType, String outcome, String year, String model) {
        return rows.stream()
                .filter(r -> r.get("area_type").equals(areaType)
                        && r.get("outcome_id").equals(outcome)
                        && r.get("year").equals(year)
                        && r.get("model").equals(model))
                .mapToLong(r -> Long.parseLong(r.get("p50")))
                .findFirst()
                .orElseThrow();
    }
}
