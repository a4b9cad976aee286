package org.openphm.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.openphm.model.CanonicalSchema.ALLOCATION;
import static org.openphm.model.CanonicalSchema.CONDITION;
import static org.openphm.model.CanonicalSchema.REFERRAL;
import static org.openphm.model.CanonicalSchema.REGISTRATION;
import static org.openphm.model.CanonicalSchema.SPELL;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One test per row-level rule: required, every type, every kind of domain, date limits and date order. */
class IngestRowRulesTest {
    @TempDir
    Path tmp;

    @Test
    void requiredValueMissing() throws Exception {
        Fixture f = new Fixture(tmp);
        f.write("patient.csv", Fixture.PATIENT + "p4,,1990-01,A,E01000001,,\n");
        IngestResult r = f.ingest();
        assertEquals(List.of("5 sex required value missing"), f.quarantine("patient"));
        assertEquals(new TableReconciliation("patient", "patient.csv", 4, 3, 1), r.table("patient"));
    }

    @Test
    void wrongTypeForEveryType() throws Exception {
        Fixture f = new Fixture(tmp);
        f.write("lsoa.csv", Fixture.LSOA + "E01000003,x,1.5,1,E06000032\n" + "E01000004,y,abc,1,E06000032\n");
        f.write("patient.csv", Fixture.PATIENT + "p4,F,1990-13,A,E01000001,,\np5,F,1990-01,A,E01000001,05/01/2024,\n");
        f.table(SPELL, "s1,p1,RC9,,emergency,2024-01-01,2024-01-03,,I50.0,,,300,abc,");
        f.table(REFERRAL, "r1,p1,CSDS,RYV,,2024-01-01,,,,maybe", "r2,p1,CSDS,RYV,,2024-01-01,,,,yes");
        f.table(ALLOCATION, "2024/25,BLMK,100,,,1e6,,,", "2024/25,LUT,100,,,1140000,,,");
        IngestResult r = f.ingest();
        assertEquals(
                List.of("4 imd_decile not a whole number", "5 imd_decile not a whole number"), f.quarantine("lsoa"));
        assertEquals(
                List.of("5 birth_month not a month (yyyy-mm)", "6 death_date not a date (yyyy-mm-dd)"),
                f.quarantine("patient"));
        assertEquals(List.of("2 cost_gbp not a number"), f.quarantine("spell"));
        assertEquals(List.of("2 accepted not true/false"), f.quarantine("referral"));
        assertEquals(List.of(List.of("r2", "true")), f.query("SELECT referral_id, accepted FROM referral"));
        assertEquals(List.of("2 registered_population not a whole number"), f.quarantine("allocation"));
        assertEquals(
                List.of(List.of("1140000", "BIGINT")),
                f.query("SELECT registered_population, typeof(registered_population) FROM allocation"));
        assertEquals(1, r.table("allocation").loaded());
    }

    @Test
    void badCodeForEveryKindOfDomain() throws Exception {
        Fixture f = new Fixture(tmp);
        f.write(
                "practice.csv",
                Fixture.PRACTICE
                        + "E8100,Short code,U1,P,N1,N,E06000032,Luton,QHG,BLMK\n" // shape: ODS practice
                        + "E81003,Elsewhere,U1,P,N1,N,W06000015,Cardiff,QHG,BLMK\n" // shape: Place (not English)
                        + "E81004,Any ICB,U1,P,N1,N,E09000001,City of London,QHG,BLMK\n"); // any English Place is fine
        f.write("lsoa.csv", Fixture.LSOA + "W01000001,Wales,1,1,E06000032\nE01000003,Range,11,1,E06000032\n");
        f.write(
                "patient.csv",
                Fixture.PATIENT
                        + "p4,X,1990-01,A,E01000001,,\n" // code set: sex
                        + "p5,F,1990-01,Q,E01000001,,\n" // code set: ethnic category
                        + "p6,F,1990-01,A,E01000001,2020-01-01,heart\n"); // shape: ICD-10
        f.table(CONDITION, "p1,FOO,2020-01-01,", "p1,HYP,2020-01-01,"); // code set: condition register
        f.table(
                SPELL,
                "s1,p1,RC9,,emergency,2024-01-01,2024-01-03,,I5,,,300,-5,",
                "s2,p1,RC9,,urgent,2024-01-01,2024-01-03,,I50.0,,K40.1,300,10,");
        f.ingest();
        assertEquals(
                List.of(
                        "4 practice_code not a valid ods_practice code (e.g. E81001)",
                        "5 place_code not a valid place code (e.g. E08000025)"),
                f.quarantine("practice"));
        assertEquals(
                List.of(
                        "4 lsoa_code not a valid lsoa2021 code (e.g. E01017539)",
                        "5 imd_decile out of range: allowed between 1 and 10"),
                f.quarantine("lsoa"));
        assertEquals(
                List.of(
                        "5 sex not in code set sex: allowed F|M|U",
                        "6 ethnicity not in code set ethnic_category: allowed A|B|C|D|E|F|G|H|J|K|L|M|N|P|R|S|Z|99",
                        "7 death_cause_icd10 not a valid icd10 code (e.g. I50.0, I500, J46X)"),
                f.quarantine("patient"));
        assertEquals(
                List.of("2 condition not in code set condition: allowed "
                        + String.join(
                                "|",
                                org.openphm.model.CodeSets.CONDITION.codes().keySet())),
                f.quarantine("condition"));
        assertEquals(
                List.of(
                        "2 cost_gbp out of range: must not be negative",
                        "2 primary_diagnosis not a valid icd10 code (e.g. I50.0, I500, J46X)",
                        "3 admission_method not in code set admission_method: allowed elective|emergency|other"),
                f.quarantine("spell"));
    }

    @Test
    void impossibleDatesAndDatesBefore1900() throws Exception {
        Fixture f = new Fixture(tmp);
        f.table(REGISTRATION, "p1,E81001,2023-02-30,", "p1,E81002,1899-12-31,", "p3,E81001,2024-02-29,");
        IngestResult r = f.ingest();
        assertEquals(
                List.of("2 start_date impossible date", "3 start_date date before 1900-01-01"),
                f.quarantine("registration"));
        assertEquals(1, r.table("registration").loaded()); // 2024 is a leap year
    }

    @Test
    void patientLevelDatesAfterTheAsOfDateAreInTheFuture() throws Exception {
        Fixture f = new Fixture(tmp);
        f.write("patient.csv", Fixture.PATIENT + "p4,F,2025-04,A,E01000001,,\n" + "p5,F,2025-03,A,E01000001,,\n");
        f.table(
                SPELL,
                "s1,p1,RC9,,emergency,2025-03-31,2025-04-01,,I50.0,,,300,10,",
                "s2,p1,RC9,,emergency,2025-03-30,2025-03-31,,I50.0,,,300,10,");
        f.ingest();
        assertEquals(
                List.of("5 birth_month date in the future (after the as-of date 2025-03-31)"), f.quarantine("patient"));
        assertEquals(
                List.of("2 discharge_date date in the future (after the as-of date 2025-03-31)"),
                f.quarantine("spell"));
    }

    @Test
    void endBeforeStart() throws Exception {
        Fixture f = new Fixture(tmp);
        f.table(REGISTRATION, "p1,E81001,2020-01-02,2020-01-01", "p3,E81001,2020-01-02,2020-01-02");
        f.table(
                SPELL,
                "s1,p1,RC9,,emergency,2024-01-05,2024-01-03,,I50.0,,,300,10,",
                "s2,p1,RC9,,emergency,2024-01-05,2024-01-08,2024-01-09,I50.0,,,300,10,",
                "s3,p1,RC9,,emergency,2024-01-05,2024-01-08,2024-01-06,I50.0,,,300,10,");
        f.write("patient.csv", Fixture.PATIENT + "p4,F,1990-05,A,E01000001,1990-04-30,\n");
        f.ingest();
        assertEquals(
                List.of("2 end_date end before start: end_date is before start_date"), f.quarantine("registration"));
        assertEquals(
                List.of(
                        "2 discharge_date end before start: discharge_date is before admission_date",
                        "3 discharge_ready_date discharge_ready_date is after discharge_date"),
                f.quarantine("spell"));
        assertEquals(List.of("5 death_date death before birth"), f.quarantine("patient"));
    }

    @Test
    void aRowFailingSeveralChecksHasEveryReasonButCountsOnce() throws Exception {
        Fixture f = new Fixture(tmp);
        f.write("patient.csv", Fixture.PATIENT + "p4,X,1990-13,Q,E01000001,,\n");
        IngestResult r = f.ingest();
        assertEquals(
                List.of(
                        "5 birth_month not a month (yyyy-mm)",
                        "5 ethnicity not in code set ethnic_category: allowed "
                                + "A|B|C|D|E|F|G|H|J|K|L|M|N|P|R|S|Z|99",
                        "5 sex not in code set sex: allowed F|M|U"),
                f.quarantine("patient"));
        assertEquals(new TableReconciliation("patient", "patient.csv", 4, 3, 1), r.table("patient"));
        assertEquals(
                List.of(List.of("p4,X,1990-13,Q,E01000001,,", "X")),
                f.query("SELECT raw_row, value FROM _quarantine WHERE field = 'sex'"));
    }
}
