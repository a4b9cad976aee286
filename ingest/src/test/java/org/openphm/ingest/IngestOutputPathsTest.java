package org.openphm.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openphm.model.Progress;

/**
 * Every output path is checked before anything is loaded, so a bad --report, --quarantine-out or --workspace
 * stops the ingest with the previous workspace untouched and a message saying what is wrong with the path.
 */
class IngestOutputPathsTest {
    @TempDir
    Path tmp;

    /** A fixture with a workspace already built, and that workspace's bytes and time. */
    private record Built(Fixture f, byte[] bytes, FileTime modified) {
        static Built in(Path tmp) throws Exception {
            Fixture f = new Fixture(tmp);
            f.ingest();
            return new Built(f, Files.readAllBytes(f.workspace), Files.getLastModifiedTime(f.workspace));
        }

        UnusableInputException refused(IngestOptions options) throws Exception {
            UnusableInputException e =
                    assertThrows(UnusableInputException.class, () -> Ingest.run(options, Progress.SILENT));
            assertArrayEquals(bytes, Files.readAllBytes(f.workspace));
            assertEquals(modified, Files.getLastModifiedTime(f.workspace));
            return e;
        }
    }

    @Test
    void aReportPathThatIsAFolder() throws Exception {
        Built b = Built.in(tmp);
        Path report = Files.createDirectories(tmp.resolve("reports")).toAbsolutePath();
        UnusableInputException e = b.refused(b.f().options(report, null));
        assertEquals(
                "--report: " + report + " is a folder, not a file — give a file path for the report, e.g. "
                        + report.resolve("ingest-report.json"),
                e.getMessage());
    }

    @Test
    void aReportPathInsideAFile() throws Exception {
        Built b = Built.in(tmp);
        Path notes = Files.writeString(tmp.resolve("notes.txt"), "keep\n").toAbsolutePath();
        UnusableInputException e = b.refused(b.f().options(notes.resolve("report.json"), null));
        assertEquals(
                "--report: cannot write the report: " + notes + " is a file, not a folder — choose a --report path"
                        + " in a folder you can write to",
                e.getMessage());
    }

    @Test
    void aQuarantineFolderThatIsAnExistingFile() throws Exception {
        Built b = Built.in(tmp);
        Path out = Files.writeString(tmp.resolve("quarantine"), "keep\n").toAbsolutePath();
        UnusableInputException e = b.refused(b.f().options(null, out));
        assertEquals(
                "--quarantine-out: " + out + " is a file, not a folder — give a folder for the quarantined rows"
                        + " (it is created if missing), e.g. " + out.resolveSibling("quarantine-rows"),
                e.getMessage());
        assertEquals("keep\n", Files.readString(out));
    }

    @Test
    void aWorkspaceWhoseFolderIsAFile() throws Exception {
        Fixture f = new Fixture(tmp);
        Path notes = Files.writeString(tmp.resolve("notes.txt"), "keep\n").toAbsolutePath();
        IngestOptions options = new IngestOptions(
                f.dir, notes.resolve("phm.duckdb"), Fixture.AS_OF, null, null, IngestOptions.ACCEPT_ANY_QUARANTINE);
        UnusableInputException e =
                assertThrows(UnusableInputException.class, () -> Ingest.run(options, Progress.SILENT));
        assertEquals(
                "--workspace: cannot write the workspace: " + notes + " is a file, not a folder — choose a"
                        + " --workspace path in a folder you can write to",
                e.getMessage());
        assertEquals("keep\n", Files.readString(notes));
    }

    @Test
    void aWorkspaceInAReadOnlyFolder() throws Exception {
        assumeFalse("root".equals(System.getProperty("user.name")), "root may write into a read-only folder");
        Fixture f = new Fixture(tmp);
        Path folder = Files.createDirectories(tmp.resolve("locked")).toAbsolutePath();
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            IngestOptions options = new IngestOptions(
                    f.dir,
                    folder.resolve("phm.duckdb"),
                    Fixture.AS_OF,
                    null,
                    null,
                    IngestOptions.ACCEPT_ANY_QUARANTINE);
            UnusableInputException e =
                    assertThrows(UnusableInputException.class, () -> Ingest.run(options, Progress.SILENT));
            assertEquals("cannot write the workspace: folder " + folder + " is read-only", e.problem());
        } finally {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    /** The wording for a read-only folder, checked even where the tests run as root (who can write anyway). */
    @Test
    void theProblemWithAFolderIsSaidPlainly() {
        Path folder = Path.of("/data/extracts");
        assertEquals("folder /data/extracts is read-only", OutputPaths.folderProblem(folder, true, false));
        assertEquals("/data/extracts is a file, not a folder", OutputPaths.folderProblem(folder, false, true));
        assertNull(OutputPaths.folderProblem(folder, true, true));
    }

    @Test
    void missingOutputFoldersAreFineAndCreated() throws Exception {
        Fixture f = new Fixture(tmp);
        Path report = tmp.resolve("new/deeper/report.json");
        Path out = tmp.resolve("new/quarantine");
        f.write("patient.csv", Fixture.PATIENT + "p4,X,1990-01,A,E01000001,,\n");
        Ingest.run(f.options(report, out), Progress.SILENT);
        assertFalse(Files.readString(report).isEmpty());
        assertEquals(1, Files.list(out).count());
    }
}
