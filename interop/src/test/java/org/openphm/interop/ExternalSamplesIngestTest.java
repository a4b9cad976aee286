package org.openphm.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openphm.ingest.IngestOptions;
import org.openphm.ingest.IngestResult;
import org.openphm.interop.fhir.FhirBulkAdapter;
import org.openphm.interop.omop.OmopAdapter;
import org.openphm.model.Progress;

/**
 * The two samples other projects wrote ({@link Samples#external()}) ingest with exact counts. Every expected count
 * comes from a second, deliberately simple reader in this test (line splitting and regular expressions over the
 * source files, with the codes of each register listed by hand below), never from the adapters.
 */
class ExternalSamplesIngestTest {
    @TempDir
    Path dir;

    /**
     * OMOP condition concepts of Synthea27Nj that are on a register, by hand from CONCEPT.csv and the 'Is a' rows of
     * CONCEPT_RELATIONSHIP.csv: 320128 Essential hypertension is-a 316866 Hypertensive disorder (HYP root); 201826
     * Type 2 diabetes mellitus is-a 201820 Diabetes mellitus (DM root); 317576 Coronary arteriosclerosis (CHD root);
     * 4051466 Childhood asthma is-a 317009 Asthma (AST root); 381316 Cerebrovascular accident (STIA root); 80502
     * Osteoporosis (OST root); 378419 Alzheimer's disease is-a 4182210 Dementia (DEM root); 4229440 Chronic
     * congestive heart failure is-a 319835 Congestive heart failure (HF root). 443614 CKD stage 1 is not on the
     * QOF CKD register (stages 3-5).
     */
    private static final Map<String, String> OMOP_REGISTER_CONCEPTS = Map.of(
            "320128", "HYP", "201826", "DM", "317576", "CHD", "4051466", "AST", "381316", "STIA", "80502", "OST",
            "378419", "DEM", "4229440", "HF");

    @Test
    void omopSynthea27NjLandsWithCountsASecondReaderFinds() throws Exception {
        Path omop = Samples.omop(dir);
        Path ws = dir.resolve("omop.duckdb");
        IngestResult r = ingest(new OmopAdapter(), omop, ws);

        List<String[]> persons = rows(omop.resolve("PERSON.csv"));
        assertEquals(28, persons.size(), "PERSON.csv has 28 data lines");
        assertEquals(persons.size(), Samples.count(ws, "SELECT count(*) FROM patient"));
        assertEquals(
                rows(omop.resolve("OBSERVATION_PERIOD.csv")).size(),
                Samples.count(ws, "SELECT count(*) FROM registration"));
        assertEquals(
                rows(omop.resolve("DEATH.csv")).size(),
                Samples.count(ws, "SELECT count(*) FROM patient WHERE death_date IS NOT NULL"));

        // Register entries: distinct (person, register) pairs over the hand-listed concepts.
        List<String[]> conditions = rows(omop.resolve("CONDITION_OCCURRENCE.csv"));
        int person = column(omop.resolve("CONDITION_OCCURRENCE.csv"), "person_id");
        int concept = column(omop.resolve("CONDITION_OCCURRENCE.csv"), "condition_concept_id");
        Map<String, Set<String>> byRegister = new TreeMap<>();
        for (String[] c : conditions) {
            String register = OMOP_REGISTER_CONCEPTS.get(c[concept]);
            if (register != null) {
                byRegister.computeIfAbsent(register, k -> new HashSet<>()).add(c[person]);
            }
        }
        Map<String, Long> expected = new TreeMap<>();
        byRegister.forEach((k, v) -> expected.put(k, (long) v.size()));
        assertEquals(
                Map.of("AST", 1L, "CHD", 2L, "DEM", 1L, "DM", 1L, "HF", 1L, "HYP", 5L, "OST", 1L, "STIA", 1L),
                expected,
                "the second reader's own count (a guard against a changed sample)");
        assertEquals(
                expected, new TreeMap<>(Samples.counts(ws, "SELECT condition, count(*) FROM condition GROUP BY 1")));

        // Spells: the inpatient visits (concept 9201; the sample has no 262 or 8717).
        int visitConcept = column(omop.resolve("VISIT_OCCURRENCE.csv"), "visit_concept_id");
        long inpatient = rows(omop.resolve("VISIT_OCCURRENCE.csv")).stream()
                .filter(v -> v[visitConcept].equals("9201"))
                .count();
        assertEquals(13, inpatient);
        assertEquals(inpatient, Samples.count(ws, "SELECT count(*) FROM spell"));

        // Measurements of the model by LOINC source value; two same-day repeats are quarantined as duplicates.
        int source = column(omop.resolve("MEASUREMENT.csv"), "measurement_source_value");
        long vitals = rows(omop.resolve("MEASUREMENT.csv")).stream()
                .filter(m -> Set.of("8480-6", "8462-4", "39156-5", "4548-4").contains(m[source]))
                .count();
        assertEquals(2085, vitals);
        assertEquals(vitals, r.table("observation").read());
        assertEquals(
                vitals - r.table("observation").quarantined(), Samples.count(ws, "SELECT count(*) FROM observation"));

        // Every source row has one outcome, so read reconciles per source table.
        assertEquals(persons.size(), r.translation().read("person"));
        assertEquals(conditions.size(), r.translation().read("condition_occurrence"));
        assertEquals(
                rows(omop.resolve("VISIT_OCCURRENCE.csv")).size(),
                r.translation().read("visit_occurrence"));
        assertEquals(
                rows(omop.resolve("MEASUREMENT.csv")).size(), r.translation().read("measurement"));
        assertEquals(
                rows(omop.resolve("DRUG_EXPOSURE.csv")).size(), r.translation().read("drug_exposure"));
        assertNoSourceIdentifier(
                ws,
                persons.stream()
                        .map(p -> p[column(omop.resolve("PERSON.csv"), "person_source_value")])
                        .toList());
    }

    /**
     * The same CDM as Parquet files and as a DuckDB database (written here from the CSV with DuckDB's own type
     * inference) lands exactly as the CSV does; rows are then named by table and row number.
     */
    @Test
    void omopAsParquetOrAsADatabaseLandsAsTheCsvDoes() throws Exception {
        Path csv = Samples.omop(dir);
        Path parquet = Files.createDirectories(dir.resolve("parquet"));
        Path database = dir.resolve("cdm.duckdb");
        try (java.sql.Connection db = java.sql.DriverManager.getConnection("jdbc:duckdb:" + database);
                java.sql.Statement st = db.createStatement()) {
            for (String table : List.of(
                    "PERSON",
                    "DEATH",
                    "OBSERVATION_PERIOD",
                    "CONDITION_OCCURRENCE",
                    "VISIT_OCCURRENCE",
                    "MEASUREMENT",
                    "DRUG_EXPOSURE")) {
                String read = "read_csv('" + csv.resolve(table + ".csv") + "', header=true)";
                st.execute("COPY (SELECT * FROM " + read + ") TO '" + parquet.resolve(table.toLowerCase() + ".parquet")
                        + "'");
                st.execute("CREATE TABLE " + table.toLowerCase() + " AS SELECT * FROM " + read);
            }
        }
        String contents =
                "SELECT 'patient ' || sex || birth_month || COALESCE(CAST(death_date AS VARCHAR), ''), count(*) FROM patient GROUP BY 1"
                        + " UNION ALL SELECT 'registration ' || start_date || COALESCE(CAST(end_date AS VARCHAR), ''), count(*) FROM registration GROUP BY 1"
                        + " UNION ALL SELECT 'condition ' || condition || diagnosis_date, count(*) FROM condition GROUP BY 1"
                        + " UNION ALL SELECT 'spell ' || admission_method || admission_date || primary_diagnosis, count(*) FROM spell GROUP BY 1"
                        + " UNION ALL SELECT 'observation ' || code || date || round(value, 3), count(*) FROM observation GROUP BY 1";
        ingest(new OmopAdapter(), csv, dir.resolve("csv.duckdb"));
        Map<String, Long> expected = Samples.counts(dir.resolve("csv.duckdb"), contents);
        ingest(new OmopAdapter(), parquet, dir.resolve("pq.duckdb"));
        assertEquals(new TreeMap<>(expected), new TreeMap<>(Samples.counts(dir.resolve("pq.duckdb"), contents)));
        assertEquals(
                Map.of("measurement.parquet:4834", 1L, "measurement.parquet:4835", 1L),
                Samples.counts(
                        dir.resolve("pq.duckdb"), "SELECT file || ':' || line, count(*) FROM _quarantine GROUP BY 1"),
                "CSV lines 4835-4836 are rows 4834-4835");
        IngestResult fromDb = ingest(new OmopAdapter(), database, dir.resolve("db.duckdb"));
        assertEquals(new TreeMap<>(expected), new TreeMap<>(Samples.counts(dir.resolve("db.duckdb"), contents)));
        assertEquals(
                Map.of("cdm.duckdb/measurement:4834", 1L, "cdm.duckdb/measurement:4835", 1L),
                Samples.counts(
                        dir.resolve("db.duckdb"), "SELECT file || ':' || line, count(*) FROM _quarantine GROUP BY 1"));
        assertEquals(883, fromDb.translation().read("drug_exposure"));
    }

    /**
     * The SNOMED CT codes of the FHIR sample's Conditions that the shipped map puts on a register, by hand from the
     * map: 59621000 Essential hypertension (HYP), 44054006 Diabetes mellitus type 2 (DM), 15777000 Prediabetes
     * (NDH), 162864005 Body mass index 30+ - obesity (OB), 233678006 Childhood asthma (AST), 433144002 and 431857002
     * CKD stages 3 and 4 (CKD), 64859006 Osteoporosis (OST).
     */
    private static final Map<String, String> FHIR_REGISTER_CODES = Map.of(
            "59621000",
            "HYP",
            "44054006",
            "DM",
            "15777000",
            "NDH",
            "162864005",
            "OB",
            "233678006",
            "AST",
            "433144002",
            "CKD",
            "431857002",
            "CKD",
            "64859006",
            "OST",
            "414545008",
            "CHD");

    @Test
    void fhirBulkSyntheaTenLandsWithCountsASecondReaderFinds() throws Exception {
        Path fhir = Samples.fhir();
        Path ws = dir.resolve("fhir.duckdb");
        IngestResult r = ingest(new FhirBulkAdapter(), fhir, ws);

        List<String> patients = Files.readAllLines(fhir.resolve("Patient.000.ndjson")).stream()
                .filter(l -> !l.isBlank())
                .toList();
        assertEquals(13, patients.size());
        assertEquals(patients.size(), Samples.count(ws, "SELECT count(*) FROM patient"));
        assertEquals(patients.size(), Samples.count(ws, "SELECT count(*) FROM registration"));
        long deceased = patients.stream()
                .filter(l -> l.contains("\"deceasedDateTime\""))
                .count();
        assertEquals(deceased, Samples.count(ws, "SELECT count(*) FROM patient WHERE death_date IS NOT NULL"));

        Pattern subject = Pattern.compile("\"subject\":\\{\"reference\":\"([^\"]+)\"");
        Pattern snomed = Pattern.compile("\"system\":\"http://snomed.info/sct\",\"code\":\"([0-9]+)\"");
        Map<String, Set<String>> byRegister = new TreeMap<>();
        for (String line : Files.readAllLines(fhir.resolve("Condition.000.ndjson"))) {
            Matcher s = subject.matcher(line);
            Matcher c = snomed.matcher(line.substring(line.indexOf("\"code\":{")));
            if (s.find() && c.find() && FHIR_REGISTER_CODES.containsKey(c.group(1))) {
                byRegister
                        .computeIfAbsent(FHIR_REGISTER_CODES.get(c.group(1)), k -> new HashSet<>())
                        .add(s.group(1));
            }
        }
        Map<String, Long> expected = new TreeMap<>();
        byRegister.forEach((k, v) -> expected.put(k, (long) v.size()));
        assertEquals(
                Map.of("AST", 1L, "CHD", 2L, "CKD", 1L, "DM", 1L, "HYP", 2L, "NDH", 5L, "OB", 5L, "OST", 1L),
                expected,
                "the second reader's own count (a guard against a changed sample)");
        assertEquals(
                expected, new TreeMap<>(Samples.counts(ws, "SELECT condition, count(*) FROM condition GROUP BY 1")));

        long inpatient = Files.readAllLines(fhir.resolve("Encounter.000.ndjson")).stream()
                .filter(l -> l.contains(
                        "\"class\":{\"system\":\"http://terminology.hl7.org/CodeSystem/v3-ActCode\",\"code\":\"IMP\"}"))
                .count();
        assertEquals(49, inpatient);
        assertEquals(inpatient, Samples.count(ws, "SELECT count(*) FROM spell"));
        assertEquals(
                Files.readAllLines(fhir.resolve("Procedure.000.ndjson")).size(),
                r.translation().read("Procedure"));
        assertEquals(
                Files.readAllLines(fhir.resolve("Encounter.000.ndjson")).size(),
                r.translation().read("Encounter"));
        assertTrue(r.translation().codes().distinctCodes()
                > r.translation().codes().mappedCodes());
        List<String> ids = patients.stream()
                .map(l -> l.replaceAll("^.*?\"id\":\"([^\"]+)\".*$", "$1"))
                .toList();
        assertNoSourceIdentifier(ws, ids);
    }

    @Test
    void theReportSaysWhereEveryRowWentAndTheCoverage() throws Exception {
        Path fhir = Samples.fhir();
        Path report = dir.resolve("report.json");
        IngestOptions options = new IngestOptions(fhir, dir.resolve("r.duckdb"), null, report, null);
        StandardIngest.run(
                new FhirBulkAdapter(),
                new AdapterOptions(fhir, Samples.geography(dir), Samples.PRACTICE_A, null),
                options,
                Progress.SILENT);
        JsonNode source = new ObjectMapper().readTree(report.toFile()).get("source");
        assertEquals("fhir-r4-bulk", source.get("format").asText());
        Map<String, Long> read = new HashMap<>();
        for (JsonNode t : source.get("tables")) {
            read.put(t.get("source_table").asText(), t.get("read").asLong());
        }
        assertEquals(13L, read.get("Patient"));
        JsonNode coverage = source.get("register_map_coverage");
        assertEquals(555, coverage.get("condition_records").asLong());
        assertTrue(coverage.get("most_frequent_codes_on_no_register").size() > 0);
        assertTrue(source.get("policies").size() >= 4);
    }

    private IngestResult ingest(SourceAdapter adapter, Path source, Path ws) throws Exception {
        return StandardIngest.run(
                adapter,
                new AdapterOptions(source, Samples.geography(dir), Samples.PRACTICE_A, null),
                IngestOptions.of(source, ws, null),
                Progress.SILENT);
    }

    /** No source identifier (a CDM person_source_value, a FHIR resource id) is stored anywhere in the workspace. */
    private static void assertNoSourceIdentifier(Path ws, List<String> ids) throws Exception {
        String text = dump(ws);
        for (String id : ids) {
            assertTrue(!text.contains(id), "a source identifier reached the workspace");
        }
        assertTrue(
                Files.list(ws.getParent())
                        .noneMatch(p -> p.getFileName().toString().contains("staging")),
                "the staging folder was removed");
    }

    private static String dump(Path ws) throws Exception {
        StringBuilder b = new StringBuilder();
        for (String table :
                List.of("patient", "registration", "condition", "spell", "observation", "_quarantine", "_meta")) {
            Samples.counts(ws, "SELECT CAST(t AS VARCHAR), 1 FROM " + table + " t")
                    .keySet()
                    .forEach(b::append);
        }
        return b.toString();
    }

    /** Data lines of a simple CSV (the sample's files quote nothing the columns read here need). */
    private static List<String[]> rows(Path csv) throws IOException {
        return Files.readAllLines(csv).stream()
                .skip(1)
                .filter(l -> !l.isBlank())
                .map(l -> l.split(",", -1))
                .toList();
    }

    private static int column(Path csv, String name) {
        try {
            return List.of(Files.readAllLines(csv).get(0).split(",")).indexOf(name);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
