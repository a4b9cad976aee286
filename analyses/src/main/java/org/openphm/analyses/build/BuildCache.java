package org.openphm.analyses.build;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.openphm.engine.Engine;
import org.openphm.engine.query.Query;
import org.openphm.model.WorkspaceLayout;

/**
 * The results of each step of earlier builds (an indicator family's cells for a year, an analysis's tables), kept
 * with what they were computed from, so that a build recomputes only the steps whose inputs or code changed and
 * an interrupted build resumes where it stopped.
 *
 * <p>A step's inputs are recorded as it runs ({@link InputRecordingEngine}): the workspace tables its queries
 * read, each known by the content fingerprint the ingest wrote ({@link WorkspaceLayout#contentKey}), plus its
 * settings (the build's options and the files it was given beyond the workspace) and the code's digest
 * ({@link CodeVersion}). A step is reused when all of them are as they were: the same code reading the same
 * tables reads the same tables again, so tables it did not read cannot matter.
 *
 * <p>Each entry is a folder written aside and then renamed into place, so a build killed at any moment leaves
 * whole entries only, and at most the step in progress is lost. Entries hold unsuppressed aggregates, as the
 * analyst outputs do: the folder is readable by its owner only and is never published.
 */
final class BuildCache {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ENTRY = "entry.json";
    private static final String WRITING = ".writing-";

    private final Path dir;
    private final boolean reuse;
    private final String code;
    private final Map<String, String> fingerprints;

    /**
     * @param step     "Family/2024-25" or an analysis id
     * @param code     the digest of the code that computed it
     * @param settings what else it was computed with, besides the tables (years, rule, supplied files)
     * @param inputs   each table it read, with its content fingerprint then
     */
    record Entry(String step, String code, String settings, Map<String, String> inputs) {}

    /** Writes a step's results into the folder of its new entry. */
    @FunctionalInterface
    interface Payload {
        void write(Path entry) throws IOException;
    }

    private BuildCache(Path dir, boolean reuse, String code, Map<String, String> fingerprints) {
        this.dir = dir;
        this.reuse = reuse;
        this.code = code;
        this.fingerprints = Map.copyOf(fingerprints);
    }

    /**
     * The cache in {@code dir} for a build on this workspace, or none when the workspace does not say what its
     * tables hold (written by an ingest older than content fingerprints, or not by phm ingest at all: a Spark
     * build's Parquet tables): every step is then computed.
     *
     * @param reuse false to compute every step (and refresh the cache), as {@code phm build --rebuild}
     */
    static Optional<BuildCache> open(Path dir, boolean reuse, Engine workspace) throws IOException {
        Map<String, String> fingerprints = contentFingerprints(workspace);
        if (fingerprints.isEmpty()) {
            return Optional.empty();
        }
        createPrivate(dir);
        Path readme = dir.resolve("README.txt");
        if (!Files.exists(readme)) {
            Files.writeString(
                    readme,
                    "Results of each step of earlier phm builds, reused by the next build when their inputs and "
                            + "code are unchanged.\nUnsuppressed aggregates, for this machine only: never publish "
                            + "or share this folder. Delete it (or build with --rebuild) to compute everything.\n");
        }
        Path steps = dir.resolve("steps");
        Files.createDirectories(steps);
        // entries a killed build was writing are incomplete by construction
        try (var children = Files.list(steps)) {
            for (Path p : children.filter(p -> p.getFileName().toString().startsWith(WRITING))
                    .toList()) {
                deleteTree(p);
            }
        }
        return Optional.of(new BuildCache(dir, reuse, CodeVersion.of(workspace.getClass()), fingerprints));
    }

    Path dir() {
        return dir;
    }

    /**
     * The folder of the step's entry when it can be reused: computed by this code with these settings from
     * tables whose content is as it was then.
     */
    Optional<Path> reusable(String step, String settings) {
        if (!reuse) {
            return Optional.empty();
        }
        Path entryDir = entryDir(step);
        Path file = entryDir.resolve(ENTRY);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Entry entry;
        try {
            entry = JSON.readValue(file.toFile(), Entry.class);
        } catch (IOException e) {
            return Optional.empty(); // unreadable: computed again, and replaced
        }
        boolean current = entry.step().equals(step)
                && entry.code().equals(code)
                && entry.settings().equals(settings)
                && entry.inputs().entrySet().stream()
                        .allMatch(in -> in.getValue().equals(fingerprints.get(in.getKey())));
        return current ? Optional.of(entryDir) : Optional.empty();
    }

    /**
     * Keeps a step's results with what they were computed from. A step that read a table without a content
     * fingerprint (not a canonical table of the workspace) is not kept: nothing could tell when it changed.
     *
     * @return whether the step was kept
     */
    boolean store(String step, String settings, Set<String> tablesRead, Payload payload) throws IOException {
        Map<String, String> inputs = new TreeMap<>();
        for (String table : tablesRead) {
            String fingerprint = fingerprints.get(table);
            if (fingerprint == null) {
                return false;
            }
            inputs.put(table, fingerprint);
        }
        Path target = entryDir(step);
        Path writing = Files.createTempDirectory(target.getParent(), WRITING);
        try {
            payload.write(writing);
            JSON.writerWithDefaultPrettyPrinter()
                    .writeValue(writing.resolve(ENTRY).toFile(), new Entry(step, code, settings, inputs));
            deleteTree(target);
            try {
                Files.move(writing, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException e) {
                deleteTree(target);
                Files.move(writing, target, StandardCopyOption.ATOMIC_MOVE);
            }
        } finally {
            deleteTree(writing);
        }
        return true;
    }

    /** Each step with a whole entry and the tables it was computed from, in step order. */
    static Map<String, Set<String>> inputsByStep(Path dir) throws IOException {
        Path steps = dir.resolve("steps");
        Map<String, Set<String>> out = new TreeMap<>();
        if (!Files.isDirectory(steps)) {
            return out;
        }
        try (var children = Files.list(steps)) {
            for (Path p : children.filter(p -> !p.getFileName().toString().startsWith(WRITING))
                    .toList()) {
                Path file = p.resolve(ENTRY);
                if (Files.isRegularFile(file)) {
                    Entry entry = JSON.readValue(file.toFile(), Entry.class);
                    out.put(entry.step(), new java.util.TreeSet<>(entry.inputs().keySet()));
                }
            }
        }
        return out;
    }

    /** The steps with a whole entry, whatever their inputs. */
    static List<String> steps(Path dir) throws IOException {
        return List.copyOf(inputsByStep(dir).keySet());
    }

    /** A folder name per step: readable where it can be, and never two steps in one. */
    private Path entryDir(String step) {
        String readable = step.replaceAll("[^A-Za-z0-9._-]", "_");
        return dir.resolve("steps").resolve(readable + "-" + digest(step).substring(0, 8));
    }

    /** The content fingerprint of each canonical table, from the workspace's meta table; none when it has none. */
    private static Map<String, String> contentFingerprints(Engine workspace) {
        Map<String, String> out = new LinkedHashMap<>();
        try {
            var rows = workspace
                    .execute(Query.Source.of(WorkspaceLayout.META_TABLE, "key", "value"))
                    .rows();
            for (List<Object> row : rows) {
                String key = String.valueOf(row.get(0));
                if (key.startsWith(WorkspaceLayout.META_CONTENT_PREFIX) && row.get(1) != null) {
                    out.put(
                            key.substring(WorkspaceLayout.META_CONTENT_PREFIX.length()),
                            row.get(1).toString());
                }
            }
        } catch (RuntimeException noMetaTable) {
            return Map.of();
        }
        return out;
    }

    /** SHA-256 of the text, in hex. */
    static String digest(String text) {
        return digest(text.getBytes(StandardCharsets.UTF_8));
    }

    static String digest(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The folder, readable and writable by its owner only where the file system has POSIX permissions. */
    private static void createPrivate(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir);
        }
        try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the folder inherits the output folder's access list
        }
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (var walk = Files.walk(p)) {
            for (Path f : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
