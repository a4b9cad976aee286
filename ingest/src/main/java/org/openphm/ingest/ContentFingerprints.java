package org.openphm.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openphm.model.CanonicalSchema;
import org.openphm.model.Table;
import org.openphm.model.WorkspaceLayout;

/**
 * The content fingerprint of each canonical table (meta key {@code content.<table>}): a digest of everything the
 * ingest derived its rows from, so that {@code phm build} can tell which tables a re-ingest left as they were
 * without scanning them. A table's rows depend on more than its own file: rows are quarantined against the date
 * of the ingest, pseudonymised with the workspace key, and checked against the parent tables their references
 * point to (an orphan or an event after death is dropped), so a parent's fingerprint is part of its children's.
 */
final class ContentFingerprints {
    private ContentFingerprints() {}

    /** The facts of the ingest that shape every table's rows. */
    private static final List<String> SHARED =
            List.of(WorkspaceLayout.META_SCHEMA_VERSION, "as_of", "identifiers", "key_id", "source_format");

    /**
     * @param meta the ingest's meta values so far: its shared facts and each loaded table's
     *             {@code file.<table>.sha256} and {@code .rows}
     * @return the meta entries to add, one per canonical table, tables without a file included
     */
    static Map<String, String> of(Map<String, String> meta) {
        Map<String, String> fingerprints = new LinkedHashMap<>();
        // CanonicalSchema.TABLES is the load order, parents first: each parent's fingerprint is known in time.
        for (Table t : CanonicalSchema.TABLES) {
            StringBuilder facts = new StringBuilder();
            for (String key : SHARED) {
                facts.append(key).append('=').append(meta.get(key)).append('\n');
            }
            for (String key : List.of("file." + t.name() + ".sha256", "file." + t.name() + ".rows")) {
                facts.append(key).append('=').append(meta.get(key)).append('\n');
            }
            for (Table parent : parents(t)) {
                String p = fingerprints.get(WorkspaceLayout.contentKey(parent.name()));
                if (p == null) {
                    throw new IllegalStateException(parent.name() + " is loaded after its child " + t.name());
                }
                facts.append("parent.")
                        .append(parent.name())
                        .append('=')
                        .append(p)
                        .append('\n');
            }
            fingerprints.put(WorkspaceLayout.contentKey(t.name()), sha256(facts.toString()));
        }
        return fingerprints;
    }

    /** The tables whose rows decide which of this table's rows are kept (RelationalChecks, DateRules). */
    private static List<Table> parents(Table t) {
        java.util.Set<Table> parents = new java.util.LinkedHashSet<>();
        RelationalChecks.referencesOf(t).forEach(r -> parents.add(r.parent()));
        DateRules.EVENTS_IN_LIFE.stream()
                .filter(e -> e.table().equals(t))
                .forEach(e -> parents.add(CanonicalSchema.PATIENT));
        return List.copyOf(parents);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
