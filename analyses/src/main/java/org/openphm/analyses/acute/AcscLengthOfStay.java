package org.openphm.analyses.acute;

import static org.openphm.analyses.acute.Change.number;
import static org.openphm.analyses.acute.Change.text;
import static org.openphm.analyses.catalogue.AnalysisTable.Column.count;

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
 * DP 8.11: length of stay of ACSC emergency admissions — bed days (sum of stays) and mean stay, by year,
 * area, cohort and group, with the change in bed days on the previous year.
 */
public final class AcscLengthOfStay implements Analysis {

    public static final String ID = "dp-8.11-acsc-length-of-stay";

    private final AcscClassification acsc;

    public AcscLengthOfStay(AcscClassification acsc) {
        this.acsc = acsc;
    }

    @Override
    public AnalysisInfo info() {
        List<String> caveats = new ArrayList<>(AcscText.CAVEATS);
        caveats.add("Bed days count discharged spells only (stay = discharge date - admission date, 0 for a "
                + "same-day stay); spells still open at the end of the data are left out of bed days and means.");
        return new AnalysisInfo(
                ID,
                "DP 8.11",
                "Length of stay of ambulatory care sensitive condition admissions",
                AcscText.DEFINITION + " Bed days = sum of the discharged spells' stays; mean stay = bed days / "
                        + "discharged spells.",
                AcscText.METHOD,
                AcscText.SOURCE,
                caveats,
                List.of(
                        ChartSpec.ofTable(
                                "trend",
                                "Bed days of ACSC emergency admissions by year",
                                IcbProfile.current().icbLabel() + " and Places, all ages",
                                "by-area",
                                Map.of("cohort", Totals.ALL_AGES),
                                Map.of("x", "year", "y", "bed_days", "series", "area_name"),
                                ""),
                        ChartSpec.ofTable(
                                "ranked_table",
                                "Mean length of stay by ACSC group, latest year",
                                IcbProfile.current().icbLabel() + ", all ages",
                                "by-group",
                                Map.of(
                                        "area_type",
                                        AreaType.ICB.label(),
                                        "cohort",
                                        Totals.ALL_AGES,
                                        "period_role",
                                        PeriodRole.LATEST),
                                Map.of("y", "mean_length_of_stay_days"),
                                "days")));
    }

    @Override
    public List<AnalysisTable> compute(AnalysisContext context) {
        AcscCounts counts = AcscCounts.compute(context, acsc);
        return List.of(
                table(
                        "by-area",
                        "ACSC bed days by year, area and cohort",
                        context,
                        counts,
                        AcscAdmissions.sorted(counts.totals()),
                        false),
                table(
                        "by-group",
                        "ACSC bed days and mean stay by CCG OIS 2.6 group",
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
            Double before = counts.previous(c).map(p -> (double) p.bedDays()).orElse(null);
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
                    c.discharged(),
                    c.bedDays(),
                    c.discharged() == 0 ? null : (double) c.bedDays() / c.discharged(),
                    before == null ? null : c.bedDays() - before.longValue(),
                    Percentages.change(c.bedDays(), before)));
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
                count("discharged", "Of which discharged (stay known)"),
                AnalysisTable.Column.measure("bed_days", "Sum of stays of discharged spells, days"),
                number("mean_length_of_stay_days", "Bed days / discharged spells"),
                AnalysisTable.Column.measure("change_bed_days", "Change in bed days on the previous year"),
                number("change_pct", "Percentage change in bed days on the previous year")));
        return new AnalysisTable(name, description, columns, rows);
    }
}
