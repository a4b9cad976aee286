package org.openphm.outputcheck;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;

/**
 * Publishing a build: it is written to a staging folder beside the output, checked there, and only then moved
 * into place. A build that fails the check publishes nothing: the output folder keeps what it had, and the
 * rejected files go to the analyst folder (which the dashboard and pack never read) for the analyst to inspect.
 */
public final class Release {
    private Release() {}

    /** The staging folder of an output folder. */
    public static Path staging(Path out) {
        return out.resolve(".staging");
    }

    /** Where a rejected build is kept. */
    public static Path rejected(Path out) {
        return out.resolve(OutputCheck.ANALYST).resolve("rejected");
    }

    /** Empties the staging folder left by an interrupted build and returns it. */
    public static Path prepare(Path out) throws IOException {
        Path staging = staging(out);
        delete(staging);
        return Files.createDirectories(staging);
    }

    /**
     * Checks the staging folder and, when it passes, moves each of its folders (results, pack, analyst) into the
     * output folder, replacing what was there.
     *
     * @throws Rejected when the check finds anything: nothing was published
     */
    public static OutputCheck.Report publish(Path out) throws IOException {
        Path staging = staging(out);
        OutputCheck.Report report = OutputCheck.check(staging);
        if (!report.passed()) {
            Path rejected = rejected(out);
            delete(rejected);
            Files.createDirectories(rejected.getParent());
            Files.move(staging, rejected, StandardCopyOption.ATOMIC_MOVE);
            throw new Rejected(report, rejected);
        }
        try (var children = Files.list(staging)) {
            for (Path child : children.toList()) {
                Path target = out.resolve(child.getFileName());
                if (child.getFileName().toString().equals(OutputCheck.ANALYST)) {
                    // Only the analyst folders this build wrote are replaced; earlier rejected builds are kept.
                    Files.createDirectories(target);
                    try (var analyst = Files.list(child)) {
                        for (Path a : analyst.toList()) {
                            replace(a, target.resolve(a.getFileName()));
                        }
                    }
                } else {
                    replace(child, target);
                }
            }
        }
        delete(staging);
        return report;
    }

    private static void replace(Path from, Path to) throws IOException {
        delete(to);
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    }

    /** One line per rule with its count, then the first findings, each naming file, row and rule. */
    public static void print(OutputCheck.Report report, PrintStream out, int limit) {
        out.printf(
                "Output check of %s: %d files, %s%n",
                report.dir(),
                report.files(),
                report.passed() ? "no disclosure problems" : report.findings().size() + " problems");
        for (Map.Entry<Rule, Long> e : report.byRule().entrySet()) {
            out.printf(
                    "  %-20s %,8d  %s%n",
                    e.getKey().code(), e.getValue(), e.getKey().meaning());
        }
        List<Finding> findings = report.findings();
        for (int i = 0; i < Math.min(limit, findings.size()); i++) {
            out.println("  " + findings.get(i));
        }
        if (findings.size() > limit) {
            out.printf("  ... and %,d more%n", findings.size() - limit);
        }
    }

    /** The check found problems; nothing was published. */
    public static final class Rejected extends IOException {
        private final transient OutputCheck.Report report;
        private final Path kept;

        Rejected(OutputCheck.Report report, Path kept) {
            super(report.findings().size() + " disclosure problems in the build (" + summary(report) + "): nothing "
                    + "was published; the rejected files are in " + kept + " for analysts only. Fix the analysis "
                    + "or its column declarations, then build again.");
            this.report = report;
            this.kept = kept;
        }

        public OutputCheck.Report report() {
            return report;
        }

        public Path kept() {
            return kept;
        }

        private static String summary(OutputCheck.Report report) {
            StringBuilder s = new StringBuilder();
            report.byRule()
                    .forEach((rule, n) -> s.append(s.length() == 0 ? "" : ", ")
                            .append(n)
                            .append(' ')
                            .append(rule.code()));
            Finding first = report.findings().get(0);
            return s + "; first: " + first;
        }
    }

    static void delete(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        Files.walkFileTree(p, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
