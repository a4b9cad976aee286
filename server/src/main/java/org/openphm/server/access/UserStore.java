package org.openphm.server.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.openphm.model.WorkspaceLayout;

/**
 * The users who may read more than the published aggregates (issue 13, item 4), kept beside the workspace in
 * {@code <workspace>.users.json} (owner read/write only). A user gets a random 256-bit token once, at
 * {@code phm user add}; only its SHA-256 is stored, so the file cannot be used to sign in. A token this long needs no
 * slow hash: guessing one is 2^256 work whatever the hash costs (passwords, which are guessable, would need Argon2 or
 * bcrypt; there are none). Tokens expire, and a revoked user's token stops working at once.
 */
public final class UserStore {
    /** What a user may see: aggregates, unsuppressed analyst outputs, patient-level lists in scope, everything. */
    public enum Role {
        ANALYST,
        CLINICIAN,
        ADMINISTRATOR
    }

    /**
     * A clinician's scope: the one practice or neighbourhood whose patients they care for. Analysts and
     * administrators have none.
     */
    public record Scope(String areaType, String code) {
        static final Pattern FORM = Pattern.compile("(practice|neighbourhood):([A-Za-z0-9][A-Za-z0-9-]{0,19})");

        public static Scope parse(String text) {
            var m = FORM.matcher(text == null ? "" : text);
            if (!m.matches()) {
                throw new IllegalArgumentException(
                        "scope must be practice:<code> or neighbourhood:<code>, got '" + text + "'");
            }
            return new Scope(m.group(1), m.group(2));
        }

        @Override
        public String toString() {
            return areaType + ":" + code;
        }
    }

    public record User(String name, Role role, Scope scope, Instant expires, String tokenHash) {
        public boolean expired(Instant now) {
            return !now.isBefore(expires);
        }
    }

    static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;

    public UserStore(Path file) {
        this.file = file;
    }

    public static Path beside(Path workspace) {
        return WorkspaceLayout.companion(workspace, ".users.json");
    }

    /** Adds a user and returns their token: the only time it exists in clear. */
    public synchronized String add(String name, Role role, Scope scope, Instant expires) throws IOException {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a user name is 1-64 letters, digits or . _ @ -");
        }
        if ((role == Role.CLINICIAN) != (scope != null)) {
            throw new IllegalArgumentException(
                    role == Role.CLINICIAN
                            ? "a clinician needs a scope: --scope practice:<code> or neighbourhood:<code>"
                            : "only a clinician has a scope");
        }
        List<User> users = new ArrayList<>(users());
        if (users.stream().anyMatch(u -> u.name().equals(name))) {
            throw new IllegalArgumentException("user " + name + " exists: revoke them first to issue a new token");
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = "phm_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        users.add(new User(name, role, scope, expires, hash(token)));
        write(users);
        return token;
    }

    /** Removes a user; their token stops working. False when there was no such user. */
    public synchronized boolean revoke(String name) throws IOException {
        List<User> users = new ArrayList<>(users());
        boolean removed = users.removeIf(u -> u.name().equals(name));
        if (removed) {
            write(users);
        }
        return removed;
    }

    /** The user a token belongs to, if it is known and not expired. */
    public Optional<User> authenticate(String token, Instant now) throws IOException {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        byte[] presented = hash(token).getBytes(StandardCharsets.US_ASCII);
        User match = null;
        for (User u : users()) {
            // compare every stored hash in constant time, so timing says nothing about which one is near
            if (MessageDigest.isEqual(presented, u.tokenHash().getBytes(StandardCharsets.US_ASCII))) {
                match = u;
            }
        }
        return match == null || match.expired(now) ? Optional.empty() : Optional.of(match);
    }

    public List<User> users() throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<User> out = new ArrayList<>();
        JsonNode root = JSON.readTree(file.toFile());
        for (JsonNode u : root.path("users")) {
            String scope = u.path("scope").asText(null);
            out.add(new User(
                    u.path("name").asText(),
                    Role.valueOf(u.path("role").asText()),
                    scope == null ? null : Scope.parse(scope),
                    Instant.parse(u.path("expires").asText()),
                    u.path("token_sha256").asText()));
        }
        return out;
    }

    private void write(List<User> users) throws IOException {
        var root = JSON.createObjectNode();
        ArrayNode list = root.putArray("users");
        for (User u : users) {
            var node =
                    list.addObject().put("name", u.name()).put("role", u.role().name());
            if (u.scope() != null) {
                node.put("scope", u.scope().toString());
            }
            node.put("expires", u.expires().toString()).put("token_sha256", u.tokenHash());
        }
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temp);
        try {
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(temp);
        }
        Files.writeString(temp, JSON.writeValueAsString(root) + "\n");
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }
}
