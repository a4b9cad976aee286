package org.openphm.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openphm.model.CanonicalSchema.CONDITION;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openphm.model.Progress;

/** Atomic replacement, idempotent re-ingest, Parquet input, the JSON report and the supplier export. */
class IngestWorkspaceTest {
    @TempDir
    Path tmp;

    @Test
    void reIngestingTheSameFilesGivesTheSameWorkspaceNotTwiceTheRows() throws Exception {
        Fixture f = new Fixture(tmp);
        f.table(CONDITION, "p1,HYP,2020-01-01,", "p1,XX,2020-01-01,");
        IngestResult first = f.ingest();
        List<List<String>> before =
                f.query("SELECT * FROM condition UNION ALL SELECT person_id, sex, birth_month, lsoa FROM patient");
        IngestResult second = f.ingest();
        assertEquals(first.tables(), second.tables());
        assertEquals(
                before,
                f.query("SELECT * FROM condition UNION ALL SELECT person_id, sex, birth_month, lsoa FROM patient"));
        assertEquals(List.of(List.of("1")), f.query("SELECT count(*) FROM _quarantine"));
        assertEquals(
                List.of(List.of("1")), f.query("SELECT count(*) FROM _reconciliation WHERE table_name = 'condition'"));
    }

    @Test
    void aFailedIngestLeavesThePreviousWorkspaceByteForByte() throws Exception {
        Fixture f = new Fixture(tmp);
        f.ingest();
        byte[] before = Files.readAllBytes(f.workspace);
        f.write("condition.csv", "person_id,condition\n"); // unusable: diagnosis_date missing
        assertThrows(UnusableInputException.class, f::ingest);
        assertArrayEquals(before, Files.readAllBytes(f.workspace));
        try (Stream<Path> left = Files.list(f.workspace.getParent())) {
            assertEquals(
                    List.of("phm.duckdb"),
                    left.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void moreThanTheAllowedShareQuarantinedInATableLeavesTheWorkspaceAsItWasUnlessAccepted() throws Exception {
        Fixture f = new Fixture(tmp);
        f.ingest();
        byte[] before = Files.readAllBytes(f.workspace);
        FileTime modified = Files.getLastModifiedTime(f.workspace);
        f.write(
                "patient.csv",
                Fixture.PATIENT + "p4,X,1990-01,A,E01000001,,\np5,Y,1990-01,A,E01000001,,\n"
                        + "p6,F,1990-13,A,E01000001,,\n");
        UnusableInputException e = assertThrows(
                UnusableInputException.class,
                () -> Ingest.run(IngestOptions.of(f.dir, f.workspace, Fixture.AS_OF), Progress.SILENT));
        assertEquals("patient.csv", e.file());
        assertEquals(
                "3 of the 6 rows of table patient (50.0%) would be quarantined, more than the 5% allowed;"
                        + " most often field 'sex': not in code set sex: allowed F|M|U (2 rows, lines 5, 6)",
                e.problem());
        assertEquals(
                "correct the file (or ask the supplier for a corrected extract) and ingest again, or add"
                        + " --accept-quarantine to load the other rows anyway",
                e.whatToDo());
        assertArrayEquals(before, Files.readAllBytes(f.workspace));
        assertEquals(modified, Files.getLastModifiedTime(f.workspace));

        IngestResult accepted = f.ingest(); // what --accept-quarantine does
        assertEquals(new TableReconciliation("patient", "patient.csv", 6, 3, 3), accepted.table("patient"));
    }

    @Test
    void exactlyTheAllowedShareQuarantinedIsLoaded() throws Exception {
        Fixture f = new Fixture(tmp);
        StringBuilder patients = new StringBuilder(Fixture.PATIENT);
        for (int i = 4; i <= 19; i++) {
            patients.append("p").append(i).append(",F,1990-01,A,E01000001,,\n");
        }
        f.write("patient.csv", patients + "p20,X,1990-01,A,E01000001,,\n"); // 1 of 20: 5%
        IngestResult r = Ingest.run(IngestOptions.of(f.dir, f.workspace, Fixture.AS_OF), Progress.SILENT);
        assertEquals(new TableReconciliation("patient", "patient.csv", 20, 19, 1), r.table("patient"));
    }

    @Test
    void abandonedTemporariesOfAKilledIngestAreRemovedAndNeverBecomeTheWorkspace() throws Exception {
        Fixture f = new Fixture(tmp);
        Files.createDirectories(f.workspace.getParent());
        Path abandoned = f.workspace.resolveSibling("phm.duckdb.tmp-999999999"); // no such process
        Files.writeString(abandoned, "half a workspace");
        f.ingest();
        assertFalse(Files.exists(abandoned));
        assertEquals(List.of(List.of("3")), f.query("SELECT count(*) FROM patient"));
    }

    @Test
    void parquetInputGoesThroughTheSameChecks() throws Exception {
        Fixture f = new Fixture(tmp);
        Files.delete(f.dir.resolve("patient.csv"));
        Path parquet = f.dir.resolve("patient.parquet");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement st = c.createStatement()) {
            st.execute("COPY (SELECT * FROM (VALUES ('p1', 'F', '1950-01', 'A', 'E01000001', NULL::DATE, NULL), "
                    + "('p2', 'M', '1980-06', NULL, 'E01000002', DATE '2024-06-30', 'I21.9'), "
                    + "('p3', 'X', '2001-12', 'Z', 'E01000001', NULL, NULL)) "
                    + "t(person_id, sex, birth_month, ethnicity, lsoa, death_date, death_cause_icd10)) TO '"
                    + parquet + "' (FORMAT parquet)");
        }
        IngestResult r = f.ingest();
        assertEquals(new TableReconciliation("patient", "patient.parquet", 3, 2, 1), r.table("patient"));
        assertEquals(List.of("3 sex not in code set sex: allowed F|M|U"), f.quarantine("patient")); // row 3 of the file
        assertEquals(List.of(List.of("2024-06-30")), f.query("SELECT death_date FROM patient WHERE person_id = 'p2'"));
    }

    @Test
    void aCorruptParquetFileIsUnusable() throws Exception {
        Fixture f = new Fixture(tmp);
        Files.delete(f.dir.resolve("patient.csv"));
        Files.writeString(f.dir.resolve("patient.parquet"), "PAR1 this is not parquet");
        UnusableInputException e = assertThrows(UnusableInputException.class, f::ingest);
        assertEquals("patient.parquet", e.file());
        assertTrue(e.problem().contains("Parquet"), e.problem());
    }

    @Test
    void reportAndSupplierExportAgreeWithTheWorkspace() throws Exception {
        Fixture f = new Fixture(tmp);
        f.write(
                "patient.csv",
                Fixture.PATIENT
                        + "p4,X,1990-01,A,E01000001,,\np5,Y,1990-01,A,E01000001,,\np6,F,1990-13,A,E01000001,,\n");
        Path report = tmp.resolve("out/report.json");
        Path export = tmp.resolve("out/quarantine");
        IngestResult r = Ingest.run(f.options(report, export), Progress.SILENT);

        JsonNode json = new ObjectMapper().readTree(report.toFile());
        assertEquals(r.read(), json.at("/totals/read").asLong());
        assertEquals(3, json.at("/totals/quarantined").asLong());
        JsonNode patient = null;
        for (JsonNode t : json.get("reconciliation")) {
            if (t.get("table").asText().equals("patient")) {
                patient = t;
            }
            assertEquals(
                    t.get("read").asLong(),
                    t.get("loaded").asLong() + t.get("quarantined").asLong());
        }
        assertEquals(6, patient.get("read").asLong());
        JsonNode sex = json.get("quarantine").get(0);
        assertEquals("sex", sex.get("field").asText());
        assertEquals(2, sex.get("rows").asLong());
        assertEquals("[5,6]", sex.get("example_lines").toString());

        List<String> lines = Files.readAllLines(export.resolve("patient.quarantine.csv"));
        assertEquals(
                List.of(
                        "file,line,field,value,reason,raw_row",
                        "patient.csv,5,sex,X,not in code set sex: allowed F|M|U,\"p4,X,1990-01,A,E01000001,,\"",
                        "patient.csv,6,sex,Y,not in code set sex: allowed F|M|U,\"p5,Y,1990-01,A,E01000001,,\"",
                        "patient.csv,7,birth_month,1990-13,not a month (yyyy-mm),\"p6,F,1990-13,A,E01000001,,\""),
                lines);
    }

    /** A hostile value must reach the supplier's spreadsheet as text, not run as a formula (OWASP CSV injection). */
    @Test
    void theSupplierExportNeutralisesSpreadsheetFormulasInEveryCell() throws Exception {
        Fixture f = new Fixture(tmp);
        f.write("patient.csv", Fixture.PATIENT + "p4,F,1990-01,\"=HYPERLINK(\"\"http://evil\"\")\",E01000001,,\n");
        f.write(
                "practice.csv",
                Fixture.PRACTICE + "@cmd,Evil,U1,P,N1,N,E06000032,Luton,QHG,BLMK\n"
                        + "-2+3,Minus,U1,P,N1,N,E06000032,Luton,QHG,BLMK\n");
        Path export = tmp.resolve("for-supplier");
        Ingest.run(f.options(null, export), Progress.SILENT);
        assertEquals(
                List.of(
                        "file,line,field,value,reason,raw_row",
                        "patient.csv,5,ethnicity,\"'=HYPERLINK(\"\"http://evil\"\")\",not in code set ethnic_category: allowed"
                                + " A|B|C|D|E|F|G|H|J|K|L|M|N|P|R|S|Z|99,"
                                // the raw row is one cell starting with p4: its quoted field inside is text, not a cell
                                + "\"p4,F,1990-01,\"\"=HYPERLINK(\"\"\"\"http://evil\"\"\"\")\"\",E01000001,,\""),
                Files.readAllLines(export.resolve("patient.quarantine.csv")).subList(0, 2));
        List<String> practice = Files.readAllLines(export.resolve("practice.quarantine.csv"));
        assertEquals(
                List.of(
                        "file,line,field,value,reason,raw_row",
                        "practice.csv,4,practice_code,'@cmd,not a valid ods_practice code (e.g. E81001),"
                                + "\"'@cmd,Evil,U1,P,N1,N,E06000032,Luton,QHG,BLMK\"",
                        "practice.csv,5,practice_code,'-2+3,not a valid ods_practice code (e.g. E81001),"
                                + "\"'-2+3,Minus,U1,P,N1,N,E06000032,Luton,QHG,BLMK\""),
                practice);
    }
}
