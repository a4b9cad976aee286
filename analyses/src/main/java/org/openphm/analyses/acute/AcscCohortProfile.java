package org.openphm.analyses.acute;

import static org.openphm.analyses.acute.Change.integer;
import static org.openphm.analyses.acute.Change.number;
import static org.openphm.analyses.acute.Change.text;
import static org.openphm.analyses.catalogue.AnalysisTable.Column.count;
import static org.openphm.engine.query.Expr.*;
import static org.openphm.engine.query.Measure.countIf;
import static org.openphm.engine.query.Measure.countRows;

import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openphm.analyses.catalogue.Analysis;
import org.openphm.analyses.catalogue.AnalysisContext;
import org.openphm.analyses.catalogue.AnalysisInfo;
import org.openphm.analyses.catalogue.AnalysisTable;
import org.openphm.analyses.icb.IcbProfile;
import org.openphm.analyses.output.Percentages;
import org.openphm.engine.Result;
import org.openphm.engine.query.GroupKey;
import org.openphm.engine.query.Query;
import org.openphm.engine.query.ValueType;
import org.openphm.model.FinancialYear;
import org.openphm.model.results.ChartSpec;

/**
 * The Place pages of the ACSC section: one Place's adults or children (for BLMK's data pack DP 8.5, 8.6, 8.8
 * and 8.9; which Place and cohort get a page is the ICB profile's acsc_place_pages, {@link IcbProfile}) —
 * admissions and their share by year, the groups in order, and admissions by year and month (DP 8.8's chart).
 * One scan of the cohort's emergency spells.
 *
 * @param placeCode a Place of the workspace
 * @param cohort    {@link AcuteSpells#ADULTS} or {@link AcuteSpells#CHILDREN}
 */
public record AcscCohortProfile(
        String id, String section, String placeCode, String placeName, String cohort, AcscClassification acsc)
        implements Analysis {

    private static final String ALL = "*";

    /** The Place pages the ICB's data pack prints, as its profile lists them. */
    public static List<Analysis> dataPackPages(AcscClassification acsc) {
        return IcbProfile.current().acscPlacePages().stream()
                .<Analysis>map(p -> {
                    if (!p.cohort().equals(AcuteSpells.ADULTS) && !p.cohort().equals(AcuteSpells.CHILDREN)) {
                        throw new IllegalArgumentException("ACSC Place page " + p.id() + ": cohort must be "
                                + AcuteSpells.ADULTS + " or " + AcuteSpells.CHILDREN + ", not " + p.cohort());
                    }
                    return new AcscCohortProfile(p.id(), p.section(), p.placeCode(), p.placeName(), p.cohort(), acsc);
                })
                .toList();
    }

    @Override
    public AnalysisInfo info() {
        String who = cohort.toLowerCase(Locale.ROOT) + " registered in " + placeName;
        return new AnalysisInfo(
                id,
                section,
                possessive() + " ambulatory care sensitive conditions – " + placeName,
                AcscText.DEFINITION + " Restricted to " + who + " on the day of admission ("
                        + (cohort.equals(AcuteSpells.ADULTS) ? "18 or over" : "under 18") + " at admission).",
                AcscText.METHOD,
                AcscText.SOURCE,
                AcscText.CAVEATS,
                List.of(
                        ChartSpec.ofTable(
                                "trend",
                                possessive() + " ACSC admissions by year and month – " + placeName,
                                null,
                                "by-month",
                                Map.of(),
                                Map.of("x", "month_name", "y", "admissions", "series", "year"),
                                ""),
                        ChartSpec.ofTable(
                                "ranked_table",
                                "ACSC admissions by group, latest year – " + placeName,
                                who,
                                "by-group",
                                Map.of("period_role", PeriodRole.LATEST),
                                Map.of("y", "admissions"),
                                ""),
                        ChartSpec.ofTable(
                                "table",
                                possessive() + " ACSC admissions and share by year – " + placeName,
                                who,
                                "by-year",
                                Map.of(),
                                Map.of(),
                                "")));
    }

    /** "Adults'" / "Children's", as the data pack titles its pages. */
    private String possessive() {
        return cohort.endsWith("s") ? cohort + "'" : cohort + "'s";
    }

    Query query(List<FinancialYear> years) {
        return AcuteSpells.emergency(years, acsc)
                .where(and(col("place_code").eq(placeCode), col("cohort").eq(cohort)))
                .derive("month", new Substr(cast(col("admission_date"), ValueType.STRING), 1, 7))
                .aggregate(
                        List.of(
                                GroupKey.of("fy"),
                                GroupKey.of("month").totalAs(ALL),
                                GroupKey.of("acsc_group").totalAs(ALL)),
                        List.of(List.of("fy"), List.of("fy", "month"), List.of("fy", "acsc_group")),
                        countRows("emergency"),
                        countIf("acsc", isNotNull(col("acsc_group"))));
    }

    @Override
    public List<AnalysisTable> compute(AnalysisContext context) {
        Result r = context.engine().execute(query(context.years()));
        Map<String, long[]> years = new HashMap<>(); // fy -> [emergency, acsc]
        Map<String, Long> groups = new HashMap<>(); // fy|group -> acsc
        List<Object[]> months = new ArrayList<>();
        for (int i = 0; i < r.size(); i++) {
            String fy = r.getString(i, "fy");
            String month = r.getString(i, "month");
            String group = r.getString(i, "acsc_group");
            long acscCount = r.getLong(i, "acsc");
            if (!ALL.equals(month)) {
                months.add(new Object[] {fy, month, acscCount});
            } else if (ALL.equals(group)) {
                years.put(fy, new long[] {r.getLong(i, "emergency"), acscCount});
            } else if (group != null) {
                groups.put(fy + "|" + group, acscCount);
            }
        }
        return List.of(byYear(context, years), byGroup(context, groups, years), byMonth(context, months));
    }

    private AnalysisTable byYear(AnalysisContext context, Map<String, long[]> years) {
        List<List<Object>> rows = new ArrayList<>();
        years.keySet().stream().sorted().forEach(fy -> {
            long[] n = years.get(fy);
            long[] prev = years.get(FinancialYear.parse(fy).previous().label());
            Double before = prev == null ? null : (double) prev[1];
            rows.add(Arrays.asList(
                    fy,
                    PeriodRole.of(context, fy),
                    n[1],
                    n[0],
                    Percentages.share(n[1], n[0]),
                    Percentages.change(n[1], before)));
        });
        return new AnalysisTable(
                "by-year",
                "ACSC emergency admissions and their share by year",
                List.of(
                        text("year", "Financial year of admission"),
                        text("period_role", PeriodRole.DESCRIPTION),
                        count("admissions", "ACSC emergency admissions"),
                        count("emergency_admissions", "All emergency admissions of the cohort"),
                        AnalysisTable.Column.derived(
                                "acsc_share_pct",
                                "ACSC as a percentage of emergency admissions",
                                new AnalysisTable.Ratio("admissions", "emergency_admissions", 100)),
                        number("change_pct", "Percentage change on the previous year")),
                rows);
    }

    private AnalysisTable byGroup(AnalysisContext context, Map<String, Long> groups, Map<String, long[]> years) {
        List<List<Object>> rows = new ArrayList<>();
        groups.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByKey(Comparator.comparing(k -> k.split("\\|")[0]))
                        .thenComparing(Map.Entry.comparingByValue(Comparator.reverseOrder()))
                        .thenComparing(Map.Entry.comparingByKey()))
                .forEach(
                        e -> { // groups with equal counts by name
                            String[] k = e.getKey().split("\\|");
                            String before = FinancialYear.parse(k[0]).previous().label() + "|" + k[1];
                            Long prev = groups.get(before);
                            long rank = 1
                                    + groups.entrySet().stream()
                                            .filter(x ->
                                                    x.getKey().startsWith(k[0] + "|") && x.getValue() > e.getValue())
                                            .count();
                            rows.add(Arrays.asList(
                                    k[0],
                                    PeriodRole.of(context, k[0]),
                                    k[1],
                                    e.getValue(),
                                    Percentages.share(e.getValue(), years.getOrDefault(k[0], new long[2])[1]),
                                    Percentages.change(e.getValue(), prev == null ? null : prev.doubleValue()),
                                    rank));
                        });
        return new AnalysisTable(
                "by-group",
                "ACSC emergency admissions by CCG OIS 2.6 group",
                List.of(
                        text("year", "Financial year of admission"),
                        text("period_role", PeriodRole.DESCRIPTION),
                        text("acsc_group", "CCG OIS 2.6 group"),
                        count("admissions", "ACSC emergency admissions"),
                        AnalysisTable.Column.derived(
                                "share_of_acsc_pct",
                                "Percentage of the cohort's ACSC admissions",
                                new AnalysisTable.ShareOfTotal("admissions", java.util.List.of("year"), 100)),
                        number("change_pct", "Percentage change on the previous year"),
                        integer("rank", "1 = the most frequent group in the year")),
                rows);
    }

    private AnalysisTable byMonth(AnalysisContext context, List<Object[]> months) {
        List<List<Object>> rows = new ArrayList<>();
        months.stream()
                .sorted(Comparator.comparing((Object[] m) -> (String) m[1]))
                .forEach(m -> {
                    int monthOfYear = Integer.parseInt(((String) m[1]).substring(5, 7));
                    long inYear = (monthOfYear + 8) % 12 + 1; // April = 1 .. March = 12
                    rows.add(Arrays.asList(
                            m[0],
                            PeriodRole.of(context, (String) m[0]),
                            m[1],
                            inYear,
                            Month.of(monthOfYear).getDisplayName(TextStyle.SHORT, Locale.UK),
                            m[2]));
                });
        return new AnalysisTable(
                "by-month",
                "ACSC emergency admissions by year and month",
                List.of(
                        text("year", "Financial year of admission"), text("period_role", PeriodRole.DESCRIPTION),
                        text("month", "Month of admission, yyyy-mm"),
                                integer("month_of_financial_year", "April = 1 .. March = 12"),
                        text("month_name", "Month name"), count("admissions", "ACSC emergency admissions")),
                rows);
    }
}
