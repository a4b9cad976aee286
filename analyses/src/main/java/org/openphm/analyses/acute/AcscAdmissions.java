package org.openphm.analyses.acute;

import static org.openphm.analyses.acute.Change.integer;
import static org.openphm.analyses.acute.Change.number;
import static org.openphm.analyses.acute.Change.text;
import static org.openphm.analyses.catalogue.AnalysisTable.Column.count;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.openphm.analyses.catalogue.Analysis;
import org.openphm.analyses.catalogue.AnalysisContext;
import org.openphm.analyses.catalogue.AnalysisInfo;
import org.openphm.analyses.catalogue.AnalysisTable;
import org.openphm.analyses.icb.IcbProfile;
import org.openphm.analyses.indicator.Geography;
import org.openphm.analyses.output.Percentages;
import org.openphm.model.AreaType;
import org.openphm.model.Totals;
import org.openphm.model.results.ChartSpec;

/**
 * DP 8.4: ACSC emergency admissions in BLMK, their share of emergency admissions, change on the previous
 * year, the groups and diagnoses, and the share with no procedure — for the ICB and every Place, all ages,
 * adults and children (the Place/cohort pages DP 8.5, 8.6, 8.8 and 8.9 read the same tables).
 */
public final class AcscAdmissions implements Analysis {

    public static final String ID = "dp-8.4-acsc-admissions";

    private final AcscClassification acsc;

    public AcscAdmissions(AcscClassification acsc) {
        this.acsc = acsc;
    }

    @Override
    public AnalysisInfo info() {
        return new AnalysisInfo(
                ID,
                "DP 8.4",
                "Ambulatory care sensitive conditions: emergency admissions",
                AcscText.DEFINITION,
                AcscText.METHOD,
                AcscText.SOURCE,
                AcscText.CAVEATS,
                List.of(
                        ChartSpec.ofTable(
                                "trend",
                                "ACSC emergency admissions by year",
                                "ICB and Places, all ages",
                                "by-area",
                                Map.of("cohort", Totals.ALL_AGES),
                                Map.of("x", "year", "y", "acsc_admissions", "series", "area_name"),
                                ""),
                        ChartSpec.ofTable(
                                "ranked_table",
                                "ACSC emergency admissions by group, latest year",
                                IcbProfile.current().icbLabel() + ", all ages",
                                "by-group",
                                Map.of(
                                        "area_type",
                                        AreaType.ICB.label(),
                                        "cohort",
                                        Totals.ALL_AGES,
                                        "period_role",
                                        PeriodRole.LATEST),
                                Map.of("y", "admissions"),
                                ""),
                        ChartSpec.ofTable(
                                "ranked_table",
                                "Top ACSC diagnoses, latest year",
                                IcbProfile.current().icbLabel() + ", all ages",
                                "by-condition",
                                Map.of(
                                        "area_type",
                                        AreaType.ICB.label(),
                                        "cohort",
                                        Totals.ALL_AGES,
                                        "period_role",
                                        PeriodRole.LATEST),
                                Map.of("y", "admissions"),
                                ""),
                        ChartSpec.ofTable(
                                "table",
                                "ACSC admissions with no procedure, latest year",
                                IcbProfile.current().icbLabel() + ", all ages, by group",
                                "by-group",
                                Map.of(
                                        "area_type",
                                        AreaType.ICB.label(),
                                        "cohort",
                                        Totals.ALL_AGES,
                                        "period_role",
                                        PeriodRole.LATEST),
                                Map.of(),
                                "%")));
    }

    @Override
    public List<AnalysisTable> compute(AnalysisContext context) {
        AcscCounts counts = AcscCounts.compute(context, acsc);
        return List.of(byArea(context, counts), byGroup(context, counts), byCondition(context, counts));
    }

    static AnalysisTable byArea(AnalysisContext context, AcscCounts counts) {
        List<List<Object>> rows = new ArrayList<>();
        for (AcscCounts.Cell c : sorted(counts.totals())) {
            Geography.Area area = context.geography().area(c.areaCode());
            Double before = counts.previous(c).map(p -> (double) p.acsc()).orElse(null);
            rows.add(Arrays.asList(
                    c.year(),
                    PeriodRole.of(context, c.year()),
                    c.areaCode(),
                    area.name(),
                    area.type().label(),
                    c.cohort(),
                    c.acsc(),
                    c.emergency(),
                    Percentages.share(c.acsc(), c.emergency()),
                    before == null ? null : before.longValue(),
                    Percentages.change(c.acsc(), before),
                    c.noProcedure(),
                    Percentages.share(c.noProcedure(), c.acsc())));
        }
        return new AnalysisTable(
                "by-area",
                "ACSC emergency admissions by year, area and cohort",
                List.of(
                        text("year", "Financial year of admission"),
                        text("period_role", PeriodRole.DESCRIPTION),
                        text("area_code", "ICB or Place code"),
                        text("area_name", "Area name"),
                        text("area_type", "ICB or Place"),
                        text("cohort", "All ages, Adults (18+) or Children (under 18)"),
                        count("acsc_admissions", "ACSC emergency admissions"),
                        count("emergency_admissions", "All emergency admissions of the cohort"),
                        AnalysisTable.Column.derived(
                                "acsc_share_pct",
                                "ACSC admissions as a percentage of emergency admissions",
                                new AnalysisTable.Ratio("acsc_admissions", "emergency_admissions", 100)),
                        count("previous_year_acsc_admissions", "ACSC emergency admissions in the previous year"),
                        AnalysisTable.Column.derived(
                                "change_pct",
                                "Percentage change on the previous year",
                                new AnalysisTable.PercentChange("acsc_admissions", "previous_year_acsc_admissions")),
                        count("no_procedure", "ACSC admissions with no procedure in the spell"),
                        AnalysisTable.Column.derived(
                                "no_procedure_pct",
                                "Percentage of ACSC admissions with no procedure",
                                new AnalysisTable.Ratio("no_procedure", "acsc_admissions", 100))),
                rows);
    }

    static AnalysisTable byGroup(AnalysisContext context, AcscCounts counts) {
        Map<String, Long> totals =
                counts.totals().stream().collect(Collectors.toMap(AcscCounts.Cell::cohortKey, AcscCounts.Cell::acsc));
        List<List<Object>> rows = new ArrayList<>();
        List<AcscCounts.Cell> cells = ranked(counts.byGroup());
        for (AcscCounts.Cell c : cells) {
            Geography.Area area = context.geography().area(c.areaCode());
            Double before = counts.previous(c).map(p -> (double) p.acsc()).orElse(null);
            rows.add(Arrays.asList(
                    c.year(),
                    PeriodRole.of(context, c.year()),
                    c.areaCode(),
                    area.name(),
                    area.type().label(),
                    c.cohort(),
                    c.group(),
                    c.acsc(),
                    Percentages.share(c.acsc(), totals.getOrDefault(c.cohortKey(), 0L)),
                    Percentages.change(c.acsc(), before),
                    c.noProcedure(),
                    Percentages.share(c.noProcedure(), c.acsc()),
                    (long) rank(cells, c)));
        }
        return new AnalysisTable(
                "by-group",
                "ACSC emergency admissions by CCG OIS 2.6 group",
                List.of(
                        text("year", "Financial year of admission"),
                        text("period_role", PeriodRole.DESCRIPTION),
                        text("area_code", "ICB or Place code"),
                        text("area_name", "Area name"),
                        text("area_type", "ICB or Place"),
                        text("cohort", "All ages, Adults or Children"),
                        text("acsc_group", "CCG OIS 2.6 Appendix 2 group"),
                        count("admissions", "ACSC emergency admissions"),
                        AnalysisTable.Column.derived(
                                "share_of_acsc_pct",
                                "Percentage of the cohort's ACSC admissions",
                                new AnalysisTable.ShareOfTotal(
                                        "admissions", java.util.List.of("year", "area_code", "cohort"), 100)),
                        number("change_pct", "Percentage change on the previous year"),
                        count("no_procedure", "Admissions with no procedure"),
                        AnalysisTable.Column.derived(
                                "no_procedure_pct",
                                "Percentage with no procedure",
                                new AnalysisTable.Ratio("no_procedure", "admissions", 100)),
                        integer("rank", "1 = the most frequent group in the area, cohort and year")),
                rows);
    }

    static AnalysisTable byCondition(AnalysisContext context, AcscCounts counts) {
        List<List<Object>> rows = new ArrayList<>();
        List<AcscCounts.Cell> cells = ranked(counts.byCondition());
        for (AcscCounts.Cell c : cells) {
            Geography.Area area = context.geography().area(c.areaCode());
            Double before = counts.previous(c).map(p -> (double) p.acsc()).orElse(null);
            rows.add(Arrays.asList(
                    c.year(),
                    PeriodRole.of(context, c.year()),
                    c.areaCode(),
                    area.name(),
                    area.type().label(),
                    c.cohort(),
                    c.group(),
                    c.condition(),
                    c.acsc(),
                    Percentages.change(c.acsc(), before),
                    (long) rank(cells, c)));
        }
        return new AnalysisTable(
                "by-condition",
                "ACSC emergency admissions by condition (diagnosis)",
                List.of(
                        text("year", "Financial year of admission"),
                        text("period_role", PeriodRole.DESCRIPTION),
                        text("area_code", "ICB or Place code"),
                        text("area_name", "Area name"),
                        text("area_type", "ICB or Place"),
                        text("cohort", "All ages, Adults or Children"),
                        text("acsc_group", "CCG OIS 2.6 group"),
                        text("condition", "CCG OIS 2.6 condition"),
                        count("admissions", "ACSC emergency admissions"),
                        number("change_pct", "Percentage change on the previous year"),
                        integer("rank", "1 = the most frequent condition in the area, cohort and year")),
                rows);
    }

    /** Year, then area, then cohort, then most admissions first. */
    static List<AcscCounts.Cell> ranked(List<AcscCounts.Cell> cells) {
        return cells.stream()
                .sorted(Comparator.comparing(AcscCounts.Cell::year)
                        .thenComparing(AcscCounts.Cell::areaCode)
                        .thenComparing(AcscCounts.Cell::cohort)
                        .thenComparing(AcscCounts.Cell::acsc, Comparator.reverseOrder())
                        .thenComparing(AcscCounts.Cell::group, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(AcscCounts.Cell::condition, Comparator.nullsFirst(Comparator.naturalOrder())))
                .toList();
    }

    static List<AcscCounts.Cell> sorted(List<AcscCounts.Cell> cells) {
        // group and condition complete the key: without them rows came out in whatever order the engine
        // returned them, so the same data gave different files on DuckDB and Spark
        return cells.stream()
                .sorted(Comparator.comparing(AcscCounts.Cell::year)
                        .thenComparing(AcscCounts.Cell::areaCode)
                        .thenComparing(AcscCounts.Cell::cohort)
                        .thenComparing(AcscCounts.Cell::group, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(AcscCounts.Cell::condition, Comparator.nullsFirst(Comparator.naturalOrder())))
                .toList();
    }

    /** 1 + the number of cells of the same year, area and cohort with more admissions. */
    static int rank(List<AcscCounts.Cell> cells, AcscCounts.Cell c) {
        return 1
                + (int) cells.stream()
                        .filter(x -> x.cohortKey().equals(c.cohortKey()) && x.acsc() > c.acsc())
                        .count();
    }
}
