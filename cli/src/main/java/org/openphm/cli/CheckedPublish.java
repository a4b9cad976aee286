package org.openphm.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.openphm.analyses.build.Build;
import org.openphm.analyses.catalogue.Analysis;
import org.openphm.analyses.catalogue.AnalysisTable;
import org.openphm.outputcheck.OutputCheck;
import org.openphm.stats.sdc.DisclosureRule;

/**
 * Publishes one analysis outside a build ({@code phm cohort run}, {@code phm scenario run}) the way a build
 * publishes: written aside, checked by the independent output check, then moved into place whole. Tables that
 * fail the check publish nothing, and what was there before stays.
 */
final class CheckedPublish {
    private CheckedPublish() {}

    record Published(Path dir, List<Path> files, int checkedFiles) {}

    static Published publish(
            Path out,
            String name,
            Analysis analysis,
            List<AnalysisTable> tables,
            String population,
            DisclosureRule rule,
            String what)
            throws IOException {
        Path dest = out.resolve(name);
        Path staging = out.resolve("." + name + ".staging");
        deleteTree(staging);
        List<Path> written = Build.publishAlone(staging, analysis, tables, population, rule);
        OutputCheck.Report check = OutputCheck.check(staging);
        if (!check.passed()) {
            deleteTree(staging);
            throw new IllegalStateException(
                    "the output check found " + check.findings().size()
                            + " disclosure problems in the " + what + "'s tables (first: "
                            + check.findings().get(0)
                            + "); nothing was published");
        }
        deleteTree(dest);
        Files.move(staging, dest, StandardCopyOption.ATOMIC_MOVE);
        return new Published(
                dest,
                written.stream().map(p -> dest.resolve(staging.relativize(p))).toList(),
                check.files());
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
