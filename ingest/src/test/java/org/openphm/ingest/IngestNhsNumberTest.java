package org.openphm.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openphm.model.CanonicalSchema.CONDITION;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Raw NHS numbers: Modulus 11 at ingest, keyed pseudonyms, and the raw number stored nowhere. */
class IngestNhsNumberTest {
    @TempDir
    Path tmp;

    static final String PATIENTS = """
            nhs_number,sex,birth_month,ethnicity,lsoa,death_date,death_cause_icd10
            943 476 5919,F,1950-01,A,E01000001,,
            9434765927,M,1980-06,,E01000002,,
            9434765918,F,1990-01,A,E01000001,,
            9434765960,F,1990-01,A,E01000001,,
            943476591,F,1990-01,A,E01000001,,
            ,F,1990-01,A,E01000001,,
            """;
    static final String CONDITIONS = """
            nhs_number,condition,diagnosis_date,resolved_date
            9434765919,HYP,2020-01-01,
            943 476 5927,DM,2021-01-01,
            9434765935,DM,2021-01-01,
            9434765919,HYP,2020-01-01,
            """;

    private Fixture withNhsNumbers() throws Exception {
        Fixture f = new Fixture(tmp);
        f.write("patient.csv", PATIENTS);
        f.write("condition.csv", CONDITIONS);
        return f;
    }

    @Test
    void invalidNumbersAreQuarantinedMaskedAndValidOnesPseudonymised() throws Exception {
        Fixture f = withNhsNumbers();
        IngestResult r = f.ingest();
        assertEquals(
                List.of(
                        "4 nhs_number invalid NHS number: wrong Modulus 11 check digit",
                        "5 nhs_number invalid NHS number: Modulus 11 check digit is 10 (never issued)",
                        "6 nhs_number invalid NHS number: not 10 digits",
                        "7 nhs_number required value missing"),
                f.quarantine("patient"));
        assertEquals(
                List.of(List.of("943*******", "943*******,F,1990-01,A,E01000001,,")),
                f.query("SELECT value, raw_row FROM _quarantine WHERE line = 4 AND table_name = 'patient'"));
        // both spellings of a number give one pseudonym, so the condition rows link to their patients
        assertEquals(
                List.of(
                        "4 nhs_number orphan: person_id not in patient (or the patient row was quarantined)",
                        "5 nhs_number+condition+diagnosis_date duplicate key (person_id, condition, diagnosis_date)"),
                f.quarantine("condition"));
        assertEquals(
                List.of(List.of("943*******|HYP|2020-01-01 (first on line 2)")),
                f.query("SELECT value FROM _quarantine WHERE line = 5 AND table_name = 'condition'"));
        assertEquals(2, r.table("condition").loaded());
        List<List<String>> ids = f.query("SELECT person_id FROM patient ORDER BY person_id");
        assertEquals(2, ids.size());
        for (List<String> id : ids) {
            assertTrue(id.get(0).matches("[0-9a-f]{32}"), id.get(0));
        }
        assertEquals(List.of(List.of("nhs_number")), f.query("SELECT value FROM _meta WHERE key = 'identifiers'"));
    }

    @Test
    void theRawNumberIsNowhereInTheWorkspaceReportOrExport() throws Exception {
        Fixture f = withNhsNumbers();
        Path report = tmp.resolve("report.json");
        Path export = tmp.resolve("for-supplier");
        Ingest.run(f.options(report, export), org.openphm.model.Progress.SILENT);
        // every string column of every table, searched for any of the raw numbers (with or without spaces)
        List<String> raw = List.of(
                "9434765919",
                "9434765927",
                "9434765918",
                "9434765960",
                "943476591",
                "9434765935",
                "4765919",
                "476 5919");
        List<List<String>> columns = f.query(
                "SELECT table_name, column_name FROM information_schema.columns " + "WHERE data_type = 'VARCHAR'");
        assertFalse(columns.isEmpty());
        String anyRaw =
                raw.stream().map(n -> "v LIKE '%" + n + "%'").collect(java.util.stream.Collectors.joining(" OR "));
        String scan = columns.stream()
                .map(c -> "SELECT '" + c.get(0) + "." + c.get(1) + "' AS col, \"" + c.get(1) + "\" AS v FROM \""
                        + c.get(0) + "\"")
                .collect(java.util.stream.Collectors.joining(" UNION ALL "));
        assertEquals(List.of(), f.query("SELECT col, v FROM (" + scan + ") WHERE " + anyRaw));
        assertTrue(f.query("SELECT count(*) FROM (" + scan + ")").get(0).get(0).compareTo("0") > 0);
        // and the files themselves, byte for byte (DuckDB stores short strings uncompressed)
        try (Stream<Path> all = Stream.concat(Stream.of(f.workspace, report), Files.list(export))) {
            for (Path p : all.toList()) {
                String text = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
                for (String n : raw) {
                    assertFalse(text.contains(n), p + " holds " + n);
                }
            }
        }
    }

    /**
     * NHS numbers written with dashes or dots, or inside other text, in a row of the wrong shape, as a
     * person_id or in another column: masked in the quarantine's value and raw_row, the export and the report.
     */
    @Test
    void nhsNumbersWrittenAnyWayAreMaskedWhereverARowOrValueIsKept() throws Exception {
        Fixture f = new Fixture(tmp);
        f.write(
                "patient.csv",
                Fixture.PATIENT
                        + "p4,F,1950-01,A,E01000001,,,401-000-0260\n" // one field too many: malformed
                        + "401.000.0260,F,1950-01,A,E01000001,,\n" // a raw NHS number as person_id
                        + "p5,F,1950-01,NHS:401 000-0260,E01000001,,\n"); // inside another column: not an ethnic code
        Path report = tmp.resolve("report.json");
        Path export = tmp.resolve("for-supplier");
        Ingest.run(f.options(report, export), org.openphm.model.Progress.SILENT);
        assertEquals(
                List.of(
                        Arrays.asList("5", "(row)", null, "p4,F,1950-01,A,E01000001,,,401*******"),
                        List.of("6", "person_id", "401*******", "401*******,F,1950-01,A,E01000001,,"),
                        List.of("7", "ethnicity", "NHS:401*******", "p5,F,1950-01,NHS:401*******,E01000001,,")),
                f.query("SELECT line, field, value, raw_row FROM _quarantine ORDER BY line"));
        assertEquals(List.of(), f.query("SELECT person_id FROM patient WHERE person_id LIKE '401%'"));
        try (Stream<Path> all = Stream.concat(Stream.of(f.workspace, report), Files.list(export))) {
            for (Path p : all.toList()) {
                String text = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
                for (String n : List.of("0000260", "000-0260", "000.0260", "000 0260", "000 000-0260")) {
                    assertFalse(text.contains(n), p + " holds " + n);
                }
            }
        }
    }

    @Test
    void pseudonymsAreStableAcrossIngestsAndTheKeyLivesOutsideTheWorkspace() throws Exception {
        Fixture f = withNhsNumbers();
        IngestResult first = f.ingest();
        List<List<String>> ids = f.query("SELECT person_id FROM patient ORDER BY person_id");
        f.ingest();
        assertEquals(ids, f.query("SELECT person_id FROM patient ORDER BY person_id"));
        Path key = f.workspace.resolveSibling("phm.duckdb.key");
        assertEquals(key.toAbsolutePath(), first.keyFile());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));

        // another workspace has another key, so other pseudonyms for the same people
        Fixture other = new Fixture(tmp.resolve("other"));
        other.write("patient.csv", PATIENTS);
        other.write("condition.csv", CONDITIONS);
        other.ingest();
        assertNotEquals(ids, other.query("SELECT person_id FROM patient ORDER BY person_id"));
    }

    @Test
    void aMissingOrSwappedKeyStopsTheIngestRatherThanChangingEveryPseudonym() throws Exception {
        Fixture f = withNhsNumbers();
        f.ingest();
        Path key = f.workspace.resolveSibling("phm.duckdb.key");
        byte[] original = Files.readAllBytes(key);
        Files.delete(key);
        UnusableInputException missing = assertThrows(UnusableInputException.class, f::ingest);
        assertTrue(missing.getMessage().contains("restore"), missing.getMessage());
        Files.writeString(key, "00".repeat(32));
        assertThrows(UnusableInputException.class, f::ingest);
        Files.write(key, original);
        f.ingest();
    }

    @Test
    void rawNhsNumbersLabelledAsPersonIdAreRefusedAndMasked() throws Exception {
        Fixture f = new Fixture(tmp);
        f.write("patient.csv", Fixture.PATIENT + "943 476 5919,F,1950-01,A,E01000001,,\n");
        f.ingest();
        assertEquals(List.of("5 person_id " + Staging.LOOKS_LIKE_NHS_NUMBER), f.quarantine("patient"));
        assertEquals(
                List.of(List.of("943*******", "943*******,F,1950-01,A,E01000001,,")),
                f.query("SELECT value, raw_row FROM _quarantine"));
    }

    @Test
    void patientLevelFilesMustAllUseTheSameIdentifier() throws Exception {
        Fixture f = withNhsNumbers();
        f.table(CONDITION, "p1,HYP,2020-01-01,");
        UnusableInputException e = assertThrows(UnusableInputException.class, f::ingest);
        assertEquals("condition.csv", e.file());
        assertTrue(e.getMessage().contains("patient.csv carries nhs_number"), e.getMessage());
    }
}
