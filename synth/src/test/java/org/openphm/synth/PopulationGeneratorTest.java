package org.openphm.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openphm.model.CanonicalSchema;
import org.openphm.model.Progress;

class PopulationGeneratorTest {
    static final List<String> FILES =
            List.of("patient", "registration", "condition", "observation", "practice", "lsoa", "population_projection");

    @Test
    void sameSeedGivesIdenticalFilesAndAnotherSeedDifferentOnes(@TempDir Path tmp) throws IOException {
        PopulationGenerator.generate(tmp.resolve("a"), new SynthOptions(3_000, 7, true), List.of(), Progress.SILENT);
        PopulationGenerator.generate(tmp.resolve("b"), new SynthOptions(3_000, 7, true), List.of(), Progress.SILENT);
        PopulationGenerator.generate(tmp.resolve("c"), new SynthOptions(3_000, 8, true), List.of(), Progress.SILENT);
        for (String f : FILES) {
            assertArrayEquals(
                    Files.readAllBytes(tmp.resolve("a/" + f + ".csv")),
                    Files.readAllBytes(tmp.resolve("b/" + f + ".csv")),
                    f);
        }
        assertFalse(java.util.Arrays.equals(
                Files.readAllBytes(tmp.resolve("a/patient.csv")), Files.readAllBytes(tmp.resolve("c/patient.csv"))));
    }

    /** A person's rows depend only on (seed, index): a larger run starts with exactly the smaller run's people. */
    @Test
    void aPersonDependsOnlyOnSeedAndIndex(@TempDir Path tmp) throws IOException {
        PopulationGenerator.generate(
                tmp.resolve("small"), new SynthOptions(2_000, 3, false), List.of(), Progress.SILENT);
        PopulationGenerator.generate(
                tmp.resolve("large"), new SynthOptions(4_000, 3, false), List.of(), Progress.SILENT);
        List<String> small = Files.readAllLines(tmp.resolve("small/patient.csv"));
        List<String> large = Files.readAllLines(tmp.resolve("large/patient.csv"));
        assertEquals(small.subList(0, 2_001), large.subList(0, 2_001));
    }

    @Test
    void headersFollowTheCanonicalSchemaWithNhsNumbersWhenAsked(@TempDir Path tmp) throws IOException {
        PopulationGenerator.generate(tmp.resolve("raw"), new SynthOptions(500, 1, true), List.of(), Progress.SILENT);
        PopulationGenerator.generate(tmp.resolve("pid"), new SynthOptions(500, 1, false), List.of(), Progress.SILENT);
        for (var t : List.of(
                CanonicalSchema.PATIENT,
                CanonicalSchema.REGISTRATION,
                CanonicalSchema.CONDITION,
                CanonicalSchema.OBSERVATION)) {
            String pid = String.join(",", t.columnNames());
            assertEquals(pid, firstLine(tmp.resolve("pid/" + t.name() + ".csv")));
            assertEquals(pid.replace("person_id", "nhs_number"), firstLine(tmp.resolve("raw/" + t.name() + ".csv")));
        }
        Set<String> ids = new HashSet<>();
        for (String line : Files.readAllLines(tmp.resolve("raw/patient.csv")).subList(1, 501)) {
            String n = line.substring(0, line.indexOf(','));
            assertTrue(NhsNumbers.isValid(n), n);
            assertTrue(ids.add(n));
        }
    }

    /** A small ICB can draw no detention at all: the table must still be there for ingest, which requires it. */
    @Test
    void aPersonLevelTableWithNoRowsIsWrittenWithItsHeader(@TempDir Path tmp) throws IOException {
        GenerationReport r =
                PopulationGenerator.generate(tmp, new SynthOptions(300, 2, false), List.of(), Progress.SILENT);
        for (var t : List.of(
                CanonicalSchema.REFERRAL,
                CanonicalSchema.WAITING_ENTRY,
                CanonicalSchema.SPELL,
                CanonicalSchema.DETENTION)) {
            assertEquals(
                    List.of(String.join(",", t.columnNames())), Files.readAllLines(tmp.resolve(t.name() + ".csv")));
            assertEquals(0L, r.rowsPerTable().get(t.name()), t.name());
        }
    }

    @Test
    void activityModelsGetTheirOwnStreamAndTheSharedSinks(@TempDir Path tmp) throws IOException {
        List<Long> seen = new ArrayList<>();
        List<Long> firstDraws = new ArrayList<>();
        PersonActivity probe = (person, rng, sinks) -> {
            seen.add(person.index());
            firstDraws.add(rng.nextLong());
            sinks.of(CanonicalSchema.DETENTION).row(person.personKey(), person.registeredFrom(), "2", null);
        };
        GenerationReport r =
                PopulationGenerator.generate(tmp, new SynthOptions(1_000, 5, true), List.of(probe), Progress.SILENT);
        assertEquals(r.rowsPerTable().get("patient"), (long) seen.size());
        assertEquals(seen.size(), new HashSet<>(firstDraws).size());
        assertEquals(Seeds.forPerson(5, 0, 1).nextLong(), firstDraws.get(0));
        assertEquals("nhs_number,start_date,section,end_date", firstLine(tmp.resolve("detention.csv")));
    }

    @Test
    void progressIsReportedEveryTenThousandPeople(@TempDir Path tmp) throws IOException {
        List<Long> done = new ArrayList<>();
        Progress p = new Progress() {
            @Override
            public void update(String task, long d, long total) {
                done.add(d);
            }

            @Override
            public void message(String text) {}
        };
        GenerationReport r = PopulationGenerator.generate(tmp, new SynthOptions(25_000, 1, false), List.of(), p);
        assertEquals(10_000L, done.get(0));
        assertEquals(r.rowsPerTable().get("patient"), done.get(done.size() - 1));
    }

    /**
     * Streaming: 200,000 patients (about 280,000 people ever registered) generate in a forked JVM limited to a
     * 64 MB heap. Holding anything per person (even 100 bytes each) would not fit beside the JVM's own needs.
     */
    @Test
    void memoryDoesNotGrowWithThePopulation(@TempDir Path tmp) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(
                        java,
                        "-Xmx64m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        GenerateMain.class.getName(),
                        tmp.toString(),
                        "200000")
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(300, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        try (BufferedReader r = Files.newBufferedReader(tmp.resolve("patient.csv"))) {
            assertTrue(r.lines().count() > 200_000);
        }
    }

    /** Entry point for the forked JVM of {@link #memoryDoesNotGrowWithThePopulation}. */
    public static final class GenerateMain {
        public static void main(String[] args) throws IOException {
            PopulationGenerator.generate(
                    Path.of(args[0]), new SynthOptions(Long.parseLong(args[1]), 1, true), List.of(), Progress.SILENT);
        }
    }

    private static String firstLine(Path f) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(f)) {
            return r.readLine();
        }
    }
}
