package org.openphm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openphm.server.access.AuditLog;

/** {@code phm audit verify}: exit 0 and the head for an intact log, exit 1 naming the line for a tampered one. */
class AuditCommandTest {

    static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void verifiesTheWorkspacesLogAndNamesTheBrokenLine(@TempDir Path dir) throws Exception {
        Path workspace = dir.resolve("phm.duckdb");
        Path file = AuditLog.beside(workspace);
        AuditLog log = new AuditLog(file);
        String head = null;
        for (int i = 0; i < 3; i++) {
            head = log.append(
                    new AuditLog.Access("gp" + i, "clinician", "cohort list", "practice P1", 12),
                    Instant.parse("2026-12-06T09:00:00Z").plusSeconds(i));
        }
        CliRun ok = run("audit", "verify", "--workspace", workspace.toString(), "--expect-head", head);
        assertEquals(0, ok.code(), ok.out());
        assertTrue(ok.out().contains("is intact: 3 entries; head " + head), ok.out());

        CliRun stale = run("audit", "verify", "--log", file.toString(), "--expect-head", "ab".repeat(32));
        assertEquals(1, stale.code());
        assertTrue(stale.out().contains("does not end at the expected head"), stale.out());

        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.set(1, lines.get(1).replace("\"gp1\"", "\"gp9\""));
        Files.write(file, lines);
        CliRun broken = run("audit", "verify", "--log", file.toString());
        assertEquals(1, broken.code());
        assertTrue(broken.out().contains("BROKEN at line 2: its content does not match its hash"), broken.out());
    }

    @Test
    void userAddPrintsTheTokenOnceAndListNeverShowsIt(@TempDir Path dir) throws Exception {
        Path workspace = dir.resolve("phm.duckdb");
        CliRun add = run(
                "user",
                "add",
                "--workspace",
                workspace.toString(),
                "--user",
                "dr.lee",
                "--role",
                "CLINICIAN",
                "--scope",
                "neighbourhood:N04",
                "--days",
                "30");
        assertEquals(0, add.code(), add.out());
        String token = add.out()
                .lines()
                .filter(l -> l.trim().startsWith("phm_"))
                .findFirst()
                .orElseThrow()
                .trim();
        assertEquals(
                "dr.lee",
                new org.openphm.server.access.UserStore(org.openphm.server.access.UserStore.beside(workspace))
                        .authenticate(token, Instant.now())
                        .orElseThrow()
                        .name());
        CliRun list = run("user", "list", "--workspace", workspace.toString());
        assertTrue(list.out().contains("dr.lee") && list.out().contains("neighbourhood:N04"), list.out());
        assertTrue(!list.out().contains(token));
        assertEquals(
                0,
                run("user", "revoke", "--workspace", workspace.toString(), "--user", "dr.lee")
                        .code());
        assertEquals(
                1,
                run("user", "revoke", "--workspace", workspace.toString(), "--user", "dr.lee")
                        .code());
    }
}
