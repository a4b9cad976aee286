package org.openphm.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.openphm.analyses.catalogue.AnalysisTable;
import org.openphm.analyses.impact.CaseForChangeClaims;
import org.openphm.analyses.impact.ImpactAnalysis;
import org.openphm.analyses.impact.ImpactBaseline;
import org.openphm.analyses.impact.ImpactModel;
import org.openphm.analyses.impact.ImpactResult;
import org.openphm.analyses.impact.ImpactTables;
import org.openphm.analyses.impact.Outcome;
import org.openphm.analyses.impact.Scenario;
import org.openphm.analyses.impact.ScenarioTemplate;
import org.openphm.analyses.output.TableDisclosure;
import org.openphm.analyses.phm.CheckedFile;
import org.openphm.analyses.phm.CohortAnalysis;
import org.openphm.engine.Engine;
import org.openphm.engine.duckdb.DuckDbEngine;
import org.openphm.ingest.WorkspaceVersion;
import org.openphm.model.ConsoleProgress;
import org.openphm.stats.sdc.DisclosureRule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code phm scenario new|run|schema} (issue 12): write a scenario template, run a scenario against a workspace
 * (tables published as a build publishes them), or write the scenario file's JSON Schema.
 */
@Command(
        name = "scenario",
        mixinStandardHelpOptions = true,
        description = "Impact modelling to 2043: demand, beds, staff and cost as is and under a scenario, with "
                + "Monte Carlo intervals and a waterfall of what moves them.",
        subcommands = {ScenarioCommand.New.class, ScenarioCommand.Run.class, ScenarioCommand.Schema.class})
final class ScenarioCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.out.println("Usage: phm scenario new FILE | phm scenario run FILE --workspace W [--out DIR] | "
                + "phm scenario schema --out DIR");
        return 2;
    }

    @Command(
            name = "new",
            mixinStandardHelpOptions = true,
            description = "Write a commented scenario template (YAML) with every parameter at its default.")
    static final class New implements Callable<Integer> {
        @Parameters(index = "0", description = "The file to write (.yaml)")
        Path file;

        @Option(names = "--name", defaultValue = "My scenario", description = "The scenario's name")
        String name;

        @Override
        public Integer call() throws IOException {
            if (Files.exists(file)) {
                throw new IllegalArgumentException(file + " exists; give a new file name (nothing was overwritten)");
            }
            Files.writeString(file, ScenarioTemplate.text(name), StandardCharsets.UTF_8);
            System.out.printf(
                    "Wrote the scenario template %s: edit it, then run phm scenario run %s --workspace W%n",
                    file.toAbsolutePath(), file);
            return 0;
        }
    }

    @Command(
            name = "run",
            mixinStandardHelpOptions = true,
            description = "Run a scenario file against a workspace: activity, beds, staff and cost by year and Place "
                    + "(p10/p50/p90), the waterfall, inequalities and the Case for Change's claims, into "
                    + "--out/<scenario>/ after the output check passes them.")
    static final class Run implements Callable<Integer> {
        @Parameters(index = "0", description = "The scenario file (.yaml, .yml or .json)")
        Path file;

        @Option(names = "--workspace", required = true, description = "DuckDB workspace written by phm ingest")
        Path workspace;

        @Option(
                names = "--out",
                defaultValue = "scenario-results",
                description = "Folder for the published tables (default: ${DEFAULT-VALUE})")
        Path out;

        @Option(names = "--runs", description = "Monte Carlo runs (default: the file's, else 256)")
        Integer runs;

        @Override
        public Integer call() throws IOException {
            WorkspaceVersion.requireCurrent(workspace);
            long t0 = System.nanoTime();
            Scenario scenario = Scenario.read(file);
            if (runs != null) {
                scenario = scenario.withRuns(runs);
            }
            ConsoleProgress progress = new ConsoleProgress(System.out);
            progress.message("Scenario \"" + scenario.name() + "\": " + scenario.baseline() + " to "
                    + scenario.horizon() + ", " + scenario.runs() + " runs");
            try (Engine engine = DuckDbEngine.open(workspace)) {
                ImpactBaseline baseline = ImpactBaseline.of(engine, scenario, s -> progress.message("Reading " + s));
                long t1 = System.nanoTime();
                ImpactResult result = ImpactModel.run(baseline, scenario);
                double modelSeconds = (System.nanoTime() - t1) / 1e9;
                DisclosureRule rule = DisclosureRule.nhsDefault();
                List<AnalysisTable> tables = ImpactTables.all(result, rule).stream()
                        .map(t -> TableDisclosure.apply(t, rule))
                        .toList();
                String slug = CohortAnalysis.slug(file);
                ImpactAnalysis analysis = new ImpactAnalysis(scenario, "imp-14.3-" + slug, "IMP 14.3", c -> baseline);
                CheckedPublish.Published published = CheckedPublish.publish(
                        out, slug, analysis, tables, "workspace " + workspace.getFileName(), rule, "scenario");
                summary(result, rule);
                System.out.printf(
                        "%nModel: %d runs in %.1f s. Wrote %d publishable files to %s in %.1f s in all "
                                + "(output check: %d files, no disclosure problems): %s%n",
                        result.runs(),
                        modelSeconds,
                        published.files().size(),
                        published.dir().toAbsolutePath(),
                        (System.nanoTime() - t0) / 1e9,
                        published.checkedFiles(),
                        String.join(
                                ", ",
                                published.files().stream()
                                        .map(p -> p.getFileName().toString())
                                        .toList()));
                return 0;
            }
        }

        /**
         * The ICB's main outcomes on the console, which people not authorised to see the workspace may read: counts
         * ({@link Outcome#count()}) as the published tables give them, under the count rule.
         */
        private static void summary(ImpactResult r, DisclosureRule rule) {
            System.out.printf(
                    "%n%-64s %-8s %-36s %-36s%n",
                    "ICB", "year", "as is: p50 (p10 to p90)", "scenario: p50 (p10 to p90)");
            for (Outcome o : List.of(
                    Outcome.POPULATION,
                    Outcome.EMERGENCY_ADMISSIONS,
                    Outcome.BED_DAYS,
                    Outcome.BEDS,
                    Outcome.COMMUNITY_REFERRALS,
                    Outcome.MENTAL_HEALTH_REFERRALS,
                    Outcome.WTE,
                    Outcome.COST_CASH)) {
                List<Integer> years = new java.util.ArrayList<>(List.of(0));
                years.addAll(r.reportIndex());
                for (int t : years) {
                    System.out.printf(
                            "%-64s %-8s %-36s %-36s%n",
                            o.label(),
                            r.years().get(t),
                            spread(r.spread(r.icb(), o, t, false), o, rule),
                            spread(r.spread(r.icb(), o, t, true), o, rule));
                }
            }
            System.out.printf(
                    "(Counts rounded to the nearest %d; %s: a count of 1-%d, not shown.)%n",
                    rule.roundTo(), SUPPRESSED, rule.suppressAtOrBelow());
            System.out.printf("%nThe Case for Change's claims:%n");
            for (CaseForChangeClaims.Claim c : CaseForChangeClaims.evaluate(r)) {
                System.out.printf(
                        "  %-62s %-28s seed %s; ours %s%n",
                        c.claim(),
                        c.verdict(),
                        fmt(c.seedValue()),
                        Double.isNaN(c.p50()) ? "-" : fmt(c.p50()) + " (" + fmt(c.p10()) + " to " + fmt(c.p90()) + ")");
            }
        }

        private static final String SUPPRESSED = "*";

        private static String spread(ImpactResult.Spread s, Outcome o, DisclosureRule rule) {
            return fmt(s.p50(), o, rule) + " (" + fmt(s.p10(), o, rule) + " to " + fmt(s.p90(), o, rule) + ")";
        }

        /** A count as published ({@link TableDisclosure#count}): rounded to the rule's base, or suppressed. */
        private static String fmt(double v, Outcome o, DisclosureRule rule) {
            if (!o.count() || Double.isNaN(v)) {
                return fmt(v);
            }
            Long published = TableDisclosure.count(v, rule);
            return published == null ? SUPPRESSED : String.format("%,d", published);
        }

        private static String fmt(double v) {
            if (Double.isNaN(v)) {
                return "-";
            }
            if (Math.abs(v) >= 1e7) {
                return String.format("£%,.0fm", v / 1e6).replace("£-", "-£");
            }
            return Math.abs(v) >= 100 ? String.format("%,.0f", v) : String.format("%,.1f", v);
        }
    }

    @Command(
            name = "schema",
            mixinStandardHelpOptions = true,
            description = "Write the JSON Schema of scenario files, for editors and other tools.")
    static final class Schema implements Callable<Integer> {
        @Option(names = "--out", required = true, description = "Folder to write the schema to")
        Path out;

        @Override
        public Integer call() throws IOException {
            Files.createDirectories(out);
            Path f = out.resolve("scenario.schema.json");
            Files.writeString(f, CheckedFile.schemaText(Scenario.SCHEMA), StandardCharsets.UTF_8);
            System.out.printf("Wrote %s%n", f.toAbsolutePath());
            return 0;
        }
    }
}
