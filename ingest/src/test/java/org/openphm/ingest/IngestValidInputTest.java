package org.openphm.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openphm.model.CanonicalSchema;
import org.openphm.model.Table;

class IngestValidInputTest {
    @TempDir
    Path tmp;

    @Test
    void loadsEveryRowOfAValidFolderWithCanonicalTypes() throws Exception {
        Fixture f = new Fixture(tmp);
        f.table(CanonicalSchema.REGISTRATION, "p1,E81001,2000-01-01,", "p2,E81002,2010-05-01,2024-06-30");
        IngestResult r = f.ingest();

        assertEquals(new TableReconciliation("patient", "patient.csv", 3, 3, 0), r.table("patient"));
        assertEquals(new TableReconciliation("registration", "registration.csv", 2, 2, 0), r.table("registration"));
        assertEquals(0, r.quarantined());
        assertEquals(
                List.of(List.of("p2", "DATE", "2024-06-30", "I21.9")),
                f.query(
                        "SELECT person_id, typeof(death_date), death_date, death_cause_icd10 FROM patient WHERE death_date IS NOT NULL"));
        // quoted field with a comma, and the ethnicity left empty is null, not ''
        assertEquals(
                List.of(List.of("Practice Two, Bedford")),
                f.query("SELECT practice_name FROM practice WHERE practice_code = 'E81002'"));
        assertNull(f.query("SELECT ethnicity FROM patient WHERE person_id = 'p2'")
                .get(0)
                .get(0));
        assertEquals(List.of(List.of("INTEGER")), f.query("SELECT DISTINCT typeof(imd_decile) FROM lsoa"));
    }

    @Test
    void createsEveryCanonicalTableAndRecordsMeta() throws Exception {
        Fixture f = new Fixture(tmp);
        f.ingest();
        for (Table t : CanonicalSchema.TABLES) {
            assertEquals(
                    t.columns().size(),
                    f.query("SELECT * FROM information_schema.columns WHERE table_name = '" + t.name() + "'")
                            .size(),
                    t.name());
        }
        assertEquals(
                List.of(List.of(Integer.toString(CanonicalSchema.VERSION))),
                f.query("SELECT value FROM _meta WHERE key = 'schema_version'"));
        assertEquals(List.of(List.of("2025-03-31")), f.query("SELECT value FROM _meta WHERE key = 'as_of'"));
        assertEquals(
                64,
                f.query("SELECT value FROM _meta WHERE key = 'file.patient.sha256'")
                        .get(0)
                        .get(0)
                        .length());
        assertEquals(List.of(List.of("3")), f.query("SELECT value FROM _meta WHERE key = 'file.patient.rows'"));
        // reconciliation stored for every table, absent optional tables with no file and zero rows
        assertEquals(
                CanonicalSchema.TABLES.size(),
                f.query("SELECT * FROM _reconciliation").size());
        assertEquals(
                List.of(List.of("0", "0", "0")),
                f.query(
                        "SELECT read, loaded, quarantined FROM _reconciliation WHERE table_name = 'workforce' AND file IS NULL"));
    }

    @Test
    void warnsAboutUnknownFilesAndColumnsAndIgnoresThem() throws Exception {
        Fixture f = new Fixture(tmp);
        f.write("notes.txt", "hello\n");
        f.write("patient.csv", "person_id,sex,birth_month,lsoa,shoe_size\np1,F,1950-01,E01000001,7\n");
        IngestResult r = f.ingest();
        assertTrue(
                r.warnings().stream().anyMatch(w -> w.startsWith("notes.txt")),
                r.warnings().toString());
        assertTrue(
                r.warnings().stream().anyMatch(w -> w.contains("patient.csv") && w.contains("shoe_size")),
                r.warnings().toString());
        assertEquals(1, r.table("patient").loaded());
        // absent optional columns load as null
        assertEquals(
                List.of(java.util.Arrays.asList("p1", null)), f.query("SELECT person_id, death_date FROM patient"));
    }
}
