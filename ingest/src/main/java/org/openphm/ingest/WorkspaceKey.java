package org.openphm.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The workspace secret used to pseudonymise NHS numbers. It lives in {@code <workspace>.key} next to the
 * DuckDB file (owner read/write only), never inside it: whoever holds the workspace alone cannot reverse or
 * re-compute pseudonyms. Created once; losing it means new pseudonyms that no longer link to old outputs.
 */
record WorkspaceKey(byte[] secret) {

    static Path fileFor(Path workspace) {
        return workspace.resolveSibling(workspace.getFileName() + ".key");
    }

    /** Reads the key, or creates it (256 random bits, mode 600) if it does not exist yet. */
    static WorkspaceKey loadOrCreate(Path keyFile) throws IOException {
        if (Files.exists(keyFile)) {
            return load(keyFile);
        }
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        Files.createDirectories(keyFile.toAbsolutePath().getParent());
        try {
            Files.createFile(
                    keyFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(keyFile); // not a POSIX file system: rely on the directory's protection
        } catch (FileAlreadyExistsException e) {
            return load(keyFile); // another ingest created it first
        }
        Files.writeString(keyFile, HexFormat.of().formatHex(secret) + "\n", StandardCharsets.US_ASCII);
        return new WorkspaceKey(secret);
    }

    static WorkspaceKey load(Path keyFile) throws IOException {
        String hex = Files.readString(keyFile, StandardCharsets.US_ASCII).trim();
        try {
            byte[] secret = HexFormat.of().parseHex(hex);
            if (secret.length < 16) {
                throw new IllegalArgumentException("too short");
            }
            return new WorkspaceKey(secret);
        } catch (IllegalArgumentException e) {
            throw new IOException(keyFile + " is not a workspace key (expected hex digits): " + e.getMessage());
        }
    }

    /** A public identifier of the key, recorded in _meta so a re-ingest can tell if the key was swapped. */
    String fingerprint() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("openphm-workspace-key-id:".getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(sha.digest(secret)).substring(0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
