package org.openphm.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.openphm.model.CanonicalSchema.CONDITION;
import static org.openphm.model.CanonicalSchema.DETENTION;
import static org.openphm.model.CanonicalSchema.OBSERVATION;
import static org.openphm.model.CanonicalSchema.REFERRAL;
import static org.openphm.model.CanonicalSchema.REGISTRATION;
import static org.openphm.model.CanonicalSchema.SPELL;
import static org.openphm.model.CanonicalSchema.WAITING_ENTRY;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openphm.model.Table;

/** Referential integrity, events after death and duplicate keys. */
class IngestRelationalRulesTest {
    @TempDir
    Path tmp;

    private static final String ORPHAN =
            "person_id orphan: person_id not in patient (or the patient row was quarantined)";

    @Test
    void orphanRowsOfEveryPersonLinkedTable() throws Exception {
        Fixture f = new Fixture(tmp);
        // for each table: a row of p1 (kept) then the same row of nobody (quarantined)
        Map<Table, String> rowOfP1 = Map.of(
                REGISTRATION, "p1,E81001,2020-01-01,",
                CONDITION, "p1,HYP,2020-01-01,",
                OBSERVATION, "p1,BMI,31.5,2024-01-01",
                REFERRAL, "r1,p1,MHSDS,RXX,,2024-01-01,,,,",
                SPELL, "s1,p1,RC9,,elective,2024-01-01,2024-01-02,,C50.9,,,300,1200,",
                DETENTION, "p1,2024-01-01,3,",
                WAITING_ENTRY, "2025-03-01,RYV,Podiatry,p1,2024-12-01");
        for (Map.Entry<Table, String> e : rowOfP1.entrySet()) {
            String orphan =
                    e.getValue().replace("p1", "nobody").replace("r1", "r2").replace("s1", "s2");
            f.table(e.getKey(), e.getValue(), orphan);
        }
        IngestResult r = f.ingest();
        for (Table t : rowOfP1.keySet()) {
            assertEquals(List.of("3 " + ORPHAN), f.quarantine(t.name()), t.name());
            assertEquals(new TableReconciliation(t.name(), t.name() + ".csv", 2, 1, 1), r.table(t.name()));
        }
    }

    @Test
    void rowsOfAQuarantinedPatientBecomeOrphans() throws Exception {
        Fixture f = new Fixture(tmp);
        f.write("patient.csv", Fixture.PATIENT + "p4,X,1990-01,A,E01000001,,\n");
        f.table(CONDITION, "p4,HYP,2020-01-01,");
        f.ingest();
        assertEquals(List.of("2 " + ORPHAN), f.quarantine("condition"));
    }

    @Test
    void orphanPracticeAndLsoa() throws Exception {
        Fixture f = new Fixture(tmp);
        f.write("patient.csv", Fixture.PATIENT + "p4,F,1990-01,A,E01999999,,\n");
        f.table(REGISTRATION, "p1,E81001,2020-01-01,", "p3,Y99999,2020-01-01,");
        f.ingest();
        assertEquals(List.of("5 lsoa orphan: lsoa not in lsoa"), f.quarantine("patient"));
        assertEquals(List.of("3 practice_code orphan: practice_code not in practice"), f.quarantine("registration"));
    }

    @Test
    void eventsAfterDeathAreRefusedButTheDayOfDeathIsAllowed() throws Exception {
        Fixture f = new Fixture(tmp); // p2 died 2024-06-30
        f.table(
                SPELL,
                "s1,p2,RC9,,emergency,2024-06-30,2024-06-30,,I21.9,,,900,2000,",
                "s2,p2,RC9,,emergency,2024-07-01,2024-07-02,,I21.9,,,900,2000,");
        f.table(REFERRAL, "r1,p2,CSDS,RYV,,2024-07-15,,,,");
        f.table(CONDITION, "p2,HYP,2024-08-01,", "p1,HYP,2024-08-01,");
        IngestResult r = f.ingest();
        assertEquals(
                List.of("3 admission_date event after death: admission_date is after the patient's death_date"),
                f.quarantine("spell"));
        assertEquals(
                List.of("2 referral_date event after death: referral_date is after the patient's death_date"),
                f.quarantine("referral"));
        assertEquals(
                List.of("2 diagnosis_date event after death: diagnosis_date is after the patient's death_date"),
                f.quarantine("condition"));
        assertEquals(1, r.table("spell").loaded());
    }

    @Test
    void duplicateKeysKeepTheFirstValidOccurrence() throws Exception {
        Fixture f = new Fixture(tmp);
        f.write("patient.csv", Fixture.PATIENT + "p1,M,1950-01,A,E01000001,,\n");
        f.table(
                CONDITION,
                "p1,HYP,2020-01-01,2019-01-01", // line 2: invalid (resolved before diagnosis), so not "first"
                "p1,HYP,2020-01-01,", // line 3: first valid occurrence, kept
                "p1,HYP,2020-01-01,2021-01-01"); // line 4: duplicate
        IngestResult r = f.ingest();
        assertEquals(List.of("5 person_id duplicate key (person_id)"), f.quarantine("patient"));
        assertEquals(
                List.of(List.of("p1 (first on line 2)")),
                f.query("SELECT value FROM _quarantine WHERE table_name = 'patient'"));
        assertEquals(List.of(List.of("F")), f.query("SELECT sex FROM patient WHERE person_id = 'p1'"));
        assertEquals(
                List.of(
                        "2 resolved_date end before start: resolved_date is before diagnosis_date",
                        "4 person_id+condition+diagnosis_date duplicate key (person_id, condition, diagnosis_date)"),
                f.quarantine("condition"));
        assertEquals(List.of(List.of("true")), f.query("SELECT resolved_date IS NULL FROM condition"));
        assertEquals(new TableReconciliation("condition", "condition.csv", 3, 1, 2), r.table("condition"));
    }
}
