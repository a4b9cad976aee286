package org.openphm.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openphm.model.Progress;

/**
 * The risk model's ceiling (issue 11, item 4): written only on request, outside the data folder, without changing
 * a byte of the canonical files, one row per person and financial year with P = 1 - exp(-expected admissions).
 */
class CeilingFileTest {

    @Test
    void theCeilingIsWrittenOnlyOnRequestAndChangesNoCanonicalFile(@TempDir Path tmp) throws IOException {
        Map<String, Long> plain = SyntheticIcb.generate(
                tmp.resolve("plain"), new SynthOptions(1_500, 11, true), Map.of(), Progress.SILENT);
        Path ceiling = tmp.resolve("truth/ceiling.csv");
        Map<String, Long> with = SyntheticIcb.generate(
                tmp.resolve("with"), new SynthOptions(1_500, 11, true, ceiling), Map.of(), Progress.SILENT);
        assertEquals(plain, with, "the ceiling is not a canonical table and adds no rows to one");
        try (var files = Files.list(tmp.resolve("plain"))) {
            for (Path f : files.toList()) {
                assertArrayEquals(
                        Files.readAllBytes(f),
                        Files.readAllBytes(tmp.resolve("with").resolve(f.getFileName())),
                        f.getFileName()
                                + " changed when the ceiling was written: the truth must not perturb the draws");
            }
        }
        try (var files = Files.list(tmp.resolve("with"))) {
            assertFalse(files.anyMatch(f -> f.getFileName().toString().contains("ceiling")));
        }

        List<String> lines = Files.readAllLines(ceiling);
        assertEquals("nhs_number,financial_year,expected_emergency_admissions,probability", lines.get(0));
        Set<String> people = new HashSet<>();
        Set<String> personYears = new HashSet<>();
        double admissions = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            assertTrue(NhsNumbers.isValid(f[0]), "the ceiling is keyed like the data it belongs to");
            assertTrue(personYears.add(f[0] + f[1]), "one row per person and year: " + f[1]);
            double expected = Double.parseDouble(f[2]);
            double p = Double.parseDouble(f[3]);
            assertTrue(expected >= 0);
            assertEquals(1 - Math.exp(-expected), p, 1e-12);
            people.add(f[0]);
            admissions += f[1].equals("2024/25") ? expected : 0;
        }
        // the ceiling's people are the patient file's, less the few never registered and alive within the data
        Set<String> patients = new HashSet<>();
        Files.readAllLines(tmp.resolve("with/patient.csv")).stream()
                .skip(1)
                .forEach(l -> patients.add(l.substring(0, l.indexOf(','))));
        assertTrue(patients.containsAll(people));
        assertTrue(people.size() >= 0.99 * patients.size(), people.size() + " of " + patients.size());
        long emergencies2024 = Files.readAllLines(tmp.resolve("with/spell.csv")).stream()
                .filter(l -> l.contains(",emergency,2024-")
                                && !l.contains(",emergency,2024-01-")
                                && !l.contains(",emergency,2024-02-")
                                && !l.contains(",emergency,2024-03-")
                        || l.contains(",emergency,2025-01-")
                        || l.contains(",emergency,2025-02-")
                        || l.contains(",emergency,2025-03-"))
                .count();
        // the expected count is the Poisson mean of the spells the generator drew: within 4 SD of it
        assertTrue(
                Math.abs(emergencies2024 - admissions) < 4 * Math.sqrt(admissions),
                "emergency spells 2024/25 " + emergencies2024 + ", expected " + admissions);
    }

    @Test
    void theCeilingIsRefusedInsideTheDataFolderWhereIngestWouldFindIt(@TempDir Path tmp) {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> SyntheticIcb.generate(
                        tmp.resolve("data"),
                        new SynthOptions(200, 1, true, tmp.resolve("data/ceiling.csv")),
                        Map.of(),
                        Progress.SILENT));
        assertTrue(e.getMessage().contains("must not be written into the data folder"), e.getMessage());
    }
}
