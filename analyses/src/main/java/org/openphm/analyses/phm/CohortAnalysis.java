package org.openphm.analyses.phm;

import static org.openphm.analyses.catalogue.AnalysisTable.Column.text;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.openphm.analyses.catalogue.Analysis;
import org.openphm.analyses.catalogue.AnalysisContext;
import org.openphm.analyses.catalogue.AnalysisInfo;
import org.openphm.analyses.catalogue.AnalysisTable;
import org.openphm.analyses.risk.RiskModel;
import org.openphm.analyses.risk.RiskModelFile;
import org.openphm.model.results.ChartSpec;

/**
 * A saved cohort (issue 13, items 2 and 5) published with the pack: its attrition, profile and activity, as
 * aggregates that pass the same disclosure control and output check as every analysis, and so appear in the
 * pack and the dashboard's Population health management section. Never its person list.
 */
public final class CohortAnalysis implements Analysis {
    private final CohortDefinition cohort;
    private final String slug;
    private final String file;
    private final SegmentRules rules;

    public CohortAnalysis(CohortDefinition cohort, Path file) {
        this(cohort, file, SegmentRules.standard());
    }

    public CohortAnalysis(CohortDefinition cohort, Path file, SegmentRules rules) {
        this.cohort = cohort;
        this.rules = rules;
        this.file = file.getFileName().toString();
        this.slug = slug(file);
    }

    /** A file's name as an id: lower case, words joined by hyphens. */
    public static String slug(Path file) {
        String name = file.getFileName().toString().replaceFirst("\\.(json|ya?ml)$", "");
        String s = name.toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-|-$)", "");
        return s.isEmpty() ? "cohort" : s;
    }

    @Override
    public AnalysisInfo info() {
        String steps = java.util.stream.Stream.concat(
                        cohort.include().stream()
                                .map(s -> "include " + s.label() + " ("
                                        + s.criterion().describe() + ")"),
                        cohort.exclude().stream()
                                .map(s -> "exclude " + s.label() + " ("
                                        + s.criterion().describe() + ")"))
                .collect(Collectors.joining("; "));
        return new AnalysisInfo(
                "phm-13.3-cohort-" + slug,
                "PHM 13.3",
                "Cohort: " + cohort.name(),
                cohort.description(),
                "Everyone registered on "
                        + cohort.indexDate().map(LocalDate::toString).orElse("the start of the latest year")
                        + ", then in turn: " + steps + ".",
                "Cohort file " + file + " (phm cohort run runs it on its own; schema: phm cohort schema)",
                List.of("A saved cohort is published as aggregates only; the person list goes to a clinician of the "
                        + "patients' own practice or neighbourhood (phm cohort run --list), and each such access is "
                        + "audited."),
                List.of(
                        ChartSpec.ofTable(
                                "table",
                                "Attrition: the people left after each step",
                                null,
                                "attrition",
                                Map.of(),
                                Map.of(),
                                null),
                        ChartSpec.ofTable(
                                "bar_ci",
                                "Who is in the cohort, by age group",
                                null,
                                "profile",
                                Map.of("dimension", "Age group"),
                                Map.of("x", "group", "y", "share_pct"),
                                "%"),
                        ChartSpec.ofTable("table", "Who is in the cohort", null, "profile", Map.of(), Map.of(), null),
                        ChartSpec.ofTable(
                                "table",
                                "Their activity in the 12 months before",
                                null,
                                "activity",
                                Map.of(),
                                Map.of(),
                                null)));
    }

    /** The index date on a workspace whose latest year starts on {@code latestStart}. */
    public LocalDate index(LocalDate latestStart) {
        return cohort.indexDate().orElse(latestStart);
    }

    @Override
    public List<AnalysisTable> compute(AnalysisContext context) {
        LocalDate index = index(context.latestYear().start());
        Optional<RiskModel.Model> model =
                context.supplied(RiskModelFile.Saved.class).map(RiskModelFile.Saved::model);
        if (cohort.uses("risk_stratum") && model.isEmpty()) {
            return List.of(new AnalysisTable(
                    "attrition",
                    "Not computed",
                    List.of(text("note", "Why")),
                    List.<List<Object>>of(Arrays.asList("Not computed: the cohort uses risk_stratum and the workspace "
                            + "has no saved risk model (phm risk train)"))));
        }
        context.progress().message("cohort " + slug + " on " + index);
        var facts = CohortRun.facts(context.engine(), cohort, index, rules, model);
        return List.of(
                CohortRun.attritionTable(CohortRun.attrition(context.engine(), cohort, facts), index),
                CohortRun.profile(context.engine(), cohort, facts),
                CohortRun.activity(context.engine(), cohort, facts));
    }
}
