package org.openphm.ingest;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A new workspace is built in {@code <W>.tmp-<pid>} next to W and only renamed over W (atomically, after
 * fsync) once everything succeeded. A failed ingest deletes the temporary file; a killed one leaves it
 * behind, and the next ingest removes it (its process is gone). W itself is never opened for writing, so
 * whatever happens W is either the old workspace or the complete new one.
 */
final class AtomicWorkspace implements AutoCloseable {
    private final Path target;
    private final Path temp;
    private final Path spill;
    private final Thread cleanupOnExit;
    private boolean committed;

    private AtomicWorkspace(Path target) {
        this.target = target.toAbsolutePath();
        long pid = ProcessHandle.current().pid();
        this.temp = this.target.resolveSibling(this.target.getFileName() + ".tmp-" + pid);
        this.spill = this.target.resolveSibling(this.target.getFileName() + ".tmp-" + pid + ".spill");
        this.cleanupOnExit = new Thread(this::deleteTemporaries, "workspace-cleanup");
    }

    static AtomicWorkspace begin(Path target) throws IOException {
        AtomicWorkspace w = new AtomicWorkspace(target);
        Files.createDirectories(w.target.getParent());
        removeAbandoned(w.target);
        w.deleteTemporaries();
        Files.createDirectories(w.spill);
        Runtime.getRuntime().addShutdownHook(w.cleanupOnExit); // Ctrl-C during an ingest
        return w;
    }

    /** The file to build the new workspace in. */
    Path temp() {
        return temp;
    }

    /** Where DuckDB may spill work tables: next to the workspace, deleted afterwards. */
    Path spill() {
        return spill;
    }

    /** Makes the new workspace W. Call only after the database writing the temporary file is closed. */
    void commit() throws IOException {
        try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        committed = true;
        try (FileChannel dir = FileChannel.open(target.getParent(), StandardOpenOption.READ)) {
            dir.force(true); // make the rename itself durable
        } catch (IOException | UnsupportedOperationException e) {
            // some file systems cannot fsync a directory; the rename is still atomic
        }
    }

    @Override
    public void close() {
        deleteTemporaries();
        try {
            Runtime.getRuntime().removeShutdownHook(cleanupOnExit);
        } catch (IllegalStateException e) {
            // already shutting down: the hook does the same work
        }
    }

    private void deleteTemporaries() {
        try {
            if (!committed) {
                Files.deleteIfExists(temp);
            }
            Files.deleteIfExists(temp.resolveSibling(temp.getFileName() + ".wal"));
            deleteTree(spill);
        } catch (IOException e) {
            // best effort: a leftover temporary is removed by the next ingest
        }
    }

    /** Temporaries of earlier ingests whose process no longer runs (killed mid-way). */
    private static void removeAbandoned(Path target) throws IOException {
        String prefix = target.getFileName() + ".tmp-";
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(target.getParent(), prefix + "*")) {
            for (Path p : ds) {
                String rest = p.getFileName().toString().substring(prefix.length());
                String pid = rest.split("\\.", 2)[0];
                boolean alive;
                try {
                    alive = ProcessHandle.of(Long.parseLong(pid))
                            .map(ProcessHandle::isAlive)
                            .orElse(false);
                } catch (NumberFormatException e) {
                    continue;
                }
                if (!alive) {
                    deleteTree(p);
                }
            }
        }
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(q);
            }
        }
    }
}
