package org.openphm.server.access;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;

/**
 * The one gate in front of every patient-level list (the dashboard's risk list, phm cohort run --list): the
 * token must belong to a current clinician, and a refusal is written to the audit log before it is reported.
 * Scope (which practice or neighbourhood) is the caller's to check, since only it knows what was asked for.
 */
public final class ClinicianAccess {

    /** Why a request was refused: each caller says it in its own terms (an HTTP status, a command's message). */
    public enum Reason {
        NO_TOKEN,
        INVALID_TOKEN,
        NOT_A_CLINICIAN
    }

    public static final class Refused extends RuntimeException {
        private final Reason reason;

        Refused(Reason reason, String message) {
            super(message);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }

    private final UserStore users;
    private final AuditLog audit;

    public ClinicianAccess(Path workspace) {
        this.users = new UserStore(UserStore.beside(workspace));
        this.audit = new AuditLog(AuditLog.beside(workspace));
    }

    public AuditLog audit() {
        return audit;
    }

    /**
     * The clinician the token belongs to.
     *
     * @param what the request as the audit log records it ("risk list", "cohort list frail-75")
     * @param area the area asked for, or "-"
     * @throws Refused after auditing, when there is no current token or it is not a clinician's
     */
    public UserStore.User require(String token, String what, String area, Instant now) throws IOException {
        boolean none = token == null || token.isBlank();
        UserStore.User user =
                none ? null : users.authenticate(token.trim(), now).orElse(null);
        if (user == null) {
            audit.append(
                    new AuditLog.Access(
                            "(not signed in)",
                            "-",
                            "refused " + what + ": " + (none ? "no token" : "token not valid"),
                            area,
                            0),
                    now);
            throw none
                    ? new Refused(Reason.NO_TOKEN, "no token: an administrator issues one with phm user add")
                    : new Refused(Reason.INVALID_TOKEN, "the token is not valid: it is unknown, expired or revoked");
        }
        if (user.role() != UserStore.Role.CLINICIAN) {
            audit.append(
                    new AuditLog.Access(user.name(), user.role().name(), "refused " + what + ": role", area, 0), now);
            throw new Refused(
                    Reason.NOT_A_CLINICIAN,
                    "patient-level lists are for clinicians caring for the " + "patients (direct care); the role "
                            + user.role() + " sees aggregates only");
        }
        return user;
    }
}
