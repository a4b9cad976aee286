package org.openphm.cli;

import org.openphm.model.ConsoleProgress;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.openphm.analyses.build.Build;
import org.openphm.analyses.build.BuildReport;
import org.openphm.engine.Engine;
import org.openphm.engine.duckdb.DuckDbEngine;
import org.openphm.publish.pack.PackSummary;
import org.openphm.publish.pack.PackWriter;
import org.openphm.stats.sdc.DisclosureRule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Compute every indicator and analysis of the data pack from a workspace into DIR/results, "
                + "and the printed pack into DIR/pack.")
final class BuildCommand implements Callable<Integer> {

    @Option(names = "--workspace", required = true, description = "DuckDB workspace written by phm ingest")
    Path workspace;

    @Option(names = "--out", required = true, description = "Output folder (results/ and pack/ are written in it)")
    Path out;

    @Option(names = "--analyst-outputs", description = "Also write unsuppressed results to DIR/analyst/results "
            + "(for analysts only: not for publication)")
    boolean analystOutputs;

    @Option(names = "--suppress-at-or-below", defaultValue = "7",
            description = "Disclosure control: counts from 1 to this are suppressed (default ${DEFAULT-VALUE})")
    int suppressAtOrBelow;

    @Option(names = "--round-to", defaultValue = "5",
            description = "Disclosure control: published counts are rounded to a multiple of this (default ${DEFAULT-VALUE})")
    int roundTo;

    @Option(names = "--no-pack", description = "Skip the HTML and PDF pack")
    boolean noPack;

    @Override
    public Integer call() throws Exception {
        return run(workspace, out, analystOutputs, new DisclosureRule(suppressAtOrBelow, roundTo, false), !noPack,
                "workspace " + workspace.getFileName());
    }

    static int run(Path workspace, Path out, boolean analystOutputs, DisclosureRule rule, boolean pack,
                   String population) throws Exception {
        WorkspaceVersion.requireCurrent(workspace);
        ConsoleProgress progress = new ConsoleProgress(System.out);
        Build.Summary summary;
        try (Engine engine = DuckDbEngine.open(workspace)) {
            summary = Build.run(engine, new Build.Options(out, null, analystOutputs, rule, population), progress);
        }
        BuildReport.print(summary, System.out);
        if (pack) {
            PackSummary p = PackWriter.write(out, progress);
            System.out.printf("Pack: %s and %s (%d sections, %d charts%s)%n", p.html().toAbsolutePath(),
                    p.pdf().toAbsolutePath(), p.sections(), p.charts(),
                    p.chartProblems() > 0 ? ", " + p.chartProblems() + " chart problems shown in the pack" : "");
        }
        return 0;
    }
}
