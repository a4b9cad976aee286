package org.openphm.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openphm.ingest.IngestOptions;
import org.openphm.ingest.IngestResult;
import org.openphm.ingest.SourceTranslation;
import org.openphm.ingest.SourceTranslation.Outcome;
import org.openphm.ingest.WorkspacePseudonyms;
import org.openphm.interop.fhir.FhirBulkAdapter;
import org.openphm.model.Progress;

/** Each FHIR mapping rule on hand-made resources whose answers are worked out in the comments. */
class FhirBulkAdapterTest {
    /** A valid NHS number (Modulus 11, NHS Data Model and Dictionary: 943 476 5919 sums to 299, check digit 9). */
    private static final String NHS = "9434765919";

    private static final String NHS_BAD_CHECK = "9434765918";

    @TempDir
    Path dir;

    Path export;
    Path ws;

    @BeforeEach
    void export() throws Exception {
        export = Files.createDirectories(dir.resolve("export"));
        ws = dir.resolve("ws.duckdb");
        write("Organization.000.ndjson", """
                {"resourceType":"Organization","id":"org1","identifier":[{"system":"https://fhir.nhs.uk/Id/ods-organization-code","value":"A81001"}],"name":"Practice A"}
                """);
        // p1: NHS number, woman born March 1960, Indian (H), GP by ODS identifier A81002.
        // p2: no NHS number, man, died 2022-05-01, GP by reference to org1 (A81001).
        // line 3: an NHS number failing its check digit; line 4: not JSON; line 5: an Observation in the Patient file.
        write(
                "Patient.000.ndjson",
                String.join(
                        "\n",
                        "{\"resourceType\":\"Patient\",\"id\":\"p1\",\"identifier\":[{\"system\":\"https://fhir.nhs.uk/Id/nhs-number\",\"value\":\""
                                + NHS + "\"}],"
                                + "\"extension\":[{\"url\":\"https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-EthnicCategory\","
                                + "\"valueCodeableConcept\":{\"coding\":[{\"system\":\"https://fhir.hl7.org.uk/CodeSystem/UKCore-EthnicCategory\",\"code\":\"H\"}]}}],"
                                + "\"gender\":\"female\",\"birthDate\":\"1960-03-15\","
                                + "\"generalPractitioner\":[{\"identifier\":{\"system\":\"https://fhir.nhs.uk/Id/ods-organization-code\",\"value\":\"A81002\"}}]}",
                        "{\"resourceType\":\"Patient\",\"id\":\"p2\",\"gender\":\"male\",\"birthDate\":\"1940-11-02\",\"deceasedDateTime\":\"2022-05-01T10:00:00Z\","
                                + "\"generalPractitioner\":[{\"reference\":\"Organization/org1\"}]}",
                        "{\"resourceType\":\"Patient\",\"id\":\"p3\",\"identifier\":[{\"system\":\"https://fhir.nhs.uk/Id/nhs-number\",\"value\":\""
                                + NHS_BAD_CHECK + "\"}]," + "\"gender\":\"male\",\"birthDate\":\"1970-01-01\"}",
                        "{\"resourceType\":\"Patient\",",
                        "{\"resourceType\":\"Observation\",\"id\":\"o9\",\"status\":\"final\",\"code\":{\"text\":\"x\"}}",
                        ""));
        // p2: an emergency (EMER) visit and an inpatient stay the same day with an ICD-10 reason -> emergency, J44.1.
        // p1: an outpatient visit (first seen 2019-01-01) and an inpatient stay with a SNOMED reason -> other, R69X.
        write(
                "Encounter.000.ndjson",
                String.join(
                        "\n",
                        enc("e1", "p2", "EMER", "2021-01-01", ""),
                        enc(
                                "e2",
                                "p2",
                                "IMP",
                                "2021-01-01",
                                ",\"reasonCode\":[{\"coding\":[{\"system\":\"http://hl7.org/fhir/sid/icd-10\",\"code\":\"J44.1\"}]}]"),
                        enc(
                                "e3",
                                "p1",
                                "IMP",
                                "2021-02-01",
                                ",\"reasonCode\":[{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"195967001\"}]}]"),
                        enc("e4", "p1", "AMB", "2019-01-01", ""),
                        // p1: a stay whose diagnoses are Conditions: rank 2 is ICD-10 I10, rank 1 ICD-10 I21.9 ->
                        // I21.9.
                        enc(
                                "e5",
                                "p1",
                                "IMP",
                                "2022-06-01",
                                ",\"diagnosis\":[{\"condition\":{\"reference\":\"Condition/c5\"},\"rank\":2},"
                                        + "{\"condition\":{\"reference\":\"Condition/c4\"},\"rank\":1}]"),
                        ""));
        // p1 hypertension from 2015; p2 viral sinusitis (on no register); a condition of a patient not in the export.
        write(
                "Condition.000.ndjson",
                String.join(
                        "\n",
                        cond("c1", "p1", "59621000", "2015-04-01"),
                        cond("c2", "p2", "444814009", "2020-01-01"),
                        cond("c3", "nobody", "59621000", "2020-01-01"),
                        icd10Condition("c4", "p1", "I21.9"),
                        icd10Condition("c5", "p1", "I10"),
                        ""));
        // A blood-pressure panel (two components) and a BMI for p1.
        write(
                "Observation.000.ndjson",
                String.join(
                        "\n",
                        "{\"resourceType\":\"Observation\",\"id\":\"o1\",\"status\":\"final\",\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"85354-9\"}]},"
                                + "\"subject\":{\"reference\":\"Patient/p1\"},\"effectiveDateTime\":\"2021-02-01T09:00:00Z\",\"component\":["
                                + "{\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"8480-6\"}]},\"valueQuantity\":{\"value\":128,\"unit\":\"mm[Hg]\"}},"
                                + "{\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"8462-4\"}]},\"valueQuantity\":{\"value\":82,\"unit\":\"mm[Hg]\"}}]}",
                        "{\"resourceType\":\"Observation\",\"id\":\"o2\",\"status\":\"final\",\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"39156-5\"}]},"
                                + "\"subject\":{\"reference\":\"Patient/p1\"},\"effectiveDateTime\":\"2021-02-01T09:00:00Z\",\"valueQuantity\":{\"value\":31.2}}",
                        ""));
        write(
                "Procedure.000.ndjson",
                "{\"resourceType\":\"Procedure\",\"id\":\"x1\",\"status\":\"completed\",\"subject\":{\"reference\":\"Patient/p1\"}}\n");
    }

    @Test
    void patientsWithNhsNumbersGetTheCsvIngestsPseudonym() throws Exception {
        IngestResult r = ingest();
        String csvPseudonym = WorkspacePseudonyms.of(ws).apply(NHS);
        assertEquals(
                Map.of(csvPseudonym, 1L),
                Samples.counts(
                        ws,
                        "SELECT person_id, count(*) FROM patient WHERE sex = 'F' AND birth_month = '1960-03' AND ethnicity = 'H' GROUP BY 1"));
        assertEquals(
                Map.of("M|1940-11|2022-05-01", 1L),
                Samples.counts(
                        ws,
                        "SELECT sex || '|' || birth_month || '|' || death_date, count(*) FROM patient WHERE person_id <> "
                                + "'" + csvPseudonym + "' GROUP BY 1"));
        assertEquals(5, r.translation().read("Patient"));
    }

    @Test
    void badLinesAreQuarantinedWithTheirLineAndNoNumberShown() throws Exception {
        IngestResult r = ingest();
        List<SourceTranslation.Quarantined> q = r.translation().quarantined();
        assertEquals(
                List.of(3L, 4L, 5L),
                q.stream()
                        .filter(x -> x.sourceTable().equals("Patient"))
                        .map(SourceTranslation.Quarantined::line)
                        .toList());
        assertTrue(q.get(0).reason().startsWith("NHS number"), q.get(0).reason());
        assertTrue(
                q.get(1).reason().startsWith("not a FHIR R4 Patient resource"),
                q.get(1).reason());
        assertTrue(
                q.get(2).reason().contains("a Observation in the Patient file"),
                q.get(2).reason());
        String stored = String.join(
                "|",
                Samples.counts(ws, "SELECT COALESCE(value, '') || reason, 1 FROM _quarantine")
                        .keySet());
        assertFalse(stored.contains(NHS_BAD_CHECK), "a refused NHS number is stored masked");
        assertTrue(stored.contains("943"));
    }

    @Test
    void registrationsFromTheGpAndTheFirstEncounter() throws Exception {
        ingest();
        assertEquals(
                Map.of("A81002|2019-01-01|open", 1L, "A81001|2021-01-01|2022-05-01", 1L),
                Samples.counts(
                        ws,
                        "SELECT practice_code || '|' || start_date || '|' || COALESCE(CAST(end_date AS VARCHAR), 'open'), count(*) "
                                + "FROM registration GROUP BY 1"));
    }

    @Test
    void inpatientEncountersSpellsConditionsAndVitals() throws Exception {
        IngestResult r = ingest();
        assertEquals(
                Map.of("emergency|J44.1", 1L, "other|R69X", 1L, "other|I21.9", 1L),
                Samples.counts(
                        ws, "SELECT admission_method || '|' || primary_diagnosis, count(*) FROM spell GROUP BY 1"));
        assertEquals(
                Map.of("HYP|2015-04-01", 1L),
                Samples.counts(ws, "SELECT condition || '|' || diagnosis_date, count(*) FROM condition GROUP BY 1"));
        assertEquals(
                Map.of("BP_SYS", 128L, "BP_DIA", 82L, "BMI", 31L),
                Samples.counts(ws, "SELECT code, CAST(floor(value) AS BIGINT) FROM observation"));
        assertEquals(
                1,
                r.translation().mapping().stream()
                        .filter(m -> m.sourceTable().equals("Condition") && m.outcome() == Outcome.UNMAPPED)
                        .mapToLong(m -> m.rows())
                        .sum(),
                "the condition of a patient not in the export");
        assertEquals(1, r.translation().read("Procedure"));
        // Codes seen: 59621000, 444814009 and the two ICD-10-only conditions (no SNOMED code: "(none)").
        assertEquals(3, r.translation().codes().distinctCodes());
        assertEquals(1, r.translation().codes().mappedCodes());
    }

    private IngestResult ingest() throws Exception {
        return StandardIngest.run(
                new FhirBulkAdapter(),
                new AdapterOptions(export, Samples.geography(dir), null, null),
                new IngestOptions(
                        export, ws, LocalDate.of(2025, 3, 31), null, null, IngestOptions.ACCEPT_ANY_QUARANTINE),
                Progress.SILENT);
    }

    private static String enc(String id, String patient, String cls, String day, String extra) {
        return "{\"resourceType\":\"Encounter\",\"id\":\"" + id + "\",\"status\":\"finished\",\"class\":{\"system\":"
                + "\"http://terminology.hl7.org/CodeSystem/v3-ActCode\",\"code\":\"" + cls
                + "\"},\"subject\":{\"reference\":"
                + "\"Patient/" + patient + "\"},\"period\":{\"start\":\"" + day + "T08:00:00Z\",\"end\":\"" + day
                + "T18:00:00Z\"}"
                + extra + "}";
    }

    private static String cond(String id, String patient, String snomed, String onset) {
        return "{\"resourceType\":\"Condition\",\"id\":\"" + id
                + "\",\"code\":{\"coding\":[{\"system\":\"http://snomed.info/sct\","
                + "\"code\":\"" + snomed + "\"}]},\"subject\":{\"reference\":\"Patient/" + patient
                + "\"},\"onsetDateTime\":\""
                + onset + "T00:00:00Z\"}";
    }

    private static String icd10Condition(String id, String patient, String icd10) {
        return "{\"resourceType\":\"Condition\",\"id\":\"" + id + "\",\"code\":{\"coding\":[{\"system\":"
                + "\"http://hl7.org/fhir/sid/icd-10\",\"code\":\"" + icd10
                + "\"}]},\"subject\":{\"reference\":\"Patient/"
                + patient + "\"},\"onsetDateTime\":\"2022-06-01T00:00:00Z\"}";
    }

    private void write(String name, String text) throws Exception {
        Files.writeString(export.resolve(name), text);
    }
}
