package org.openphm.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openphm.ingest.IngestOptions;
import org.openphm.ingest.IngestResult;
import org.openphm.ingest.SourceTranslation.Outcome;
import org.openphm.ingest.UnusableInputException;
import org.openphm.interop.omop.OmopAdapter;
import org.openphm.model.Progress;

/** Each OMOP mapping rule on hand-made CDM rows whose answers are worked out in the comments. */
class OmopAdapterTest {
    @TempDir
    Path dir;

    Path cdm;
    Path ws;

    @BeforeEach
    void cdm() throws Exception {
        cdm = Files.createDirectories(dir.resolve("cdm"));
        ws = dir.resolve("ws.duckdb");
        // Person 1: man born April 1950, registered at A81002 through care site 5, died 2023-01-10 (I21.9).
        // Person 2: woman born 1990 with no month (July assumed), no care site (default practice A81001), alive.
        // Person 3: a row cut short (quarantined whole, line 4).
        write("PERSON.csv", """
                person_id,gender_concept_id,year_of_birth,month_of_birth,day_of_birth,location_id,care_site_id,person_source_value
                1,8507,1950,4,1,,5,abc-1
                2,8532,1990,,,,,abc-2
                3,8507
                """);
        write("CARE_SITE.csv", """
                care_site_id,care_site_name,place_of_service_concept_id,location_id,care_site_source_value,place_of_service_source_value
                5,Practice B,0,,A81002,
                """);
        write("DEATH.csv", """
                person_id,death_date,death_datetime,death_type_concept_id,cause_concept_id,cause_source_value,cause_source_concept_id
                1,2023-01-10,,0,0,I21.9,0
                """);
        // Person 1's period ends at death (closed); person 2's runs to the latest end date (open).
        write("OBSERVATION_PERIOD.csv", """
                observation_period_id,person_id,observation_period_start_date,observation_period_end_date,period_type_concept_id
                1,1,2010-01-01,2023-01-10,0
                2,2,2015-06-01,2024-03-31,0
                """);
        // Person 2: two hypertension records (first 2016-02-01; one still open, so never resolved); a T2DM record
        // that ended (resolved 2020-01-01); a sinusitis (on no register); a record with an unreadable date (line 6).
        write("CONDITION_OCCURRENCE.csv", """
                condition_occurrence_id,person_id,condition_concept_id,condition_start_date,condition_end_date,visit_occurrence_id,condition_source_value
                1,2,320128,2018-05-01,2018-06-01,,59621000
                2,2,320128,2016-02-01,,,59621000
                3,2,201826,2019-01-01,2020-01-01,,44054006
                4,2,40481087,2019-01-01,,,444814009
                5,2,320128,01/02/2019,,,59621000
                6,9,320128,2019-01-01,,,59621000
                """);
        // Visit 10: inpatient the day of an ER visit (emergency) with an ICD-10 diagnosis; visit 11: inpatient, no
        // ER visit (other), SNOMED only (R69X); visit 12: outpatient (out of scope); visit 13: the ER visit.
        write("VISIT_OCCURRENCE.csv", """
                visit_occurrence_id,person_id,visit_concept_id,visit_start_date,visit_end_date,care_site_id,admitted_from_concept_id
                10,2,9201,2020-03-01,2020-03-05,,0
                11,2,9201,2021-07-01,2021-07-02,,0
                12,2,9202,2021-08-01,2021-08-01,,0
                13,2,9203,2020-03-01,2020-03-01,,0
                """);
        write(
                "CONDITION_OCCURRENCE.csv",
                Files.readString(cdm.resolve("CONDITION_OCCURRENCE.csv")) + "7,2,0,2020-03-01,,10,J18.9\n");
        // HbA1c 7.0% -> 10.929 x (7.0 - 2.15) = 53.0 mmol/mol; a heart rate is not a measurement of the model.
        write("MEASUREMENT.csv", """
                measurement_id,person_id,measurement_concept_id,measurement_date,value_as_number,measurement_source_value
                1,2,3004410,2021-01-01,7.0,4548-4
                2,2,3012888,2021-01-01,80,8462-4
                3,2,3027018,2021-01-01,72,8867-4
                """);
        write("DRUG_EXPOSURE.csv", """
                drug_exposure_id,person_id,drug_concept_id
                1,2,19073183
                """);
    }

    @Test
    void personsRegistrationsAndDeaths() throws Exception {
        IngestResult r = ingest(Samples.PRACTICE_A);
        assertEquals(Map.of("M", 1L, "F", 1L), Samples.counts(ws, "SELECT sex, count(*) FROM patient GROUP BY 1"));
        assertEquals(
                Map.of("1950-04|2023-01-10|I21.9", 1L, "1990-07|null|null", 1L),
                Samples.counts(
                        ws,
                        "SELECT birth_month || '|' || COALESCE(CAST(death_date AS VARCHAR), 'null') || '|' || "
                                + "COALESCE(death_cause_icd10, 'null'), count(*) FROM patient GROUP BY 1"));
        assertEquals(
                Map.of("A81002|2023-01-10", 1L, "A81001|open", 1L),
                Samples.counts(
                        ws,
                        "SELECT practice_code || '|' || COALESCE(CAST(end_date AS VARCHAR), 'open'), count(*) FROM registration GROUP BY 1"));
        assertEquals(0, Samples.count(ws, "SELECT count(*) FROM patient WHERE lsoa IS NOT NULL"), "no LSOA: not known");
        assertEquals(
                1,
                r.translation().mapping().stream()
                        .filter(m -> m.sourceTable().equals("person") && m.outcome() == Outcome.QUARANTINED)
                        .mapToLong(m -> m.rows())
                        .sum());
        var q = r.translation().quarantined().stream()
                .filter(x -> x.sourceTable().equals("person"))
                .findFirst()
                .orElseThrow();
        assertEquals("PERSON.csv", q.file());
        assertEquals(4, q.line());
        assertEquals(3, r.translation().read("person"), "every row has one outcome");
    }

    @Test
    void withoutADefaultPracticeUnmatchedPeopleAreCountedNotRegistered() throws Exception {
        IngestResult r = ingest(null);
        assertEquals(
                Map.of("A81002", 1L),
                Samples.counts(ws, "SELECT practice_code, count(*) FROM registration GROUP BY 1"));
        assertEquals(
                1,
                r.translation().mapping().stream()
                        .filter(m -> m.sourceTable().equals("observation_period")
                                && m.outcome() == Outcome.UNMAPPED
                                && m.field().equals("practice"))
                        .mapToLong(m -> m.rows())
                        .sum());
    }

    @Test
    void conditionsFoldIntoRegisterEntries() throws Exception {
        IngestResult r = ingest(Samples.PRACTICE_A);
        assertEquals(
                Map.of("HYP|2016-02-01|open", 1L, "DM|2019-01-01|2020-01-01", 1L),
                Samples.counts(
                        ws,
                        "SELECT condition || '|' || diagnosis_date || '|' || COALESCE(CAST(resolved_date AS VARCHAR), 'open'), "
                                + "count(*) FROM condition GROUP BY 1"));
        // 7 rows: 3 on a register, 2 on none (sinusitis, the J18.9 of a visit), 1 bad date, 1 unknown person.
        assertEquals(7, r.translation().read("condition_occurrence"));
        assertEquals(
                3,
                r.translation().mapping().stream()
                        .filter(m ->
                                m.sourceTable().equals("condition_occurrence") && m.outcome() == Outcome.TRANSLATED)
                        .mapToLong(m -> m.rows())
                        .sum());
        var bad = r.translation().quarantined().stream()
                .filter(x -> x.sourceTable().equals("condition_occurrence"))
                .findFirst()
                .orElseThrow();
        assertEquals(6, bad.line());
        assertEquals("condition_start_date", bad.field());
        assertTrue(bad.reason().contains("not a date"));
    }

    @Test
    void inpatientVisitsBecomeSpellsWithStatedDefaults() throws Exception {
        ingest(Samples.PRACTICE_A);
        assertEquals(
                Map.of("emergency|J18.9|0.0|UNKNOWN", 1L, "other|R69X|0.0|UNKNOWN", 1L),
                Samples.counts(
                        ws,
                        "SELECT admission_method || '|' || primary_diagnosis || '|' || cost_gbp || '|' || provider_code, count(*) "
                                + "FROM spell GROUP BY 1"));
    }

    @Test
    void measurementsByLoincWithHbA1cInMmolPerMol() throws Exception {
        IngestResult r = ingest(Samples.PRACTICE_A);
        assertEquals(
                Map.of("HBA1C", 53L, "BP_DIA", 80L),
                Samples.counts(ws, "SELECT code, CAST(round(value) AS BIGINT) FROM observation"));
        assertEquals(
                1,
                r.translation().mapping().stream()
                        .filter(m -> m.sourceTable().equals("measurement") && m.outcome() == Outcome.OUT_OF_SCOPE)
                        .mapToLong(m -> m.rows())
                        .sum());
        assertEquals(1, r.translation().read("drug_exposure"), "tables outside the model are still counted");
    }

    @Test
    void aRowTheIngestQuarantinesNamesTheSourceFileAndLine() throws Exception {
        // A measurement dated in the future passes the adapter and is refused by the ordinary ingest's date rule.
        write(
                "MEASUREMENT.csv",
                Files.readString(cdm.resolve("MEASUREMENT.csv")) + "4,2,3004249,2999-01-01,120,8480-6\n");
        // One of three observations is more than the 5% an ingest accepts: refused, naming the source file and line.
        UnusableInputException refused = assertThrows(UnusableInputException.class, () -> ingest(Samples.PRACTICE_A));
        assertTrue(
                refused.getMessage().startsWith("MEASUREMENT.csv: 1 of the 3 rows of table observation"),
                refused.getMessage());
        assertTrue(refused.getMessage().contains("line 5"), refused.getMessage());
        StandardIngest.run(
                new OmopAdapter(),
                new AdapterOptions(cdm, Samples.geography(dir), Samples.PRACTICE_A, null),
                new IngestOptions(
                        cdm, ws, java.time.LocalDate.of(2025, 3, 31), null, null, IngestOptions.ACCEPT_ANY_QUARANTINE),
                Progress.SILENT);
        assertEquals(
                Map.of("MEASUREMENT.csv:5", 1L),
                Samples.counts(
                        ws,
                        "SELECT file || ':' || line, count(*) FROM _quarantine WHERE table_name = 'observation' GROUP BY 1"));
        // No raw row: it would pair the workspace pseudonym with the supplier's line.
        assertEquals(0, Samples.count(ws, "SELECT count(*) FROM _quarantine WHERE raw_row IS NOT NULL"));
    }

    @Test
    void aFolderWithoutPersonIsRefusedAndTheWorkspaceUntouched() throws Exception {
        Files.delete(cdm.resolve("PERSON.csv"));
        UnusableInputException e = assertThrows(UnusableInputException.class, () -> ingest(Samples.PRACTICE_A));
        assertTrue(e.getMessage().contains("PERSON.csv"));
        assertTrue(Files.notExists(ws));
    }

    @Test
    void aDefaultPracticeOutsideTheGeographyIsRefused() {
        UnusableInputException e = assertThrows(UnusableInputException.class, () -> ingest("Z99999"));
        assertTrue(e.getMessage().contains("not a practice of the geography"));
    }

    private IngestResult ingest(String defaultPractice) throws Exception {
        return StandardIngest.run(
                new OmopAdapter(),
                new AdapterOptions(cdm, Samples.geography(dir), defaultPractice, null),
                IngestOptions.of(cdm, ws, java.time.LocalDate.of(2025, 3, 31)),
                Progress.SILENT);
    }

    private void write(String name, String text) throws Exception {
        Files.writeString(cdm.resolve(name), text);
    }
}
