package org.openphm.server.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.openphm.model.WorkspaceLayout;

/**
 * The audit log of patient-level access (issue 13, item 4): one JSON line per access (who, role, what, scope, how
 * many rows, when), append-only and hash-chained. Each entry carries the SHA-256 of the previous entry's hash and
 * its own fields, so editing, deleting or reordering any entry breaks the chain at that line, which
 * {@link #verify} finds. Cutting entries off the end leaves a valid shorter chain: that is caught by comparing
 * the head (the last hash, which {@link #verify} prints) with a copy kept elsewhere.
 *
 * <p>An entry records identifiers of users, scopes and requests, never of patients: a count of rows, not the rows.
 * Appends from several threads or processes are serialised by a file lock, and each is forced to disk before the
 * lock is released, so an access is never served unrecorded.
 */
public final class AuditLog {
    /** The hash the first entry chains from. */
    static final String GENESIS = "0".repeat(64);

    private static final ObjectMapper JSON = new ObjectMapper();
    /** File locks exclude other processes; within this JVM appends queue here (a second lock would throw). */
    private static final Object APPENDING = new Object();

    private static final List<String> FIELDS =
            List.of("seq", "time", "user", "role", "action", "scope", "rows", "previous");

    private final Path file;

    public AuditLog(Path file) {
        this.file = file;
    }

    /** Where a workspace's log lives: {@code phm.duckdb} keeps {@code phm.audit.jsonl} beside it. */
    public static Path beside(Path workspace) {
        return WorkspaceLayout.companion(workspace, ".audit.jsonl");
    }

    /** One access: the user and role that made it, the action and scope (e.g. a cohort in a neighbourhood), rows served. */
    public record Access(String user, String role, String action, String scope, long rows) {}

    /** Appends an entry and returns its hash (the new head). */
    public String append(Access access, Instant time) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        synchronized (APPENDING) {
            return appendLocked(access, time);
        }
    }

    private String appendLocked(Access access, Instant time) throws IOException {
        try (FileChannel channel = FileChannel.open(
                        file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
                FileLock lock = channel.lock()) {
            Head head = head(channel);
            ObjectNode entry = JSON.createObjectNode();
            entry.put("seq", head.seq() + 1);
            entry.put("time", time.toString());
            entry.put("user", access.user());
            entry.put("role", access.role());
            entry.put("action", access.action());
            entry.put("scope", access.scope());
            entry.put("rows", access.rows());
            entry.put("previous", head.hash());
            String hash = hash(entry);
            entry.put("hash", hash);
            channel.position(channel.size());
            channel.write(ByteBuffer.wrap((JSON.writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8)));
            channel.force(true);
            return hash;
        }
    }

    private record Head(long seq, String hash) {}

    /** The last entry's sequence number and hash, read under the caller's lock. */
    private static Head head(FileChannel channel) throws IOException {
        long size = channel.size();
        if (size == 0) {
            return new Head(0, GENESIS);
        }
        // the last line: read back from the end until the newline before it
        long start = size - 1;
        ByteBuffer one = ByteBuffer.allocate(1);
        while (start > 0) {
            one.clear();
            channel.read(one, start - 1);
            if (one.get(0) == '\n') {
                break;
            }
            start--;
        }
        ByteBuffer line = ByteBuffer.allocate((int) (size - start));
        channel.read(line, start);
        JsonNode last = JSON.readTree(new String(line.array(), StandardCharsets.UTF_8).trim());
        return new Head(last.path("seq").asLong(), last.path("hash").asText());
    }

    /** What {@link #verify} found: the entries that chain, the head, and the first broken line with why. */
    public record Verification(long entries, String head, Long brokenLine, String problem) {
        public boolean intact() {
            return brokenLine == null;
        }
    }

    /** Walks the chain from the first entry; stops at the first line that does not follow from the one before. */
    public static Verification verify(Path file) throws IOException {
        if (!Files.exists(file)) {
            return new Verification(0, GENESIS, null, null);
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        String previous = GENESIS;
        long seq = 0;
        for (int i = 0; i < lines.size(); i++) {
            long line = i + 1;
            JsonNode entry;
            try {
                entry = JSON.readTree(lines.get(i));
            } catch (IOException e) {
                return new Verification(seq, previous, line, "not a complete JSON entry (cut off or edited)");
            }
            if (entry == null || !entry.isObject() || !entry.has("hash")) {
                return new Verification(seq, previous, line, "not an audit entry");
            }
            if (entry.path("seq").asLong() != seq + 1) {
                return new Verification(
                        seq,
                        previous,
                        line,
                        "sequence " + entry.path("seq").asText() + " where " + (seq + 1)
                                + " was due: an entry was deleted, inserted or moved");
            }
            if (!previous.equals(entry.path("previous").asText())) {
                return new Verification(
                        seq,
                        previous,
                        line,
                        "does not chain from the entry before it: an entry " + "was deleted, inserted or moved");
            }
            String hash = hash((ObjectNode) entry);
            if (!hash.equals(entry.path("hash").asText())) {
                return new Verification(
                        seq, previous, line, "its content does not match its hash: the entry was edited");
            }
            previous = hash;
            seq++;
        }
        return new Verification(seq, previous, null, null);
    }

    /** SHA-256 of the entry's fields in a fixed order, as compact JSON (the hash field excluded). */
    private static String hash(ObjectNode entry) throws IOException {
        ObjectNode canonical = JSON.createObjectNode();
        for (String f : FIELDS) {
            canonical.set(
                    f, entry.hasNonNull(f) ? entry.get(f) : com.fasterxml.jackson.databind.node.NullNode.getInstance());
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(JSON.writeValueAsBytes(canonical));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }
}
