package org.openphm.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openphm.model.ReferenceCsv;
import org.openphm.synth.NhsNumbers;

/**
 * Issue 19 item 2: {@code phm generate --england} writes each ICB of England into its own partition, from its own
 * definition, with identifiers that never repeat across ICBs; a stopped run, run again, keeps what is finished and
 * writes the rest as it would have.
 */
class EnglandGenerationTest {

    @Test
    void twoIcbsOfAScaledEnglandArePartitionsOfOneWhole(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("england");
        // about 63,000 patients in all: QJK (BLMK's shape) about 1,300, QHG (Northmoor's) about 1,100
        String[] args = {
            "generate",
            "--england",
            "--patients",
            "63000",
            "--icbs",
            "QJK,QHG",
            "--format",
            "csv",
            "--out",
            out.toString()
        };
        CliRun run = CliRun.of(args);
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("Wrote 2 ICB partitions"), run.out());
        // what to do next names the first ICB's folder and the build's profile of it
        assertTrue(run.out().contains("icb=QJK"), run.out());
        assertTrue(run.out().contains("QJK.profile.yaml"), run.out());
        assertTrue(Files.isRegularFile(out.resolve("definitions").resolve("QJK.profile.yaml")));

        List<ReferenceCsv.Row> manifest = rows(out.resolve("england.csv"));
        assertEquals(
                List.of("QJK", "QHG"),
                manifest.stream().map(r -> r.get("icb_code")).toList());
        assertEquals("blmk", manifest.get(0).get("shape"));
        assertEquals("northmoor", manifest.get(1).get("shape"));

        Set<String> people = new HashSet<>();
        Set<String> spells = new HashSet<>();
        Set<String> referrals = new HashSet<>();
        Set<String> practices = new HashSet<>();
        for (ReferenceCsv.Row icb : manifest) {
            Path partition = out.resolve("icb=" + icb.get("icb_code"));
            assertTrue(Files.isRegularFile(out.resolve("definitions").resolve(icb.get("icb_code") + ".yaml")));
            List<ReferenceCsv.Row> patients = rows(partition.resolve("patient.csv"));
            assertEquals(Long.parseLong(icb.get("people_drawn")), patients.size());
            for (ReferenceCsv.Row p : patients) {
                assertTrue(NhsNumbers.isValid(p.get("nhs_number")), p.get("nhs_number"));
                assertTrue(people.add(p.get("nhs_number")), "NHS number repeated across ICBs");
            }
            // numbered on from the people of the ICBs before it in England's order
            assertEquals(
                    NhsNumbers.of(Long.parseLong(icb.get("first_person_number"))),
                    patients.get(0).get("nhs_number"));
            for (ReferenceCsv.Row s : rows(partition.resolve("spell.csv"))) {
                assertTrue(spells.add(s.get("spell_id")), "spell id repeated across ICBs: " + s.get("spell_id"));
            }
            for (ReferenceCsv.Row r : rows(partition.resolve("referral.csv"))) {
                assertTrue(referrals.add(r.get("referral_id")), "referral id repeated: " + r.get("referral_id"));
            }
            for (ReferenceCsv.Row r : rows(partition.resolve("practice.csv"))) {
                assertTrue(practices.add(r.get("practice_code")), r.get("practice_code"));
            }
        }
        assertTrue(spells.size() > 1000 && referrals.size() > 1000, spells.size() + " " + referrals.size());

        // a run stopped in QHG left it half-written: run again, QJK is kept as it is and QHG written again, the same
        Path qjk = out.resolve("icb=QJK").resolve("patient.csv");
        FileTime written = Files.getLastModifiedTime(qjk);
        Path qhg = out.resolve("icb=QHG");
        byte[] qhgPatients = Files.readAllBytes(qhg.resolve("patient.csv"));
        byte[] qhgSpells = Files.readAllBytes(qhg.resolve("spell.csv"));
        deleteTree(qhg);
        Path partial = Files.createDirectories(out.resolve("icb=QHG.partial"));
        Files.writeString(partial.resolve("patient.csv"), "nhs_number\n");
        CliRun again = CliRun.of(args);
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("1 kept from an earlier run"), again.out());
        assertEquals(written, Files.getLastModifiedTime(qjk));
        assertArrayEquals(qhgPatients, Files.readAllBytes(qhg.resolve("patient.csv")));
        assertArrayEquals(qhgSpells, Files.readAllBytes(qhg.resolve("spell.csv")));
        assertFalse(Files.exists(partial));
        List<ReferenceCsv.Row> resumed = rows(out.resolve("england.csv"));
        assertEquals(manifest.get(0).get("rows_written"), resumed.get(0).get("rows_written"));
        assertEquals(manifest.get(1).get("rows_written"), resumed.get(1).get("rows_written"));

        // other settings do not overwrite a partition
        List<String> otherSeed = new ArrayList<>(List.of(args));
        otherSeed.addAll(List.of("--seed", "7"));
        CliRun refused = CliRun.of(otherSeed.toArray(String[]::new));
        assertEquals(1, refused.code());
        assertTrue(refused.err().contains("was generated with other settings"), refused.err());
        assertFalse(refused.err().contains("Exception in"), refused.err());
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static List<ReferenceCsv.Row> rows(Path csv) throws IOException {
        try (Reader in = Files.newBufferedReader(csv)) {
            return ReferenceCsv.rows(in, csv.toString());
        }
    }
}
