package org.openphm.engine.duckdb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A folder of the engine's own, beside the workspace it reads, for what a build keeps between queries (the shared
 * results, in a DuckDB file of their own) and what DuckDB spills. Deleted when the engine closes.
 *
 * <p>Why a file, not temporary tables: DuckDB keeps temporary tables in memory and writes them out only under
 * pressure, and a large query beside them then ran out of memory (3.2 million patients, 768 MB: two population
 * tables kept, then the attributed emergency spells failed). Kept in a file, they are compressed on disk and their
 * blocks are dropped from memory as freely as the workspace's own: the same sequence passed, holding 30 MB after.
 * Beside the workspace, because that disk was sized for the data (a system temporary folder may be memory).
 */
final class KeptResultsSpace implements AutoCloseable {
    private final Path folder;
    /** Deletes the folder if the process stops (Ctrl-C) before the engine closes; only kill -9 leaves it behind. */
    private final Thread onExit;

    private KeptResultsSpace(Path folder) {
        this.folder = folder;
        this.onExit = new Thread(this::delete, "delete " + folder.getFileName());
        Runtime.getRuntime().addShutdownHook(onExit);
    }

    /** A new folder beside the workspace, or in the system's temporary folder when that one is not writable. */
    static KeptResultsSpace beside(Path workspace) {
        Path parent = workspace.toAbsolutePath().getParent();
        String prefix = workspace.getFileName() + ".engine-";
        try {
            return new KeptResultsSpace(Files.createTempDirectory(parent, prefix));
        } catch (IOException | SecurityException besideFailed) {
            try {
                return new KeptResultsSpace(Files.createTempDirectory(prefix));
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "cannot make a folder for the engine's working files beside " + workspace
                                + " or in the system's temporary folder",
                        e);
            }
        }
    }

    /** The DuckDB file the kept results are written to. */
    Path keptDatabase() {
        return folder.resolve("kept.duckdb");
    }

    /** Where DuckDB spills what does not fit in its memory limit. */
    Path spill() {
        return folder.resolve("spill");
    }

    Path folder() {
        return folder;
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(onExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: it deletes the folder
        }
        delete();
    }

    private void delete() {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the engine's working files in " + folder, e);
        }
    }
}
