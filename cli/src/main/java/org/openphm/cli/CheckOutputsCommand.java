package org.openphm.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.openphm.outputcheck.OutputCheck;
import org.openphm.outputcheck.Release;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "check-outputs",
        mixinStandardHelpOptions = true,
        description = {
            "Check every published file of a build (results/ and pack/; not analyst/) for disclosure: "
                    + "counts of 1-7, unrounded counts, hidden counts that a margin gives back, values that give an exact "
                    + "count back, NHS numbers and pseudonyms, identifier columns, spreadsheet formulas, undeclared files "
                    + "and columns. phm build runs it before publishing.",
            "Exit codes: 0 nothing found, 1 problems found (each named by file, row, column and rule)."
        })
final class CheckOutputsCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "The folder phm build wrote (or its results/ folder)")
    Path dir;

    @Option(
            names = "--show",
            defaultValue = "50",
            description = "Problems to list (default ${DEFAULT-VALUE}); all are counted")
    int show;

    @Override
    public Integer call() throws Exception {
        OutputCheck.Report report = OutputCheck.check(dir);
        Release.print(report, System.out, show);
        return report.passed() ? 0 : 1;
    }
}
