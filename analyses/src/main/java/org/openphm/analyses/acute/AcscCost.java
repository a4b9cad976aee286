package org.openphm.analyses.acute;

import static org.openphm.analyses.acute.Change.number;
import static org.openphm.analyses.acute.Change.text;
import static org.openphm.analyses.catalogue.AnalysisTable.Column.count;
import static org.openphm.analyses.catalogue.AnalysisTable.Column.money;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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
 * DP 8.7 and DP 8.10: the cost of ACSC emergency admissions (sum of spell costs), by year, area, cohort and
 * group, with the change on the previous year in pounds and percent.
 */
public final class AcscCost implements Analysis {

    public static final String ID = "dp-8.7-acsc-cost";

    private final AcscClassification acsc;

    public AcscCost(AcscClassification acsc) {
        this.acsc = acsc;
    }

    @Override
    public AnalysisInfo info() {
        List<String> caveats = new ArrayList<>(AcscText.CAVEATS);
        caveats.add("The data pack states two different increases for 2023/24 to 2024/25 with the same 2024/25 "
                + "total of £30,839,781: £2,188,653 'for adults' (DP 8.7) and £2,291,492 (DP 8.10). This table "
                + "gives both cohorts and all ages so the basis of each figure can be seen.");
        caveats.add("Spell cost is the cost_gbp of the spell as supplied (SUS tariff or local costing); no "
                + "inflation adjustment between years.");
        return new AnalysisInfo(
                ID,
                "DP 8.7",
                "Cost of ambulatory care sensitive condition admissions (DP 8.7, 8.10)",
                AcscText.DEFINITION + " Cost = sum of the spells' costs.",
                AcscText.METHOD,
                AcscText.SOURCE,
                caveats,
                List.of(
                        ChartSpec.ofTable(
                                "trend",
                                "Cost of ACSC emergency admissions by year",
                                IcbProfile.current().icbLabel() + " and Places, all ages",
                                "by-area",
                                Map.of("cohort", Totals.ALL_AGES),
                                Map.of("x", "year", "y", "cost_gbp", "series", "area_name"),
                                "£"),
                        ChartSpec.ofTable(
                                "ranked_table",
                                "Cost by ACSC group, latest year",
                                IcbProfile.current().icbLabel() + ", all ages",
                                "by-group",
                                Map.of(
                                        "area_type",
                                        AreaType.ICB.label(),
                                        "cohort",
                                        Totals.ALL_AGES,
                                        "period_role",
                                        PeriodRole.LATEST),
                                Map.of("y", "cost_gbp"),
                                "£")));
    }

    @Override
    public List<AnalysisTable> compute(AnalysisContext context) {
        AcscCounts counts = AcscCounts.compute(context, acsc);
        return List.of(
                table(
                        "by-area",
                        "ACSC cost by year, area and cohort",
                        context,
                        counts,
                        AcscAdmissions.sorted(counts.totals()),
                        false),
                table(
                        "by-group",
                        "ACSC cost by CCG OIS 2.6 group",
                        context,
                        counts,
                        AcscAdmissions.sorted(counts.byGroup()),
                        true));
    }

    private static AnalysisTable table(
            String name,
            String description,
            AnalysisContext context,
            AcscCounts counts,
            List<AcscCounts.Cell> cells,
            boolean byGroup) {
        List<List<Object>> rows = new ArrayList<>();
        for (AcscCounts.Cell c : cells) {
            Geography.Area area = context.geography().area(c.areaCode());
            Double before = counts.previous(c).map(AcscCounts.Cell::cost).orElse(null);
            List<Object> row = new ArrayList<>(Arrays.asList(
                    c.year(),
                    PeriodRole.of(context, c.year()),
                    c.areaCode(),
                    area.name(),
                    area.type().label(),
                    c.cohort()));
            if (byGroup) {
                row.add(c.group());
            }
            row.addAll(Arrays.asList(
                    c.acsc(),
                    c.cost(),
                    c.acsc() == 0 ? null : c.cost() / c.acsc(),
                    before == null ? null : Change.difference(c.cost(), before),
                    Percentages.change(c.cost(), before)));
            rows.add(row);
        }
        List<AnalysisTable.Column> columns = new ArrayList<>(List.of(
                text("year", "Financial year of admission"),
                text("period_role", PeriodRole.DESCRIPTION),
                text("area_code", "ICB or Place code"),
                text("area_name", "Area name"),
                text("area_type", "ICB or Place"),
                text("cohort", "All ages, Adults (18+) or Children")));
        if (byGroup) {
            columns.add(text("acsc_group", "CCG OIS 2.6 group"));
        }
        columns.addAll(List.of(
                count("admissions", "ACSC emergency admissions"),
                money("cost_gbp", "Sum of spell costs, £"),
                AnalysisTable.Column.derived(
                        "cost_per_admission_gbp",
                        "Mean cost per admission, £ (published: the cost over the published admissions, so that it "
                                + "does not reveal the unrounded count)",
                        new AnalysisTable.Ratio("cost_gbp", "admissions", 1)),
                money("change_gbp", "Change on the previous year, £"),
                number("change_pct", "Percentage change on the previous year")));
        return new AnalysisTable(name, description, columns, rows);
    }
}
