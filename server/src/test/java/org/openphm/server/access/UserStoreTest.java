package org.openphm.server.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Users and tokens (issue 13, item 4): tokens shown once, stored hashed, forged, expired and revoked ones refused. */
class UserStoreTest {
    static final Instant NOW = Instant.parse("2026-12-06T09:00:00Z");

    @Test
    void aTokenSignsInItsUserAndTheFileHoldsOnlyItsHash(@TempDir Path dir) throws Exception {
        UserStore store = new UserStore(UserStore.beside(dir.resolve("phm.duckdb")));
        String token = store.add(
                "dr.lee", UserStore.Role.CLINICIAN, UserStore.Scope.parse("practice:E81001"), NOW.plusSeconds(3600));
        assertTrue(token.startsWith("phm_") && token.length() >= 40, token);
        var user = store.authenticate(token, NOW).orElseThrow();
        assertEquals("dr.lee", user.name());
        assertEquals(new UserStore.Scope("practice", "E81001"), user.scope());
        String file = Files.readString(dir.resolve("phm.users.json"));
        assertFalse(file.contains(token), "the token itself is never stored");
        assertTrue(file.contains(UserStore.hash(token)));
        assertEquals(
                "rw-------",
                PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("phm.users.json"))));
    }

    @Test
    void forgedTamperedExpiredAndRevokedTokensAreRefused(@TempDir Path dir) throws Exception {
        UserStore store = new UserStore(dir.resolve("u.json"));
        String token = store.add("ana", UserStore.Role.ANALYST, null, NOW.plusSeconds(60));
        String other = store.add("adm", UserStore.Role.ADMINISTRATOR, null, NOW.plusSeconds(60));
        assertTrue(store.authenticate("phm_" + "A".repeat(43), NOW).isEmpty(), "forged");
        char last = token.charAt(token.length() - 1);
        assertTrue(
                store.authenticate(token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A'), NOW)
                        .isEmpty(),
                "one character changed");
        assertTrue(store.authenticate("", NOW).isEmpty());
        assertTrue(store.authenticate(null, NOW).isEmpty());
        assertTrue(store.authenticate(token, NOW.plusSeconds(60)).isEmpty(), "expired at its expiry instant");
        assertTrue(store.revoke("ana"));
        assertTrue(store.authenticate(token, NOW).isEmpty(), "revoked");
        assertEquals("adm", store.authenticate(other, NOW).orElseThrow().name(), "others still sign in");
        assertFalse(store.revoke("ana"));
    }

    @Test
    void rolesAndScopesAreChecked(@TempDir Path dir) {
        UserStore store = new UserStore(dir.resolve("u.json"));
        var noScope = assertThrows(
                IllegalArgumentException.class, () -> store.add("gp", UserStore.Role.CLINICIAN, null, NOW));
        assertTrue(noScope.getMessage().contains("a clinician needs a scope"));
        assertThrows(
                IllegalArgumentException.class,
                () -> store.add("an", UserStore.Role.ANALYST, UserStore.Scope.parse("neighbourhood:N1"), NOW));
        var badScope = assertThrows(IllegalArgumentException.class, () -> UserStore.Scope.parse("pcn:U1; drop"));
        assertTrue(badScope.getMessage().contains("practice:<code> or neighbourhood:<code>"));
        assertThrows(IllegalArgumentException.class, () -> store.add("a b", UserStore.Role.ANALYST, null, NOW));
        // neighbourhood codes are data (the synthetic BLMK's are BLMK-N01 ...): a hyphen inside is allowed
        org.junit.jupiter.api.Assertions.assertEquals(
                "BLMK-N01", UserStore.Scope.parse("neighbourhood:BLMK-N01").code());
        assertThrows(IllegalArgumentException.class, () -> UserStore.Scope.parse("neighbourhood:-N01"));
    }
}
