package org.openphm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openphm.interop.Samples;

/**
 * {@code phm ingest --format omop|fhir} on the two samples other projects wrote (the folder {@code
 * org.openphm.interop.Samples.external()} finds, read in place) and then {@code phm build}: the whole pack is built
 * and passes the output check, on tiny numbers that are therefore mostly suppressed. Also the command's argument
 * errors and exit codes.
 */
class StandardFormatIngestCommandTest {
    @TempDir
    static Path dir;

    static Path geography;
    static String practice;

    /** The ICB's reference files: those of a small synthetic BLMK (phm generate), patient files ignored. */
    @BeforeAll
    static void geography() throws Exception {
        geography = dir.resolve("gen");
        CliRun r = CliRun.of("generate", "--out", geography.toString(), "--patients", "1000");
        assertEquals(0, r.code(), r.err());
        practice = Files.readAllLines(geography.resolve("practice.csv")).get(1).split(",")[0];
    }

    @Test
    void omopSampleIngestsAndTheWholePackBuilds() throws Exception {
        Path omop = Samples.omop(dir);
        Path ws = dir.resolve("omop/ws.duckdb");
        CliRun ingest = CliRun.of(
                "ingest",
                "--format",
                "omop",
                omop.toString(),
                "--geography",
                geography.toString(),
                "--default-practice",
                practice,
                "--workspace",
                ws.toString(),
                "--report",
                dir.resolve("omop/report.json").toString());
        assertEquals(0, ingest.code(), ingest.err());
        assertTrue(ingest.out().contains("Source (omop-cdm-5.4): rows read per source table"), ingest.out());
        assertTrue(ingest.out().contains("Register map coverage:"), ingest.out());
        assertTrue(
                ingest.out().contains("patient                patient.csv                            28           28"),
                ingest.out());
        buildsAndPasses(ws, dir.resolve("omop/out"));
    }

    @Test
    void fhirSampleIngestsAndTheWholePackBuilds() throws Exception {
        Path fhir = Samples.fhir();
        Path ws = dir.resolve("fhir/ws.duckdb");
        CliRun ingest = CliRun.of(
                "ingest",
                "--format",
                "fhir",
                fhir.toString(),
                "--geography",
                geography.toString(),
                "--default-practice",
                practice,
                "--workspace",
                ws.toString());
        assertEquals(0, ingest.code(), ingest.err());
        assertTrue(ingest.out().contains("Source (fhir-r4-bulk)"), ingest.out());
        assertTrue(
                ingest.out().contains("patient                patient.csv                            13           13"),
                ingest.out());
        buildsAndPasses(ws, dir.resolve("fhir/out"));
    }

    @Test
    void adapterOptionsWithoutFormatAreAUsageError() throws Exception {
        CliRun r = CliRun.of(
                "ingest",
                geography.toString(),
                "--workspace",
                dir.resolve("x.duckdb").toString(),
                "--default-practice",
                practice);
        assertEquals(2, r.code());
        assertTrue(r.err().contains("need --format omop or --format fhir"), r.err());
    }

    @Test
    void anUnknownFormatIsAUsageError() throws Exception {
        CliRun r = CliRun.of(
                "ingest",
                "--format",
                "hl7v2",
                geography.toString(),
                "--workspace",
                dir.resolve("x.duckdb").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("unknown --format 'hl7v2': use omop or fhir"), r.err());
    }

    @Test
    void aFormatWithoutGeographySaysWhatIsNeededAndLoadsNothing() throws Exception {
        Path ws = dir.resolve("nogeo.duckdb");
        CliRun r = CliRun.of("ingest", "--format", "fhir", dir.toString(), "--workspace", ws.toString());
        assertEquals(IngestCommand.UNUSABLE_INPUT, r.code());
        assertTrue(r.err().contains("--geography") && r.err().contains("practice.csv"), r.err());
        assertTrue(r.err().contains("Nothing was loaded"), r.err());
        assertTrue(Files.notExists(ws));
    }

    @Test
    void registerMapFromTheSampleVocabularyIsTheShippedOne() throws Exception {
        Path out = dir.resolve("map.csv");
        CliRun r = CliRun.of("register-map", Samples.omop(dir).toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Wrote " + out.toAbsolutePath()), r.out());
        try (InputStream shipped = getClass().getClassLoader().getResourceAsStream("interop/snomed_register_map.csv")) {
            assertEquals(new String(shipped.readAllBytes(), StandardCharsets.UTF_8), Files.readString(out));
        }
    }

    private static void buildsAndPasses(Path ws, Path out) throws Exception {
        CliRun build = CliRun.of("build", "--workspace", ws.toString(), "--out", out.toString());
        assertEquals(0, build.code(), build.err());
        assertTrue(build.out().contains("no disclosure problems"), build.out());
        assertTrue(Files.isRegularFile(out.resolve("results/metadata.json")));
        assertTrue(Files.isRegularFile(out.resolve("pack/index.html")));
        CliRun check = CliRun.of("check-outputs", out.toString());
        assertEquals(0, check.code(), check.out() + check.err());
    }
}
