package org.openphm.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.openphm.analyses.catalogue.AnalysisContext;
import org.openphm.analyses.catalogue.AnalysisTable;
import org.openphm.analyses.indicator.Geography;
import org.openphm.analyses.indicator.Periods;
import org.openphm.analyses.output.TableDisclosure;
import org.openphm.analyses.phm.CheckedFile;
import org.openphm.analyses.phm.CohortAnalysis;
import org.openphm.analyses.phm.CohortDefinition;
import org.openphm.analyses.phm.CohortRun;
import org.openphm.analyses.phm.SegmentRules;
import org.openphm.analyses.risk.RiskModelFile;
import org.openphm.engine.Engine;
import org.openphm.engine.Result;
import org.openphm.engine.duckdb.DuckDbEngine;
import org.openphm.ingest.WorkspaceVersion;
import org.openphm.model.ConsoleProgress;
import org.openphm.model.CsvTableWriter;
import org.openphm.server.access.AuditLog;
import org.openphm.server.access.ClinicianAccess;
import org.openphm.server.access.UserStore;
import org.openphm.stats.sdc.DisclosureRule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code phm cohort run|schema} (issue 13, item 2): run a cohort file against a workspace. Everyone gets the
 * disclosure-controlled attrition, profile and activity tables; only a clinician, with their own token, gets the
 * pseudonymised list of their own practice or neighbourhood, and every such request is audited.
 */
@Command(
        name = "cohort",
        mixinStandardHelpOptions = true,
        description = "Cohorts: a file of inclusion and exclusion criteria on an index date (JSON or YAML, schema "
                + "phm cohort schema). phm cohort run writes the attrition, profile and activity tables (rounded and "
                + "suppressed, publishable) and, for a clinician only, their own patients' list.",
        subcommands = {CohortCommand.Run.class, CohortCommand.Schema.class})
final class CohortCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.out.println("Usage: phm cohort run FILE --workspace W [--out DIR] [--list FILE --token T] | "
                + "phm cohort schema --out DIR");
        return 2;
    }

    @Command(
            name = "run",
            mixinStandardHelpOptions = true,
            description = "Run a cohort file: attrition, profile and activity tables into --out (publishable: counts "
                    + "of 1-7 suppressed, the rest rounded to 5); with --list and a clinician's --token, the "
                    + "pseudonymised list of the clinician's own scope into that file, audited.")
    static final class Run implements Callable<Integer> {
        @Parameters(index = "0", description = "The cohort file (.json, .yaml or .yml)")
        Path file;

        @Option(names = "--workspace", required = true, description = "DuckDB workspace written by phm ingest")
        Path workspace;

        @Option(
                names = "--out",
                defaultValue = "cohort-results",
                description = "Folder for the published tables (default: ${DEFAULT-VALUE})")
        Path out;

        @Option(names = "--segments", description = "Segment rules file (default: OpenPHM's, phm/segments.json)")
        Path segments;

        @Option(
                names = "--list",
                description = "Write the person list of your scope to this file (clinicians only; "
                        + "never inside --out, which is for publishable tables)")
        Path listFile;

        @Option(
                names = "--token",
                description = "Your token from phm user add (or set PHM_TOKEN, which keeps it out "
                        + "of the shell's history)")
        String token;

        @Override
        public Integer call() throws IOException {
            WorkspaceVersion.requireCurrent(workspace);
            ConsoleProgress progress = new ConsoleProgress(System.out);
            long t0 = System.nanoTime();
            CohortDefinition cohort = CohortDefinition.read(file);
            SegmentRules rules = segments == null ? SegmentRules.standard() : SegmentRules.read(segments);
            UserStore.User clinician = listFile == null ? null : clinician();
            CohortAnalysis analysis = new CohortAnalysis(cohort, file, rules);
            Optional<RiskModelFile.Saved> saved = Optional.empty();
            Path modelFile = RiskModelFile.beside(workspace);
            if (Files.exists(modelFile)) {
                saved = Optional.of(RiskModelFile.read(modelFile));
            }
            if (cohort.uses("risk_stratum") && saved.isEmpty()) {
                throw new IllegalArgumentException("the cohort \"" + cohort.name() + "\" uses risk_stratum, but "
                        + workspace + " has no saved risk model: run phm risk train --workspace " + workspace);
            }
            try (Engine engine = DuckDbEngine.open(workspace)) {
                var years = Periods.of(engine);
                LocalDate index = analysis.index(years.get(years.size() - 1).start());
                progress.message("Cohort \"" + cohort.name() + "\" on " + index + ": "
                        + cohort.include().size() + " inclusion and "
                        + cohort.exclude().size() + " exclusion steps");
                DisclosureRule rule = DisclosureRule.nhsDefault();
                AnalysisContext context = new AnalysisContext(
                        engine, Geography.load(engine), years, progress, AnalysisContext.supplying(saved), rule);
                List<AnalysisTable> tables = analysis.compute(context).stream()
                        .map(t -> TableDisclosure.apply(t, rule))
                        .toList();
                CheckedPublish.Published published = CheckedPublish.publish(
                        out,
                        CohortAnalysis.slug(file),
                        analysis,
                        tables,
                        "workspace " + workspace.getFileName(),
                        rule,
                        "cohort");
                List<Path> written = published.files();
                Path dest = published.dir();
                System.out.printf("%nAttrition (published values: counts of 1-7 suppressed, others rounded to 5):%n");
                AnalysisTable attrition = tables.get(0);
                int people = attrition.columnNames().indexOf("people");
                for (List<Object> row : attrition.rows()) {
                    Object n = row.get(people);
                    System.out.printf(
                            "  %2s %-8s %-60s %10s%n",
                            row.get(0),
                            row.get(1),
                            row.get(2),
                            n == null ? "suppressed" : String.format("%,d", ((Number) n).longValue()));
                }
                if (clinician != null) {
                    writeList(
                            engine,
                            cohort,
                            CohortRun.facts(engine, cohort, index, rules, saved.map(RiskModelFile.Saved::model)),
                            clinician);
                }
                System.out.printf(
                        "%nWrote %d publishable files to %s in %.1f s (output check: %d files, no "
                                + "disclosure problems): %s%n",
                        written.size(),
                        dest.toAbsolutePath(),
                        (System.nanoTime() - t0) / 1e9,
                        published.checkedFiles(),
                        String.join(
                                ", ",
                                written.stream()
                                        .map(p -> p.getFileName().toString())
                                        .toList()));
                return 0;
            }
        }

        /** The token's user, who must be a clinician; a refusal is audited before it is reported. */
        private UserStore.User clinician() throws IOException {
            String t = token != null ? token : System.getenv("PHM_TOKEN");
            UserStore.User user;
            try {
                user = new ClinicianAccess(workspace)
                        .require(t, "cohort list " + CohortAnalysis.slug(file), "-", Instant.now());
            } catch (ClinicianAccess.Refused e) {
                throw new IllegalArgumentException(
                        e.reason() == ClinicianAccess.Reason.NO_TOKEN
                                ? "a person list needs your token: --token T or PHM_TOKEN (an administrator issues it with "
                                        + "phm user add)"
                                : e.getMessage());
            }
            Path published = out.toAbsolutePath().normalize();
            if (listFile.toAbsolutePath().normalize().startsWith(published)) {
                throw new IllegalArgumentException("--list " + listFile + " is inside --out " + out + ", the folder "
                        + "of publishable tables; write the list somewhere only you can read");
            }
            return user;
        }

        private void writeList(
                Engine engine, CohortDefinition cohort, org.openphm.engine.query.Query facts, UserStore.User user)
                throws IOException {
            UserStore.Scope scope = user.scope();
            String column = "practice".equals(scope.areaType()) ? "practice_code" : "neighbourhood_code";
            Result r = engine.execute(CohortRun.list(cohort, facts, column, scope.code()));
            Path tmp = listFile.resolveSibling(listFile.getFileName() + ".tmp");
            try (CsvTableWriter w = CsvTableWriter.forSpreadsheets(tmp, r.columns())) {
                for (int i = 0; i < r.size(); i++) {
                    List<Object> row = new ArrayList<>();
                    for (String c : r.columns()) {
                        row.add(r.get(i, c));
                    }
                    w.row(row.toArray());
                }
            }
            Files.move(
                    tmp,
                    listFile,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            new AuditLog(AuditLog.beside(workspace))
                    .append(
                            new AuditLog.Access(
                                    user.name(),
                                    user.role().name(),
                                    "cohort list " + CohortAnalysis.slug(file),
                                    scope.toString(),
                                    r.size()),
                            Instant.now());
            System.out.printf(
                    "%nWrote the list of %s for %s: %,d people%s to %s (pseudonymised; this access is in the "
                            + "audit log).%n",
                    cohort.name(),
                    scope,
                    r.size(),
                    r.size() == CohortRun.MAX_LIST_ROWS ? " (the most a list holds)" : "",
                    listFile.toAbsolutePath());
        }
    }

    @Command(
            name = "schema",
            mixinStandardHelpOptions = true,
            description = "Write the JSON Schemas of cohort files, segment rules and their shared criterion, for "
                    + "editors and other tools to check files against.")
    static final class Schema implements Callable<Integer> {
        @Option(names = "--out", required = true, description = "Folder to write the schemas to")
        Path out;

        @Override
        public Integer call() throws IOException {
            Files.createDirectories(out);
            for (String s : List.of("criterion.schema.json", "segments.schema.json", CohortDefinition.SCHEMA)) {
                Files.writeString(out.resolve(s), CheckedFile.schemaText(s), StandardCharsets.UTF_8);
            }
            System.out.printf(
                    "Wrote cohort.schema.json, segments.schema.json and criterion.schema.json to %s%n",
                    out.toAbsolutePath());
            return 0;
        }
    }
}
