package org.openphm.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files that cannot be used at all, and damaged rows inside usable files. */
class IngestFileProblemsTest {
    @TempDir
    Path tmp;

    private UnusableInputException unusable(Fixture f) {
        return assertThrows(UnusableInputException.class, f::ingest);
    }

    @Test
    void missingRequiredColumnNamesFileLineFieldAndTheExpectedColumns() throws Exception {
        Fixture f = new Fixture(tmp);
        f.write("patient.csv", "person_id,birth_month,lsoa\np1,1950-01,E01000001\n");
        UnusableInputException e = unusable(f);
        assertEquals("patient.csv", e.file());
        assertEquals(1, e.line());
        assertEquals("sex", e.field());
        assertEquals(
                "patient.csv line 1 field 'sex': missing required column 'sex' (header: person_id,birth_month,lsoa)"
                        + " — the expected columns are person_id, sex, birth_month, ethnicity, lsoa, death_date, death_cause_icd10;"
                        + " see docs/DATA_MODEL.generated.md",
                e.getMessage());
    }

    @Test
    void aFileWithoutAHeaderLineIsSaidToLackOneAndItsFirstRowIsNotEchoed() throws Exception {
        Fixture f = new Fixture(tmp);
        f.write("patient.csv", "9990000018,F,1950-01,A,E01000001,,\n9990000026,M,1960-01,A,E01000001,,\n");
        UnusableInputException e = unusable(f);
        assertEquals("patient.csv", e.file());
        assertEquals(1, e.line());
        assertEquals(
                "the first line looks like data, not a header: the file needs a header line naming its columns",
                e.problem());
        assertEquals(
                "add a first line naming the columns: person_id, sex, birth_month, ethnicity, lsoa, death_date,"
                        + " death_cause_icd10 (nhs_number instead of person_id for raw NHS numbers); see docs/DATA_MODEL.generated.md",
                e.whatToDo());
        assertFalse(e.getMessage().contains("0000018"), e.getMessage());
    }

    @Test
    void anEchoedHeaderShowsNhsNumbersOnlyMasked() throws Exception {
        Fixture f = new Fixture(tmp);
        f.write("patient.csv", "person_id,birth_month,lsoa,NHS 999-000-0018\n");
        UnusableInputException e = unusable(f);
        assertTrue(e.problem().endsWith("(header: person_id,birth_month,lsoa,NHS 999*******)"), e.problem());
        assertFalse(e.getMessage().contains("0018"), e.getMessage());
    }

    @Test
    void wrongDelimiterShowsUpAsMissingColumns() throws Exception {
        Fixture f = new Fixture(tmp);
        f.write("lsoa.csv", "lsoa_code;lsoa_name;imd_decile;imd_quintile;place_code\n");
        assertEquals("lsoa_code", unusable(f).field());
    }

    @Test
    void missingMandatoryTable() throws Exception {
        Fixture f = new Fixture(tmp);
        Files.delete(f.dir.resolve("spell.csv"));
        UnusableInputException e = unusable(f);
        assertEquals("spell.csv", e.file());
        assertTrue(e.whatToDo().contains("docs/DATA_MODEL.generated.md"), e.whatToDo());
    }

    @Test
    void twoFilesForOneTable() throws Exception {
        Fixture f = new Fixture(tmp);
        f.write("spell.parquet", "not really");
        assertTrue(unusable(f).getMessage().contains("two files for one table"));
    }

    @Test
    void emptyFile() throws Exception {
        Fixture f = new Fixture(tmp);
        f.write("condition.csv", "");
        UnusableInputException e = unusable(f);
        assertEquals("condition.csv", e.file());
        assertTrue(e.problem().contains("empty"), e.problem());
    }

    @Test
    void binaryFile() throws Exception {
        Fixture f = new Fixture(tmp);
        Files.write(f.dir.resolve("condition.csv"), new byte[] {'P', 'K', 3, 4, 0, 0, 0, 8, 'x'});
        UnusableInputException e = unusable(f);
        assertEquals("condition.csv", e.file());
        assertTrue(e.problem().contains("binary"), e.problem());
    }

    @Test
    void notUtf8Text() throws Exception {
        Fixture f = new Fixture(tmp);
        Files.write(
                f.dir.resolve("practice.csv"),
                (Fixture.PRACTICE + "E81009,Caf\u00e9,U1,P,N1,N,E06000032,Luton,QHG,BLMK\n")
                        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertTrue(unusable(f).problem().contains("not UTF-8"));
    }

    @Test
    void unreadableFile() throws Exception {
        Fixture f = new Fixture(tmp);
        Files.delete(f.dir.resolve("condition.csv"));
        Files.createDirectory(f.dir.resolve("condition.csv")); // reading a folder fails even as root
        UnusableInputException e = unusable(f);
        assertEquals("condition.csv", e.file());
        assertTrue(e.problem().startsWith("cannot be read"), e.problem());
    }

    @Test
    void aLinkToAMissingFileSaysSoRatherThanPermissionDenied() throws Exception {
        Fixture f = new Fixture(tmp);
        Files.delete(f.dir.resolve("condition.csv"));
        Path gone = tmp.resolve("extract-2024/condition.csv");
        Files.createSymbolicLink(f.dir.resolve("condition.csv"), gone);
        UnusableInputException e = unusable(f);
        assertEquals(
                "condition.csv: is a link to " + gone + ", which does not exist — restore the file it points at,"
                        + " or replace the link with the file itself",
                e.getMessage());
    }

    @Test
    void bothIdentifierColumnsInOneFile() throws Exception {
        Fixture f = new Fixture(tmp);
        f.write("condition.csv", "person_id,nhs_number,condition,diagnosis_date\n");
        assertEquals("nhs_number", unusable(f).field());
    }

    @Test
    void truncatedLastRowIsQuarantined() throws Exception {
        Fixture f = new Fixture(tmp);
        f.write("patient.csv", Fixture.PATIENT + "p4,F,1990-0"); // cut mid-row, no final newline
        IngestResult r = f.ingest();
        assertEquals(
                List.of("5 (row) row has 3 fields, the header has 7 (truncated or missing separators)"),
                f.quarantine("patient"));
        assertEquals(List.of(List.of("p4,F,1990-0")), f.query("SELECT raw_row FROM _quarantine"));
        assertEquals(new TableReconciliation("patient", "patient.csv", 4, 3, 1), r.table("patient"));
    }

    /** The same fault with or without the file's final line break gets the same answer. */
    @Test
    void unterminatedQuoteOnTheLastLineIsQuarantinedWhateverEndsTheFile() throws Exception {
        for (String end : List.of("\n", "", "\r\n", "\n\n")) {
            Fixture f = new Fixture(tmp.resolve("end" + end.length() + end.hashCode()));
            f.write("practice.csv", Fixture.PRACTICE + "E81003,\"Practice Thr" + end);
            IngestResult r = f.ingest();
            assertEquals(
                    List.of("4 (row) unterminated quote in field 2 (practice_name) at end of file (the file looks"
                            + " truncated)"),
                    f.quarantine("practice"),
                    "ending " + end.replace("\n", "\\n").replace("\r", "\\r"));
            assertEquals(new TableReconciliation("practice", "practice.csv", 3, 2, 1), r.table("practice"));
        }
    }

    @Test
    void aQuoteThatSwallowsTheRestOfTheFileMakesItUnusable() throws Exception {
        Fixture f = new Fixture(tmp);
        f.write(
                "practice.csv",
                Fixture.PRACTICE.replace("\"Practice Two, Bedford\"", "\"Practice Two, Bedford")
                        + "E81003,Three,U1,P,N1,N,E06000032,Luton,QHG,BLMK\n");
        UnusableInputException e = unusable(f);
        assertEquals(3, e.line());
        assertEquals("practice_name", e.field());
        assertTrue(e.problem().contains("never closed"), e.problem());
    }

    @Test
    void lineNumbersArePhysicalLinesEvenWithQuotedLineBreaksCrlfAndByteOrderMark() throws Exception {
        Fixture f = new Fixture(tmp);
        String practice = "\uFEFF" + Fixture.PRACTICE.replace("\"Practice Two, Bedford\"", "\"Practice Two,\nBedford\"")
                + "E8100X,Bad code,U1,P,N1,N,E06000032,Luton,QHG,BLMK\n";
        f.write("practice.csv", practice.replace("\n", "\r\n"));
        f.ingest();
        // header line 1, E81001 line 2, E81002 lines 3-4, the bad row line 5
        assertEquals(List.of("5 practice_code not a valid ods_practice code (e.g. E81001)"), f.quarantine("practice"));
        assertEquals(
                List.of(List.of("Practice Two,\r\nBedford")),
                f.query("SELECT practice_name FROM practice WHERE practice_code = 'E81002'"));
    }

    @Test
    void textAfterAClosingQuoteIsQuarantined() throws Exception {
        Fixture f = new Fixture(tmp);
        f.write("practice.csv", Fixture.PRACTICE + "E81003,\"Three\" Ltd,U1,P,N1,N,E06000032,Luton,QHG,BLMK\n");
        f.ingest();
        assertEquals(
                List.of("4 (row) text after a closing quote in field 2 (practice_name)"), f.quarantine("practice"));
        assertEquals(
                List.of(List.of("E81003,Three Ltd,U1,P,N1,N,E06000032,Luton,QHG,BLMK")),
                f.query("SELECT raw_row FROM _quarantine"));
    }

    @Test
    void tooManyFieldsIsQuarantinedButATrailingCommaIsTolerated() throws Exception {
        Fixture f = new Fixture(tmp);
        f.write("lsoa.csv", Fixture.LSOA + "E01000003,Extra,1,1,E06000032,\nE01000004,Extra,1,1,E06000032,surplus\n");
        IngestResult r = f.ingest();
        assertEquals(List.of("5 (row) row has 6 fields, the header has 5"), f.quarantine("lsoa"));
        assertEquals(3, r.table("lsoa").loaded());
    }

    @Test
    void aTrailingCommaOnTheHeaderLineOnlyIsHarmless() throws Exception {
        Fixture f = new Fixture(tmp);
        // the data lines without the trailing comma, and one with it: both fit the header
        f.write("patient.csv", Fixture.PATIENT.replaceFirst("\n", ",\n") + "p4,F,1990-01,A,E01000001,,,\n");
        IngestResult r = f.ingest();
        assertEquals(List.of(), f.quarantine("patient"));
        assertEquals(new TableReconciliation("patient", "patient.csv", 4, 4, 0), r.table("patient"));
    }

    @Test
    void aWorkspacePathHoldingSomethingElseIsNeverOverwritten() throws Exception {
        Fixture f = new Fixture(tmp);
        Files.createDirectories(f.workspace.getParent());
        Files.writeString(f.workspace, "my thesis, do not delete\n");
        UnusableInputException e = unusable(f);
        assertEquals("phm.duckdb", e.file());
        assertEquals("my thesis, do not delete\n", Files.readString(f.workspace));
    }
}
