package org.openphm.analyses.build;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A digest of the code a build runs: the class folders or jars that hold OpenPHM's modules (one fat jar when
 * installed), every byte of them. Any change of code makes every cached step stale: simpler and safer than
 * working out which step a change affects. The other libraries are named by file (a version is in a jar's name)
 * rather than read whole, since reading Spark's jars would take longer than many a step it saves.
 */
final class CodeVersion {
    private CodeVersion() {}

    private static final java.util.Map<Class<?>, String> BY_ENGINE = new java.util.concurrent.ConcurrentHashMap<>();

    /** The digest of the running code with the engine's, computed once per process. */
    static String of(Class<?> engineClass) {
        return BY_ENGINE.computeIfAbsent(engineClass, CodeVersion::compute);
    }

    private static String compute(Class<?> engineClass) {
        Set<Path> ours = new TreeSet<>();
        for (Class<?> c : List.of(
                Build.class,
                org.openphm.engine.Engine.class,
                org.openphm.model.CanonicalSchema.class,
                org.openphm.stats.sdc.DisclosureRule.class)) {
            location(c).ifPresent(ours::add);
        }
        location(engineClass).ifPresent(ours::add);
        MessageDigest digest = sha256();
        for (Path p : ours) {
            digest.update(("code " + p.getFileName() + "\n").getBytes(StandardCharsets.UTF_8));
            addTree(digest, p);
        }
        for (String entry : System.getProperty("java.class.path", "").split(java.io.File.pathSeparator)) {
            if (!entry.isBlank()
                    && !ours.contains(Path.of(entry).toAbsolutePath().normalize())) {
                digest.update(("library " + Path.of(entry).getFileName() + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static java.util.Optional<Path> location(Class<?> c) {
        CodeSource source = c.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(
                    Path.of(source.getLocation().toURI()).toAbsolutePath().normalize());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    /** Every file of a folder (path and bytes, in path order), or a jar's bytes. */
    private static void addTree(MessageDigest digest, Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                digest.update(
                        (root.relativize(f).toString().replace('\\', '/') + "\n").getBytes(StandardCharsets.UTF_8));
                try (InputStream in = new DigestInputStream(Files.newInputStream(f), digest)) {
                    in.transferTo(java.io.OutputStream.nullOutputStream());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the code in " + root, e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
