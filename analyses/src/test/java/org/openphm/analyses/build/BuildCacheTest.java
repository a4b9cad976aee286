package org.openphm.analyses.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openphm.engine.duckdb.DuckDbEngine;

/** When a kept step may be reused, on hand-made workspaces whose meta table says what their tables hold. */
class BuildCacheTest {
    @TempDir
    Path dir;

    private Path workspace(String name, Map<String, String> meta) throws Exception {
        Path ws = dir.resolve(name + ".duckdb");
        Files.deleteIfExists(ws);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + ws);
                Statement st = c.createStatement()) {
            if (meta != null) {
                st.execute("CREATE TABLE _meta (key VARCHAR PRIMARY KEY, value VARCHAR)");
                for (Map.Entry<String, String> e : meta.entrySet()) {
                    st.execute("INSERT INTO _meta VALUES ('" + e.getKey() + "', '" + e.getValue() + "')");
                }
            }
        }
        return ws;
    }

    private Optional<BuildCache> open(Path ws, boolean reuse) throws Exception {
        try (DuckDbEngine engine = DuckDbEngine.open(ws)) {
            return BuildCache.open(dir.resolve("cache"), reuse, engine);
        }
    }

    private static boolean keep(BuildCache cache, String step, String settings, Set<String> read) throws Exception {
        return cache.store(step, settings, read, entry -> Files.writeString(entry.resolve("result.txt"), step));
    }

    @Test
    void aWorkspaceThatDoesNotSayWhatItsTablesHoldHasNoCache() throws Exception {
        assertTrue(open(workspace("old", Map.of("schema_version", "7")), true).isEmpty());
        assertTrue(open(workspace("bare", null), true).isEmpty());
    }

    @Test
    void aStepIsReusedWhileTheTablesItReadItsSettingsAndTheCodeAreUnchanged() throws Exception {
        Path ws = workspace("ws", Map.of("content.spell", "s1", "content.detention", "d1"));
        BuildCache cache = open(ws, true).orElseThrow();
        assertTrue(keep(cache, "Spells/2024/25", "year=2024/25", Set.of("spell")));
        Optional<Path> entry = cache.reusable("Spells/2024/25", "year=2024/25");
        assertTrue(entry.isPresent());
        assertEquals("Spells/2024/25", Files.readString(entry.get().resolve("result.txt")));
        assertEquals(Map.of("Spells/2024/25", Set.of("spell")), BuildCache.inputsByStep(dir.resolve("cache")));

        assertTrue(cache.reusable("Spells/2024/25", "year=2023/24").isEmpty(), "other settings");
        assertTrue(cache.reusable("Spells/2023/24", "year=2024/25").isEmpty(), "another step");

        // a table it did not read changes: still reused; the table it read changes: computed again
        Path detentionChanged = workspace("ws", Map.of("content.spell", "s1", "content.detention", "d2"));
        assertTrue(open(detentionChanged, true)
                .orElseThrow()
                .reusable("Spells/2024/25", "year=2024/25")
                .isPresent());
        Path spellChanged = workspace("ws", Map.of("content.spell", "s2", "content.detention", "d2"));
        assertTrue(open(spellChanged, true)
                .orElseThrow()
                .reusable("Spells/2024/25", "year=2024/25")
                .isEmpty());
        // --rebuild reuses nothing
        assertTrue(open(detentionChanged, false)
                .orElseThrow()
                .reusable("Spells/2024/25", "year=2024/25")
                .isEmpty());
    }

    @Test
    void aStepThatReadATableWithoutFingerprintIsNotKept() throws Exception {
        BuildCache cache =
                open(workspace("ws", Map.of("content.spell", "s1")), true).orElseThrow();
        assertFalse(keep(cache, "odd", "", Set.of("spell", "_quarantine")));
        assertTrue(cache.reusable("odd", "").isEmpty());
        assertEquals(Map.of(), BuildCache.inputsByStep(dir.resolve("cache")));
    }

    @Test
    void aDamagedOrHalfWrittenEntryIsComputedAgain() throws Exception {
        Path ws = workspace("ws", Map.of("content.spell", "s1"));
        BuildCache cache = open(ws, true).orElseThrow();
        keep(cache, "a", "", Set.of("spell"));
        Path entry = cache.reusable("a", "").orElseThrow();
        Files.writeString(entry.resolve("entry.json"), "{\"step\": \"a\", \"co");
        assertTrue(cache.reusable("a", "").isEmpty());

        // what a build killed while writing an entry leaves is removed when the next build opens the cache
        Path halfWritten = Files.createDirectory(dir.resolve("cache/steps/.writing-123"));
        Files.writeString(halfWritten.resolve("entry.json"), "{}");
        open(ws, true).orElseThrow();
        assertFalse(Files.exists(halfWritten));
    }

    @Test
    void theCacheIsTheOwnersAlone() throws Exception {
        open(workspace("ws", Map.of("content.spell", "s1")), true).orElseThrow();
        assertEquals(
                "rwx------",
                java.nio.file.attribute.PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(dir.resolve("cache"))));
    }
}
