package org.openphm.server.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hash-chained audit log (issue 13, item 4): every kind of tampering breaks the chain at the right line. */
class AuditLogTest {
    static final Instant T0 = Instant.parse("2026-12-06T00:00:00Z");

    static Path logOf(Path dir, int entries) throws IOException {
        Path file = dir.resolve("phm.audit.jsonl");
        AuditLog log = new AuditLog(file);
        for (int i = 0; i < entries; i++) {
            log.append(
                    new AuditLog.Access("user" + i, "clinician", "cohort list", "neighbourhood N" + i, 10 + i),
                    T0.plusSeconds(i));
        }
        return file;
    }

    @Test
    void anUntouchedLogVerifiesAndItsHeadIsTheLastHash(@TempDir Path dir) throws IOException {
        Path file = logOf(dir, 5);
        AuditLog.Verification v = AuditLog.verify(file);
        assertTrue(v.intact(), v.problem());
        assertEquals(5, v.entries());
        List<String> lines = Files.readAllLines(file);
        assertTrue(lines.get(4).endsWith("\"hash\":\"" + v.head() + "\"}"), lines.get(4));
        assertTrue(lines.get(0).contains("\"previous\":\"" + AuditLog.GENESIS + "\""));
        // an empty or absent log is intact and has no entries
        assertEquals(0, AuditLog.verify(dir.resolve("none.jsonl")).entries());
    }

    @Test
    void anEditedEntryIsFoundAtItsLine(@TempDir Path dir) throws IOException {
        Path file = logOf(dir, 5);
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.set(2, lines.get(2).replace("\"rows\":12", "\"rows\":2"));
        Files.write(file, lines);
        AuditLog.Verification v = AuditLog.verify(file);
        assertEquals(3L, v.brokenLine());
        assertTrue(v.problem().contains("edited"), v.problem());
        assertEquals(2, v.entries());
    }

    @Test
    void aDeletedEntryIsFoundWhereTheGapIs(@TempDir Path dir) throws IOException {
        Path file = logOf(dir, 5);
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.remove(1);
        Files.write(file, lines);
        AuditLog.Verification v = AuditLog.verify(file);
        assertEquals(2L, v.brokenLine());
        assertTrue(v.problem().contains("deleted"), v.problem());
    }

    @Test
    void reorderedEntriesAreFound(@TempDir Path dir) throws IOException {
        Path file = logOf(dir, 5);
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        Collections.swap(lines, 3, 4);
        Files.write(file, lines);
        assertEquals(4L, AuditLog.verify(file).brokenLine());
    }

    @Test
    void anEntryRewrittenWithARecomputedSequenceStillBreaksTheChain(@TempDir Path dir) throws IOException {
        // delete entry 2 and renumber the rest: the sequence is whole again, the chain is not
        Path file = logOf(dir, 4);
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.remove(1);
        lines.set(1, lines.get(1).replace("\"seq\":3", "\"seq\":2"));
        lines.set(2, lines.get(2).replace("\"seq\":4", "\"seq\":3"));
        Files.write(file, lines);
        AuditLog.Verification v = AuditLog.verify(file);
        assertEquals(2L, v.brokenLine());
        assertTrue(v.problem().contains("does not chain"), v.problem());
    }

    @Test
    void aCutOffLastLineIsFoundAndATruncatedTailChangesTheHead(@TempDir Path dir) throws IOException {
        Path file = logOf(dir, 3);
        String head = AuditLog.verify(file).head();
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Files.writeString(file, text.substring(0, text.length() - 20));
        AuditLog.Verification cut = AuditLog.verify(file);
        assertEquals(3L, cut.brokenLine());
        // removing whole entries from the end leaves a valid chain with another head: compare with a kept copy
        List<String> lines = Files.readAllLines(logOf(dir.resolve("b"), 3));
        Files.write(dir.resolve("b/phm.audit.jsonl"), lines.subList(0, 2));
        AuditLog.Verification shorter = AuditLog.verify(dir.resolve("b/phm.audit.jsonl"));
        assertTrue(shorter.intact());
        assertFalse(shorter.head().equals(head));
    }

    @Test
    void concurrentAppendsMakeOneUnbrokenChain(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("phm.audit.jsonl");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<String>> done = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            int k = i;
            done.add(pool.submit(() -> new AuditLog(file)
                    .append(
                            new AuditLog.Access("u" + k % 7, "clinician", "cohort list", "practice P" + k % 3, k),
                            T0.plusMillis(k))));
        }
        for (Future<String> f : done) {
            f.get();
        }
        pool.shutdown();
        AuditLog.Verification v = AuditLog.verify(file);
        assertNull(v.brokenLine(), v.problem());
        assertEquals(200, v.entries());
    }
}
