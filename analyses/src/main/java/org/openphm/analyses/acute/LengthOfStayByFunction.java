package org.openphm.analyses.acute;

import static org.openphm.analyses.acute.Change.number;
import static org.openphm.analyses.acute.Change.text;
import static org.openphm.analyses.catalogue.AnalysisTable.Column.count;
import static org.openphm.engine.query.Expr.*;
import static org.openphm.engine.query.Measure.countRows;
import static org.openphm.engine.query.Measure.sum;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openphm.analyses.catalogue.Analysis;
import org.openphm.analyses.catalogue.AnalysisContext;
import org.openphm.analyses.catalogue.AnalysisInfo;
import org.openphm.analyses.catalogue.AnalysisTable;
import org.openphm.engine.Result;
import org.openphm.engine.query.GroupKey;
import org.openphm.engine.query.Named;
import org.openphm.engine.query.Query;
import org.openphm.model.CanonicalSchema;
import org.openphm.model.FinancialYear;
import org.openphm.model.Totals;
import org.openphm.model.results.ChartSpec;

/**
 * DP 8.14 (elective) and DP 8.15 (non-elective): mean length of stay by treatment function and site, each
 * year, with the change on the previous year, and "All activity" per site.
 *
 * @param pointOfDelivery "Elective" or "Non-Elective", as the data pack labels its POD column
 * @param methods         the canonical admission methods of the point of delivery
 */
public record LengthOfStayByFunction(String id, String section, String pointOfDelivery, List<String> methods)
        implements Analysis {

    public static LengthOfStayByFunction elective() {
        return new LengthOfStayByFunction(
                "dp-8.14-elective-length-of-stay", "DP 8.14", "Elective", List.of("elective"));
    }

    /** Non-elective = emergency and other (maternity, transfers) admissions, as SUS's non-elective POD. */
    public static LengthOfStayByFunction nonElective() {
        return new LengthOfStayByFunction(
                "dp-8.15-non-elective-length-of-stay", "DP 8.15", "Non-Elective", List.of("emergency", "other"));
    }

    @Override
    public AnalysisInfo info() {
        return new AnalysisInfo(
                id,
                section,
                "Acute " + pointOfDelivery.toLowerCase() + " length of stay",
                "Mean length of stay (discharge date - admission date, days; 0 for a same-day stay) of discharged "
                        + pointOfDelivery.toLowerCase() + " spells (admission method " + String.join(" or ", methods)
                        + ") by treatment function and provider site, by financial year of admission.",
                "Bed days and spells summed in the engine by year, site and treatment function, with 'All activity' "
                        + "per site from the same scan; mean = bed days / spells; change = this year's mean - last year's.",
                "Inpatient spells (SUS APC; canonical table spell: admission_method, treatment_function, provider_site).",
                List.of(
                        "Spells still in hospital at the end of the data have no stay and are left out.",
                        "Spells with no site code are shown as 'Not recorded' (DP 9: provider site often missing).",
                        "Means of a few spells move a lot from year to year (DP 8.14: elective general medicine at MK "
                                + "10 -> 21.5 days): read them with the spells column."),
                List.of(ChartSpec.ofTable(
                        "table",
                        pointOfDelivery + " length of stay by treatment function and site",
                        "Latest year and change on the previous year",
                        "by-function",
                        Map.of("period_role", PeriodRole.LATEST),
                        Map.of(),
                        "days")));
    }

    @Override
    public List<AnalysisTable> compute(AnalysisContext context) {
        Query spells = Query.from(CanonicalSchema.SPELL)
                .where(and(
                        in(col("admission_method"), methods),
                        AcuteSpells.inYears(context.years()),
                        isNotNull(col("discharge_date"))))
                .select(
                        Named.as("fy", financialYear(col("admission_date"))),
                        Named.as("site", coalesce(col("provider_site"), lit(Sites.NOT_RECORDED))),
                        Named.as("treatment_function", col("treatment_function")),
                        Named.as("los", daysBetween(col("admission_date"), col("discharge_date"))));
        Result r = context.engine()
                .execute(spells.aggregate(
                        List.of(
                                GroupKey.of("fy"),
                                GroupKey.of("site"),
                                GroupKey.of("treatment_function").totalAs(Totals.ALL_ACTIVITY)),
                        List.of(List.of("fy", "site", "treatment_function"), List.of("fy", "site")),
                        countRows("spells"),
                        sum("bed_days", col("los"))));
        Map<String, double[]> byKey = new HashMap<>();
        for (int i = 0; i < r.size(); i++) {
            byKey.put(
                    key(r.getString(i, "fy"), r.getString(i, "site"), r.getString(i, "treatment_function")),
                    new double[] {r.getLong(i, "spells"), r.getLong(i, "bed_days")});
        }
        List<List<Object>> rows = new ArrayList<>();
        byKey.keySet().stream()
                .map(k -> k.split("\\|"))
                .sorted(Comparator.comparing((String[] k) -> k[0])
                        .thenComparing(k -> Totals.ALL_ACTIVITY.equals(k[2]) ? "~" : k[2])
                        .thenComparing(k -> Sites.shortName(k[1])))
                .forEach(k -> {
                    double[] now = byKey.get(key(k[0], k[1], k[2]));
                    double[] before =
                            byKey.get(key(FinancialYear.parse(k[0]).previous().label(), k[1], k[2]));
                    double mean = now[1] / now[0];
                    Double previous = before == null ? null : before[1] / before[0];
                    rows.add(Arrays.asList(
                            k[0],
                            PeriodRole.of(context, k[0]),
                            pointOfDelivery,
                            k[2],
                            TreatmentFunctions.label(k[2]),
                            k[1],
                            Sites.shortName(k[1]),
                            (long) now[0],
                            (long) now[1],
                            mean,
                            previous,
                            previous == null ? null : mean - previous));
                });
        return List.of(new AnalysisTable(
                "by-function",
                pointOfDelivery + " mean length of stay by treatment function and site",
                List.of(
                        text("year", "Financial year of admission"),
                        text("period_role", PeriodRole.DESCRIPTION),
                        text("pod", "Point of delivery"),
                        text("treatment_function", "Treatment function code or All activity"),
                        text("treatment_function_name", "Treatment function as the data pack labels it"),
                        text("site_code", "Provider site code or Not recorded"),
                        text("site", "Site as DP 8.14/8.15 abbreviate it (BH, L&D, MK)"),
                        count("spells", "Discharged spells"),
                        AnalysisTable.Column.measure("bed_days", "Sum of stays, days"),
                        number("mean_length_of_stay_days", "Bed days / spells"),
                        number("previous_year_mean_days", "The same mean a year earlier"),
                        number("change_days", "Change in mean stay on the previous year, days")),
                rows));
    }

    private static String key(String fy, String site, String function) {
        return fy + "|" + site + "|" + function;
    }
}
