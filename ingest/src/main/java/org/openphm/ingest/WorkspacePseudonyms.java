package org.openphm.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * The pseudonyms a workspace gave NHS numbers at ingest, for a file joined to the workspace afterwards without
 * being ingested (the risk model's ceiling, issue 11). Uses the workspace's own key, so the person_ids match;
 * an invalid number is refused with the reason, never echoed.
 */
public final class WorkspacePseudonyms {
    private WorkspacePseudonyms() {}

    public static UnaryOperator<String> of(Path workspace) throws IOException {
        Path keyFile = WorkspaceKey.fileFor(workspace);
        if (!Files.exists(keyFile)) {
            throw new IOException("no workspace key " + keyFile + ": the workspace was loaded with person_id columns "
                    + "(then the file must carry person_id too) or its key was moved away from it");
        }
        return withKey(keyFile);
    }

    /**
     * The pseudonyms of a workspace's key file (W.key) alone: what a practice holding the key and its own
     * patients' NHS numbers needs to find them on a list (phm reidentify), without the workspace.
     */
    public static UnaryOperator<String> withKey(Path keyFile) throws IOException {
        if (!Files.exists(keyFile)) {
            throw new IOException("no key file " + keyFile);
        }
        Pseudonymiser pseudonymiser = new Pseudonymiser(WorkspaceKey.load(keyFile));
        return raw -> {
            String digits = NhsNumber.normalise(raw);
            String problem = NhsNumber.problem(digits);
            if (problem != null) {
                throw new IllegalArgumentException(problem);
            }
            return pseudonymiser.personId(digits);
        };
    }

    /**
     * For an adapter writing canonical files from a standard format: pseudonyms under the workspace's key
     * (created if the workspace has none yet), so an NHS number gets the pseudonym a CSV ingest would give it,
     * and a source that has no NHS number (US Synthea, many OMOP extracts) gets a keyed pseudonym of its own
     * identifier, namespaced so two sources cannot collide: the source identifier never reaches the workspace.
     */
    public static Adapter forAdapter(Path workspace) throws IOException {
        return new Adapter(new Pseudonymiser(WorkspaceKey.loadOrCreate(WorkspaceKey.fileFor(workspace))));
    }

    /** Pseudonyms for one adapter run. Not thread-safe. */
    public static final class Adapter {
        private final Pseudonymiser pseudonymiser;

        private Adapter(Pseudonymiser pseudonymiser) {
            this.pseudonymiser = pseudonymiser;
        }

        /** The pseudonym of a raw NHS number, or null with {@code problem[0]} set to why it is refused. */
        public String nhsNumber(String raw, String[] problem) {
            String digits = NhsNumber.normalise(raw);
            problem[0] = NhsNumber.problem(digits);
            return problem[0] == null ? pseudonymiser.personId(digits) : null;
        }

        /** The pseudonym of a source's own person identifier, e.g. namespace {@code omop}, id {@code 17}. */
        public String sourceId(String namespace, String id) {
            return pseudonymiser.personId(namespace + ":" + id);
        }
    }
}
