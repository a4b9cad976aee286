package org.openphm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openphm.interop.Samples;
import picocli.CommandLine;

/**
 * {@code phm ingest --format omop|fhir} on the two samples other projects wrote (shared/reference/external, read
 * in place) and then {@code phm build}: the whole pack is built and passes the output check, on tiny numbers that
 * are therefore mostly suppressed. Also the command's argument errors and exit codes.
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
        Run r = run("generate", "--out", geography.toString(), "--patients", "1000");
        assertEquals(0, r.code, r.err);
        practice = Files.readAllLines(geography.resolve("practice.csv")).get(1).split(",")[0];
    }

    @Test
    void omopSampleIngestsAndTheWholePackBuilds() throws Exception {
        Path omop = Samples.omop(dir);
        Path ws = dir.resolve("omop/ws.duckdb");
        Run ingest = run("ingest", "--format", "omop", omop.toString(), "--geography", geography.toString(),
                "--default-practice", practice, "--workspace", ws.toString(), "--report", dir.resolve("omop/report.json").toString());
        assertEquals(0, ingest.code, ingest.err);
        assertTrue(ingest.out.contains("Source (omop-cdm-5.4): rows read per source table"), ingest.out);
        assertTrue(ingest.out.contains("Register map coverage:"), ingest.out);
        assertTrue(ingest.out.contains("patient                patient.csv                            28           28"), ingest.out);
        buildsAndPasses(ws, dir.resolve("omop/out"));
    }

    @Test
    void fhirSampleIngestsAndTheWholePackBuilds() throws Exception {
        Path fhir = Samples.fhir();
        Path ws = dir.resolve("fhir/ws.duckdb");
        Run ingest = run("ingest", "--format", "fhir", fhir.toString(), "--geography", geography.toString(),
                "--default-practice", practice, "--workspace", ws.toString());
        assertEquals(0, ingest.code, ingest.err);
        assertTrue(ingest.out.contains("Source (fhir-r4-bulk)"), ingest.out);
        assertTrue(ingest.out.contains("patient                patient.csv                            13           13"), ingest.out);
        buildsAndPasses(ws, dir.resolve("fhir/out"));
    }

    @Test
    void adapterOptionsWithoutFormatAreAUsageError() throws Exception {
        Run r = run("ingest", geography.toString(), "--workspace", dir.resolve("x.duckdb").toString(),
                "--default-practice", practice);
        assertEquals(2, r.code);
        assertTrue(r.err.contains("need --format omop or --format fhir"), r.err);
    }

    @Test
    void anUnknownFormatIsAUsageError() throws Exception {
        Run r = run("ingest", "--format", "hl7v2", geography.toString(), "--workspace", dir.resolve("x.duckdb").toString());
        assertEquals(2, r.code);
        assertTrue(r.err.contains("unknown --format 'hl7v2': use omop or fhir"), r.err);
    }

    @Test
    void aFormatWithoutGeographySaysWhatIsNeededAndLoadsNothing() throws Exception {
        Path ws = dir.resolve("nogeo.duckdb");
        Run r = run("ingest", "--format", "fhir", dir.toString(), "--workspace", ws.toString());
        assertEquals(IngestCommand.UNUSABLE_INPUT, r.code);
        assertTrue(r.err.contains("--geography") && r.err.contains("practice.csv"), r.err);
        assertTrue(r.err.contains("Nothing was loaded"), r.err);
        assertTrue(Files.notExists(ws));
    }

    @Test
    void registerMapFromTheSampleVocabularyIsTheShippedOne() throws Exception {
        Path out = dir.resolve("map.csv");
        Run r = run("register-map", Samples.omop(dir).toString(), "--out", out.toString());
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.contains("Wrote " + out.toAbsolutePath()), r.out);
        try (InputStream shipped = getClass().getClassLoader().getResourceAsStream("interop/snomed_register_map.csv")) {
            assertEquals(new String(shipped.readAllBytes(), StandardCharsets.UTF_8), Files.readString(out));
        }
    }

    private static void buildsAndPasses(Path ws, Path out) throws Exception {
        Run build = run("build", "--workspace", ws.toString(), "--out", out.toString());
        assertEquals(0, build.code, build.err);
        assertTrue(build.out.contains("no disclosure problems"), build.out);
        assertTrue(Files.isRegularFile(out.resolve("results/metadata.json")));
        assertTrue(Files.isRegularFile(out.resolve("pack/index.html")));
        Run check = run("check-outputs", out.toString());
        assertEquals(0, check.code, check.out + check.err);
    }

    private record Run(int code, String out, String err) {}

    private static synchronized Run run(String... args) {
        PrintStream saved = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        try (PrintStream capture = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            CommandLine cl = Phm.commandLine();
            cl.setErr(new PrintWriter(err, true));
            cl.setOut(new PrintWriter(capture, true));
            int code = cl.execute(args);
            return new Run(code, bytes.toString(StandardCharsets.UTF_8), err.toString());
        } finally {
            System.setOut(saved);
        }
    }
}
