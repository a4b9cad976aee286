package org.openphm.analyses.quality;

import static org.openphm.analyses.catalogue.AnalysisTable.Column.bool;
import static org.openphm.analyses.catalogue.AnalysisTable.Column.date;
import static org.openphm.analyses.catalogue.AnalysisTable.Column.integer;
import static org.openphm.analyses.catalogue.AnalysisTable.Column.text;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openphm.analyses.catalogue.Analysis;
import org.openphm.analyses.catalogue.AnalysisContext;
import org.openphm.analyses.catalogue.AnalysisInfo;
import org.openphm.analyses.catalogue.AnalysisTable;
import org.openphm.analyses.icb.IcbProfile;
import org.openphm.engine.Result;
import org.openphm.engine.query.Query;
import org.openphm.model.CanonicalSchema;
import org.openphm.model.results.ChartSpec;

/**
 * DP 6.7: the Board Assurance Framework, scored. Each risk's score is likelihood x consequence on the NHS 5 x 5
 * matrix, graded as the NPSA's risk matrix grades it, set against its target; the register is ordered worst
 * first, and risks the board has not reviewed in the last quarter are flagged.
 */
public final class BoardAssuranceFramework implements Analysis {

    public static final String ID = "dp-6.7-board-assurance-framework";

    /** A BAF is reviewed quarterly: a risk older than this at the register's latest review has been skipped. */
    static final int REVIEW_MONTHS = 3;

    /** NPSA, "A risk matrix for risk managers" (2008): 1-3 low, 4-6 moderate, 8-12 high, 15-25 extreme. */
    static String grade(int score) {
        return score <= 3 ? "Low" : score <= 6 ? "Moderate" : score <= 12 ? "High" : "Extreme";
    }

    record Risk(
            String ref,
            String title,
            String theme,
            String lead,
            int likelihood,
            int consequence,
            Integer targetLikelihood,
            Integer targetConsequence,
            LocalDate reviewed) {

        int score() {
            return likelihood * consequence;
        }

        Integer targetScore() {
            return targetLikelihood == null || targetConsequence == null ? null : targetLikelihood * targetConsequence;
        }

        Integer gap() {
            return targetScore() == null ? null : score() - targetScore();
        }
    }

    @Override
    public AnalysisInfo info() {
        return new AnalysisInfo(
                ID,
                "DP 6.7",
                "Board Assurance Framework risks",
                "The strategic risks on the ICB's Board Assurance Framework with their current and target scores "
                        + "(likelihood x consequence, each 1-5), grade, gap to target and when the board last "
                        + "reviewed them.",
                "Score = likelihood x consequence; grade by the NPSA 5 x 5 risk matrix (1-3 Low, 4-6 Moderate, "
                        + "8-12 High, 15-25 Extreme). Gap = current score - target score. A risk is flagged when "
                        + "its last review is more than " + REVIEW_MONTHS + " months before the most recent review "
                        + "in the register (a BAF is reviewed quarterly). Ordered by score, then gap, then reference.",
                "risk_register (the ICB's BAF; DP 6.7 lists the references and titles).",
                List.of(
                        "The data pack lists the BAF references and titles only; in the synthetic workspace the "
                                + "scores, leads and review dates are invented (synth/src/main/resources/feeds/"
                                + "SOURCES.md), so they illustrate the analysis, not "
                                + IcbProfile.current().shortName()
                                + "'s board's view.",
                        "A register, not a statistic: scores are the board's judgements and carry no confidence "
                                + "interval."),
                List.of(ChartSpec.ofTable(
                        "ranked_table",
                        "BAF risks by current score (likelihood x consequence)",
                        "Worst first; target score alongside",
                        "risks",
                        Map.of(),
                        Map.of("y", "score"),
                        "score")));
    }

    @Override
    public List<AnalysisTable> compute(AnalysisContext context) {
        return tables(read(context.engine()
                .execute(Query.from(CanonicalSchema.RISK_REGISTER)
                        .select(
                                "risk_ref",
                                "title",
                                "theme",
                                "lead",
                                "likelihood",
                                "consequence",
                                "target_likelihood",
                                "target_consequence",
                                "reviewed"))));
    }

    static List<Risk> read(Result r) {
        List<Risk> risks = new ArrayList<>();
        for (int i = 0; i < r.size(); i++) {
            Long tl = r.getLong(i, "target_likelihood");
            Long tc = r.getLong(i, "target_consequence");
            risks.add(new Risk(
                    r.getString(i, "risk_ref"),
                    r.getString(i, "title"),
                    r.getString(i, "theme"),
                    r.getString(i, "lead"),
                    r.getLong(i, "likelihood").intValue(),
                    r.getLong(i, "consequence").intValue(),
                    tl == null ? null : tl.intValue(),
                    tc == null ? null : tc.intValue(),
                    r.getDate(i, "reviewed")));
        }
        return risks;
    }

    static List<AnalysisTable> tables(List<Risk> risks) {
        LocalDate lastReview = risks.stream()
                .map(Risk::reviewed)
                .filter(java.util.Objects::nonNull)
                .max(Comparator.naturalOrder())
                .orElse(null);
        List<Risk> ordered = new ArrayList<>(risks);
        ordered.sort(Comparator.comparingInt(Risk::score)
                .reversed()
                .thenComparing(Risk::gap, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(Risk::ref));
        List<List<Object>> rows = new ArrayList<>();
        Map<String, Integer> byGrade = new LinkedHashMap<>();
        for (String g : List.of("Extreme", "High", "Moderate", "Low")) {
            byGrade.put(g, 0);
        }
        for (Risk k : ordered) {
            Long months = k.reviewed() == null || lastReview == null
                    ? null
                    : ChronoUnit.MONTHS.between(k.reviewed(), lastReview);
            rows.add(Arrays.asList(
                    k.ref(),
                    k.title(),
                    k.theme(),
                    k.lead(),
                    (long) k.likelihood(),
                    (long) k.consequence(),
                    (long) k.score(),
                    grade(k.score()),
                    k.targetScore() == null ? null : (long) k.targetScore(),
                    k.targetScore() == null ? null : grade(k.targetScore()),
                    k.gap() == null ? null : (long) k.gap(),
                    k.reviewed(),
                    months,
                    months == null || months > REVIEW_MONTHS));
            byGrade.merge(grade(k.score()), 1, Integer::sum);
        }
        List<List<Object>> grades = new ArrayList<>();
        byGrade.forEach((g, n) -> grades.add(Arrays.asList(g, (long) n)));
        return List.of(
                Tables.table(
                        "risks",
                        "BAF risks, worst first",
                        List.of(
                                text("risk_ref", "Risk reference"),
                                text("title", "Risk title"),
                                text("theme", "Strategic theme"),
                                text("lead", "Executive lead"),
                                integer("likelihood", "Current likelihood, 1-5"),
                                integer("consequence", "Current consequence, 1-5"),
                                integer("score", "Current score, likelihood x consequence"),
                                text("grade", "NPSA grade of the current score"),
                                integer("target_score", "Target score"),
                                text("target_grade", "NPSA grade of the target"),
                                integer("gap_to_target", "Current score - target score; 0 = at target"),
                                date("reviewed", "Last reviewed by the board"),
                                integer("months_since_review", "Whole months before the register's most recent review"),
                                bool("review_overdue", "Not reviewed in the last quarter (or never)")),
                        rows),
                Tables.table(
                        "by-grade",
                        "Number of BAF risks by grade of current score",
                        List.of(text("grade", "NPSA grade"), integer("risks", "Risks on the BAF")),
                        grades));
    }
}
