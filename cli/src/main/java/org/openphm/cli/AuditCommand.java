package org.openphm.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.openphm.server.access.AuditLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code phm audit verify}: checks the hash chain of the patient-level access log (issue 13, item 4). */
@Command(
        name = "audit",
        mixinStandardHelpOptions = true,
        description = "The audit log of patient-level access: phm audit verify checks its hash chain.",
        subcommands = AuditCommand.Verify.class)
final class AuditCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.out.println("Usage: phm audit verify --workspace W (or --log FILE)");
        return 2;
    }

    @Command(
            name = "verify",
            mixinStandardHelpOptions = true,
            description = "Walk the log's hash chain: an edited, deleted, inserted or reordered entry breaks it at "
                    + "its line. Entries cut off the end leave a shorter valid chain: compare the head it prints "
                    + "with a copy kept elsewhere (--expect-head).")
    static final class Verify implements Callable<Integer> {
        @Option(names = "--workspace", description = "The workspace whose log (<workspace>.audit.jsonl) to check")
        Path workspace;

        @Option(names = "--log", description = "The log file itself")
        Path log;

        @Option(names = "--expect-head", description = "The head hash recorded earlier: the log must still reach it")
        String expectHead;

        @Override
        public Integer call() throws Exception {
            if ((workspace == null) == (log == null)) {
                throw new IllegalArgumentException("give either --workspace W or --log FILE");
            }
            Path file = log != null ? log : AuditLog.beside(workspace);
            AuditLog.Verification v = AuditLog.verify(file);
            if (!v.intact()) {
                System.out.printf(
                        "Audit log %s is BROKEN at line %d: %s. The %d entries before it chain.%n",
                        file.toAbsolutePath(), v.brokenLine(), v.problem(), v.entries());
                return 1;
            }
            if (expectHead != null && !expectHead.equals(v.head())) {
                System.out.printf(
                        "Audit log %s chains (%d entries) but does not end at the expected head %s: "
                                + "entries were cut off the end or the log was replaced.%n",
                        file.toAbsolutePath(), v.entries(), expectHead);
                return 1;
            }
            System.out.printf(
                    "Audit log %s is intact: %d entries; head %s%n(keep the head elsewhere: a later "
                            + "phm audit verify --expect-head detects entries cut off the end)%n",
                    file.toAbsolutePath(), v.entries(), v.head());
            return 0;
        }
    }
}
