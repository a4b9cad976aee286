package org.openphm.ingest;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks every path the ingest will write before it reads a single row: found afterwards, a bad path would
 * fail the command after the workspace had already been replaced, or after minutes of work.
 */
final class OutputPaths {
    private OutputPaths() {}

    static void check(IngestOptions options) throws UnusableInputException {
        Path workspace = options.workspace().toAbsolutePath();
        if (Files.isDirectory(workspace)) {
            throw new UnusableInputException(
                    "--workspace",
                    0,
                    null,
                    "cannot write the workspace: " + workspace + " is a folder, not a file",
                    "give a file path, e.g. " + workspace.resolve("workspace.duckdb"));
        }
        String folder = folderProblem(workspace.getParent());
        if (folder != null) {
            throw new UnusableInputException(
                    "--workspace",
                    0,
                    null,
                    "cannot write the workspace: " + folder,
                    "choose a --workspace path in a folder you can write to");
        }
        if (options.report() != null) {
            Path report = options.report().toAbsolutePath();
            if (Files.isDirectory(report)) {
                throw new UnusableInputException(
                        "--report",
                        0,
                        null,
                        report + " is a folder, not a file",
                        "give a file path for the report, e.g. " + report.resolve("ingest-report.json"));
            }
            String problem = Files.exists(report) && !Files.isWritable(report)
                    ? report + " is read-only"
                    : folderProblem(report.getParent());
            if (problem != null) {
                throw new UnusableInputException(
                        "--report",
                        0,
                        null,
                        "cannot write the report: " + problem,
                        "choose a --report path in a folder you can write to");
            }
        }
        if (options.quarantineOut() != null) {
            Path out = options.quarantineOut().toAbsolutePath();
            if (Files.exists(out) && !Files.isDirectory(out)) {
                throw new UnusableInputException(
                        "--quarantine-out",
                        0,
                        null,
                        out + " is a file, not a folder",
                        "give a folder for the quarantined rows (it is created if missing), e.g. "
                                + out.resolveSibling(out.getFileName() + "-rows"));
            }
            String problem = folderProblem(out);
            if (problem != null) {
                throw new UnusableInputException(
                        "--quarantine-out",
                        0,
                        null,
                        "cannot write the quarantined rows: " + problem,
                        "choose a --quarantine-out folder you can write to");
            }
        }
    }

    /**
     * Why no file can be created in {@code folder}, or null. Folders still missing are fine (they are created),
     * so the nearest one that exists is what must be a writable folder.
     */
    static String folderProblem(Path folder) {
        Path existing = folder.toAbsolutePath();
        while (existing.getParent() != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        return folderProblem(existing, Files.isDirectory(existing), Files.isWritable(existing));
    }

    /** The wording for what was found at the nearest existing {@code path}, or null when it is a writable folder. */
    static String folderProblem(Path path, boolean isFolder, boolean writable) {
        if (!isFolder) {
            return path + " is a file, not a folder";
        }
        return writable ? null : "folder " + path + " is read-only";
    }
}
