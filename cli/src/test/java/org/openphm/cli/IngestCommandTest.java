package org.openphm.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openphm.model.CanonicalSchema;
import org.openphm.model.Progress;
import org.openphm.model.Table;
import picocli.CommandLine;

/** {@code phm ingest} as a user runs it: exit codes, what is printed, and the workspace left as it was. */
class IngestCommandTest {
    @TempDir
    Path tmp;

    private Path data;
    private Path workspace;
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void ingestASmallSyntheticExtract() throws Exception {
        data = tmp.resolve("data");
        workspace = tmp.resolve("ws").resolve("phm.duckdb");
        SyntheticData.generate(data, 300, 7, SyntheticData.Format.csv, true, null, Progress.SILENT);
        for (Table t : CanonicalSchema.TABLES) { // a population this small may have no rows (no file) for rare events
            Path file = data.resolve(t.name() + ".csv");
            if (t.mandatory() && !Files.exists(file)) {
                Files.writeString(file, String.join(",", t.columnNames()) + "\n");
            }
        }
        assertEquals(0, phm("ingest", "--workspace", workspace.toString(), data.toString()), err.toString());
    }

    private int phm(String... args) {
        CommandLine cl = Phm.commandLine();
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    /** The workspace file as it is now, to compare after a refused ingest. */
    private record Snapshot(byte[] bytes, FileTime modified) {
        static Snapshot of(Path p) throws Exception {
            return new Snapshot(Files.readAllBytes(p), Files.getLastModifiedTime(p));
        }

        void assertUnchanged(Path p) throws Exception {
            assertArrayEquals(bytes, Files.readAllBytes(p), p + " was rewritten");
            assertEquals(modified, Files.getLastModifiedTime(p), p + " was touched");
        }
    }

    @Test
    void anExtractWithMoreThanFivePercentOfATableQuarantinedExitsTwoUnlessAccepted() throws Exception {
        Path patients = data.resolve("patient.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(patients));
        int sex = Arrays.asList(lines.get(0).split(",")).indexOf("sex");
        int bad = 0;
        for (int i = 1; i < lines.size(); i += 10) { // every tenth patient gets a sex that is not in the code set
            String[] cells = lines.get(i).split(",", -1);
            cells[sex] = "X";
            lines.set(i, String.join(",", cells));
            bad++;
        }
        int rows = lines.size() - 1;
        Files.write(patients, lines);
        Snapshot before = Snapshot.of(workspace);

        assertEquals(2, phm("ingest", "--workspace", workspace.toString(), data.toString()));
        String message = err.toString();
        assertTrue(
                message.contains(String.format(
                        "%d of the %d rows of table patient (%.1f%%) would be quarantined,"
                                + " more than the 5%% allowed; most often field 'sex': not in code set sex",
                        bad, rows, 100.0 * bad / rows)),
                message);
        assertTrue(message.contains("--accept-quarantine"), message);
        assertTrue(message.contains("Nothing was loaded; " + workspace + " is as it was."), message);
        before.assertUnchanged(workspace);

        assertEquals(
                0,
                phm("ingest", "--accept-quarantine", "--workspace", workspace.toString(), data.toString()),
                err.toString());
    }

    @Test
    void aReportPathThatIsAFolderExitsTwoBeforeTheWorkspaceIsTouched() throws Exception {
        Snapshot before = Snapshot.of(workspace);
        Path folder = Files.createDirectories(tmp.resolve("reports"));
        assertEquals(
                2, phm("ingest", "--workspace", workspace.toString(), "--report", folder.toString(), data.toString()));
        assertTrue(
                err.toString().contains("--report: " + folder.toAbsolutePath() + " is a folder, not a file"),
                err.toString());
        before.assertUnchanged(workspace);
    }

    @Test
    void aQuarantineFolderThatIsAFileExitsTwoBeforeTheWorkspaceIsTouched() throws Exception {
        Snapshot before = Snapshot.of(workspace);
        Path file = Files.writeString(tmp.resolve("quarantine.csv"), "mine\n");
        assertEquals(
                2,
                phm(
                        "ingest",
                        "--workspace",
                        workspace.toString(),
                        "--quarantine-out",
                        file.toString(),
                        data.toString()));
        assertTrue(
                err.toString().contains("--quarantine-out: " + file.toAbsolutePath() + " is a file, not a folder"),
                err.toString());
        before.assertUnchanged(workspace);
        assertEquals("mine\n", Files.readString(file));
    }
}
