package org.openphm.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.openphm.server.access.UserStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code phm user add|revoke|list}: who may read beyond the published aggregates (issue 13, item 4). */
@Command(
        name = "user",
        mixinStandardHelpOptions = true,
        description = "Users who may read more than the published aggregates: analysts (unsuppressed outputs), "
                + "clinicians (patient-level lists for their own practice or neighbourhood) and administrators. "
                + "Tokens are shown once and stored only as hashes, beside the workspace.",
        subcommands = {UserCommand.Add.class, UserCommand.Revoke.class, UserCommand.ListUsers.class})
final class UserCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.out.println("Usage: phm user add|revoke|list --workspace W (phm user --help for each)");
        return 2;
    }

    static final class Store {
        @Option(names = "--workspace", required = true, description = "The workspace the users may read")
        Path workspace;

        UserStore open() {
            return new UserStore(UserStore.beside(workspace));
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a user and print their token once.")
    static final class Add implements Callable<Integer> {
        @Mixin
        Store store;

        @Option(names = "--user", required = true, description = "User name (letters, digits, . _ @ -)")
        String user;

        @Option(names = "--role", required = true, description = "ANALYST, CLINICIAN or ADMINISTRATOR")
        UserStore.Role role;

        @Option(names = "--scope", description = "A clinician's practice:<code> or neighbourhood:<code>")
        String scope;

        @Option(
                names = "--days",
                defaultValue = "90",
                description = "Days until the token expires (default ${DEFAULT-VALUE})")
        int days;

        @Override
        public Integer call() throws Exception {
            if (days < 1 || days > 366) {
                throw new IllegalArgumentException("--days must be 1 to 366");
            }
            Instant expires = Instant.now().plus(Duration.ofDays(days));
            String token = store.open().add(user, role, scope == null ? null : UserStore.Scope.parse(scope), expires);
            System.out.printf(
                    "Added %s (%s%s), token valid until %s:%n  %s%nGive it to them over a secure channel: "
                            + "it is not stored and cannot be shown again (phm user revoke, then add, to replace it).%n",
                    user, role, scope == null ? "" : ", " + scope, expires, token);
            return 0;
        }
    }

    @Command(
            name = "revoke",
            mixinStandardHelpOptions = true,
            description = "Remove a user: their token stops working.")
    static final class Revoke implements Callable<Integer> {
        @Mixin
        Store store;

        @Option(names = "--user", required = true, description = "User name")
        String user;

        @Override
        public Integer call() throws Exception {
            if (!store.open().revoke(user)) {
                throw new IllegalArgumentException("no user " + user + " (phm user list shows them)");
            }
            System.out.println("Revoked " + user + ": their token no longer signs in.");
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List users, roles, scopes and expiry.")
    static final class ListUsers implements Callable<Integer> {
        @Mixin
        Store store;

        @Override
        public Integer call() throws Exception {
            var users = store.open().users();
            Instant now = Instant.now();
            for (UserStore.User u : users) {
                System.out.printf(
                        "  %-24s %-13s %-26s %s%s%n",
                        u.name(),
                        u.role(),
                        u.scope() == null ? "-" : u.scope(),
                        u.expires(),
                        u.expired(now) ? " (expired)" : "");
            }
            System.out.printf(
                    "%d users in %s%n",
                    users.size(), UserStore.beside(store.workspace).toAbsolutePath());
            return 0;
        }
    }
}
