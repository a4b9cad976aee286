package org.openphm.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openphm.model.CanonicalSchema.SPELL;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openphm.model.CanonicalSchema;
import org.openphm.model.Progress;
import org.openphm.model.Table;
import org.openphm.model.WorkspaceLayout;

/**
 * Plain CSV files are staged by DuckDB's parallel reader ({@link BulkStaging}), the rest record by record: the two
 * must load, quarantine and reconcile exactly the same rows with the same line numbers.
 */
class BulkStagingTest {
    @TempDir
    Path tmp;

    @AfterEach
    void bulkBackOn() {
        System.clearProperty(BulkStaging.PROPERTY);
    }

    /** Plain files holding every kind of row fault a plain file can hold, identifiers as raw NHS numbers. */
    private Fixture faultyPlainFiles() throws Exception {
        Fixture f = new Fixture(tmp);
        f.write(
                "patient.csv",
                IngestNhsNumberTest.PATIENTS + " 9434765870 ,X,1990-01,A,E01000009,,\n"
                        + "9434765889,F,1990-13,Q,E01000001,2030-01-01,heart\n"
                        + "9434765897,F,1890-01,A,,,\n"
                        + "943-476-5900,M,2001-01,A,E01000001,,\n"
                        + "abcdefghij,M,2001-01,A,E01000001,,\n");
        f.write(
                "condition.csv",
                IngestNhsNumberTest.CONDITIONS
                        + "9434765870,HYP, 2019-05-01 ,\n" // spaces around a value are trimmed
                        + "9434765870,FOO,2019-05-01,\n" // not a register
                        + "9434765870,DM,2019-05-01,2018-01-01\n" // resolved before diagnosed
                        + "4010000260,DM,2019-05-01,\n" // valid number, no patient: orphan
                        + "9434765919,CHD,2099-01-01,\n" // in the future
                        + "9434765919,CHD,2020-01-01,\n"
                        + "9434765919,CHD,2020-01-01,\n" // duplicate key
                        + "943476592,CHD,2020-01-01,\n" // nine digits
                        + ",CHD,2020-01-01,\n"); // missing
        String spellHeader = String.join(",", SPELL.columnNames()).replace("person_id", "nhs_number");
        // CR LF line endings throughout: still plain
        f.write(
                "spell.csv",
                (spellHeader + "\n" + "s1,9434765919,RC9,,emergency,2024-01-01,2024-01-03,,I50.0,,,300,100,\n"
                                + "s2,9434765919,RC9,,urgent,2024-01-01,2024-01-03,,I5,,,300,-5,\n"
                                + "s3,9434765927,RC9,,emergency,2024-02-01,2024-01-03,,I50.0,,,300,10,\n"
                                + "s1,9434765919,RC9,,emergency,2024-01-01,2024-01-03,,I50.0,,,300,100,\n")
                        .replace("\n", "\r\n"));
        return f;
    }

    @Test
    void bulkAndRecordByRecordLoadQuarantineAndReconcileTheSame() throws Exception {
        Fixture f = faultyPlainFiles();
        for (String file : List.of("patient.csv", "condition.csv", "spell.csv")) {
            assertTrue(PlainCsv.scan(f.dir.resolve(file), Progress.SILENT, "").plain(), file + " is plain");
        }
        System.setProperty(BulkStaging.PROPERTY, "false");
        IngestResult byRecord = f.ingest();
        Map<String, List<List<String>>> expected = everyTable(f);
        System.clearProperty(BulkStaging.PROPERTY);
        IngestResult bulk = f.ingest(); // the same workspace, so the same key and the same pseudonyms
        assertEquals(byRecord.tables(), bulk.tables());
        Map<String, List<List<String>>> actual = everyTable(f);
        assertEquals(expected.keySet(), actual.keySet());
        for (String table : expected.keySet()) {
            assertEquals(expected.get(table), actual.get(table), table);
        }
        // the faults are really there: this is not two empty loads agreeing (line 8's unknown LSOA is not reported:
        // relational checks look only at rows that passed the row checks)
        assertEquals(
                List.of(
                        "4 nhs_number invalid NHS number: wrong Modulus 11 check digit",
                        "5 nhs_number invalid NHS number: Modulus 11 check digit is 10 (never issued)",
                        "6 nhs_number invalid NHS number: not 10 digits",
                        "7 nhs_number required value missing",
                        "8 sex not in code set sex: allowed F|M|U",
                        "9 birth_month not a month (yyyy-mm)",
                        "9 death_cause_icd10 not a valid icd10 code (e.g. I50.0, I500, J46X)",
                        "9 death_date date in the future (after the as-of date 2025-03-31)",
                        "9 ethnicity not in code set ethnic_category: allowed A|B|C|D|E|F|G|H|J|K|L|M|N|P|R|S|Z|99",
                        "10 birth_month date before 1900-01-01",
                        "11 nhs_number invalid NHS number: not 10 digits",
                        "12 nhs_number invalid NHS number: not 10 digits"),
                f.quarantine("patient"));
        assertEquals(
                List.of(
                        "3 admission_method not in code set admission_method: allowed elective|emergency|other",
                        "3 cost_gbp out of range: must not be negative",
                        "3 primary_diagnosis not a valid icd10 code (e.g. I50.0, I500, J46X)",
                        "4 discharge_date end before start: discharge_date is before admission_date",
                        "5 spell_id duplicate key (spell_id)"),
                f.quarantine("spell"));
    }

    @Test
    void bulkAndRecordByRecordAgreeOnParquetToo() throws Exception {
        Fixture f = faultyPlainFiles();
        // the same faulty rows as Parquet (every value text, as a supplier's export might be), plus a value padded
        // with a tab: that file is read record by record, as only spaces are trimmed alike in Java and SQL
        f.write("condition.csv", Files.readString(f.dir.resolve("condition.csv")) + "9434765919,\tAST,2020-01-01,\n");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement st = c.createStatement()) {
            for (String table : List.of("patient", "condition", "spell")) {
                Path csv = f.dir.resolve(table + ".csv");
                st.execute("COPY (SELECT * FROM read_csv('" + csv + "', header = true, all_varchar = true)) TO '"
                        + f.dir.resolve(table + ".parquet") + "' (FORMAT parquet)");
                Files.delete(csv);
            }
        }
        System.setProperty(BulkStaging.PROPERTY, "false");
        IngestResult byRecord = f.ingest();
        Map<String, List<List<String>>> expected = everyTable(f);
        System.clearProperty(BulkStaging.PROPERTY);
        IngestResult bulk = f.ingest();
        assertEquals(byRecord.tables(), bulk.tables());
        Map<String, List<List<String>>> actual = everyTable(f);
        for (String table : expected.keySet()) {
            assertEquals(expected.get(table), actual.get(table), table);
        }
        // the faults are there (a Parquet row's line is its row number, from 1), and the tab was stripped
        assertEquals(12, f.quarantine("patient").size(), f.quarantine("patient").toString());
        assertEquals(
                "3 nhs_number invalid NHS number: wrong Modulus 11 check digit",
                f.quarantine("patient").get(0));
        assertEquals(List.of(List.of("1")), f.query("SELECT count(*) FROM condition WHERE condition = 'AST'"));
    }

    /**
     * A synthetic England writes each ICB's files into a folder named icb=CODE, the layout Hive, Spark and DuckDB
     * read as a partition column: ingest reads a file as the one table it is, with no column "icb" (which had been
     * warned about in every table and sent every Parquet file to the record-by-record reader).
     */
    @Test
    void aPartitionFolderNameIsNotAColumn() throws Exception {
        Fixture f = new Fixture(tmp, "icb=QXX");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement st = c.createStatement()) {
            for (String table : List.of("practice", "lsoa", "patient")) {
                Path csv = f.dir.resolve(table + ".csv");
                st.execute("COPY (SELECT * FROM read_csv('" + csv + "', header = true, all_varchar = true,"
                        + " hive_partitioning = false)) TO '" + f.dir.resolve(table + ".parquet")
                        + "' (FORMAT parquet)");
                Files.delete(csv);
            }
        }
        IngestResult result = f.ingest();
        assertTrue(
                result.warnings().stream().noneMatch(w -> w.contains("icb")),
                result.warnings().toString());
        assertEquals(List.of(List.of("3")), f.query("SELECT count(*) FROM patient"));
    }

    @Test
    void lineNumbersStayExactAcrossDuckDbsParallelChunks() throws Exception {
        Fixture f = new Fixture(tmp);
        int people = 400_000; // several of DuckDB's row groups (122,880 rows) and parallel reader chunks
        List<Integer> badLines = List.of(2, 122_881, 122_882, 245_763, 300_001, people + 1);
        StringBuilder patients = new StringBuilder(String.join(",", CanonicalSchema.PATIENT.columnNames()) + "\n");
        for (int i = 0; i < people; i++) {
            int line = i + 2;
            patients.append('p')
                    .append(i)
                    .append(',')
                    .append(badLines.contains(line) ? "X" : "F")
                    .append(",1950-01,A,E01000001,,\n");
        }
        f.write("patient.csv", patients.toString());
        assertTrue(
                PlainCsv.scan(f.dir.resolve("patient.csv"), Progress.SILENT, "").plain());
        IngestResult r = f.ingest();
        List<String> expected = new ArrayList<>();
        for (int line : badLines) {
            expected.add(line + " sex not in code set sex: allowed F|M|U");
        }
        assertEquals(expected, f.quarantine("patient"));
        assertEquals(new TableReconciliation("patient", "patient.csv", people, people - 6, 6), r.table("patient"));
        // and each loaded row is the one on its line: p<i> is on line i + 2
        assertEquals(
                List.of(List.of("0")),
                f.query("SELECT count(*) FROM _quarantine q WHERE q.table_name = 'patient'"
                        + " AND q.raw_row NOT LIKE 'p' || (q.line - 2) || ',%'"));
    }

    @Test
    void whatIsNotPlainIsNamedByTheRecordReader() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("scan"));
        String header = "a,b\n";
        Map<String, String> notPlain = new LinkedHashMap<>();
        notPlain.put("quoted", header + "1,\"x, y\"\n");
        notPlain.put("short row", header + "1\n");
        notPlain.put("long row", header + "1,2,3\n");
        notPlain.put("blank line", header + "1,2\n\n3,4\n");
        notPlain.put("byte-order mark", "\uFEFF" + header + "1,2\n");
        notPlain.put("not ASCII", header + "1,Zoë\n");
        notPlain.put("tab", header + "1,\t2\n");
        notPlain.put("mixed line endings", header + "1,2\r\n3,4\n");
        notPlain.put("lone CR", header + "1,2\r3,4\n");
        notPlain.put("NUL", header + "1,\u00002\n");
        for (Map.Entry<String, String> e : notPlain.entrySet()) {
            Path file = dir.resolve("x.csv");
            Files.writeString(file, e.getValue(), StandardCharsets.UTF_8);
            assertFalse(PlainCsv.scan(file, Progress.SILENT, "").plain(), e.getKey());
        }
        Path file = dir.resolve("y.csv");
        byte[] bytes = (header + "1,2\r\n3,4")
                .replace("\n", "\r\n")
                .replace("\r\r", "\r")
                .getBytes();
        Files.write(file, bytes);
        PlainCsv.Scan scan = PlainCsv.scan(file, Progress.SILENT, "");
        assertTrue(scan.plain());
        assertTrue(scan.crlf());
        assertEquals(2, scan.fields());
        assertEquals(2, scan.records(), "the last record needs no line break");
        assertFalse(scan.padded());
        for (String padded : List.of(" 1,2\n", "1 ,2\n", "1, 2\n", "1,2 \n", "1,2 ")) {
            Files.writeString(file, header + padded, StandardCharsets.UTF_8);
            assertTrue(PlainCsv.scan(file, Progress.SILENT, "").padded(), padded);
        }
        assertEquals(
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)), scan.sha256());
    }

    /** Every table of the workspace but the metadata (which holds the time of ingest), rows in a fixed order. */
    private static Map<String, List<List<String>>> everyTable(Fixture f) throws Exception {
        Map<String, List<List<String>>> rows = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        for (Table t : CanonicalSchema.TABLES) {
            names.add(t.name());
        }
        names.add(WorkspaceLayout.QUARANTINE_TABLE);
        names.add("_reconciliation");
        for (String name : names) {
            rows.put(name, f.query("SELECT * FROM " + name + " ORDER BY ALL"));
        }
        return rows;
    }
}
