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
}
