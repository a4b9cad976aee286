package org.openphm.analyses.resources;

import static org.openphm.analyses.catalogue.AnalysisTable.Column.number;
import static org.openphm.analyses.catalogue.AnalysisTable.Column.text;
import static org.openphm.analyses.catalogue.AnalysisTable.Column.wte;
import static org.openphm.analyses.output.Percentages.share;
import static org.openphm.engine.query.Expr.col;
import static org.openphm.engine.query.Measure.sum;
import static org.openphm.model.Totals.ALL;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.openphm.analyses.catalogue.Analysis;
import org.openphm.analyses.catalogue.AnalysisContext;
import org.openphm.analyses.catalogue.AnalysisInfo;
import org.openphm.analyses.catalogue.AnalysisTable;
import org.openphm.analyses.icb.IcbProfile;
import org.openphm.engine.Result;
import org.openphm.engine.query.Query;
import org.openphm.model.CanonicalSchema;
import org.openphm.model.FinancialYear;
import org.openphm.model.results.ChartSpec;

/**
 * DP 12.3 and CfC Part D: vacancies and vacancy rate (vacant WTE / funded establishment WTE) by month,
 * organisation and staff group; the financial-year rate as the ratio of the year's sums (DP 12.3: 7.29% in
 * 2024/25); and MH vacancy rates by sector against England (NHSE Workforce Census 2024, published figures).
 */
public final class Vacancies implements Analysis {

    public static final String ID = "dp-12.3-vacancies";
    static final List<String> MH_SECTORS = List.of(
            "mh_vacancy_adult_older_adult",
            "mh_vacancy_talking_therapies",
            "mh_vacancy_psychology_adults",
            "mh_vacancy_perinatal");

    @Override
    public AnalysisInfo info() {
        return new AnalysisInfo(
                ID,
                "DP 12.3",
                "Vacancies and vacancy rate (DP 12.3, CfC Part D)",
                "Vacancy rate = vacant WTE / funded establishment WTE × 100. A year's rate is the ratio of the sums of "
                        + "its months (not the mean of monthly rates).",
                "One grouped scan of the vacancy return (month × organisation × staff group); roll-ups in Java.",
                "vacancy (provider establishment and vacancy returns); NHSE Workforce Census 2024 for MH sectors",
                List.of(
                        "DP 12.3: 'incomplete local vacancy rate reporting'; not available for community nursing (CfC).",
                        "DP 12.3's 308 vacant posts (2025/26 plan) over 4,701 staff is 6.6%, not the 7.29% vacancy "
                                + "rate of 2024/25: different periods and bases (posts vs WTE). The plan month's vacant "
                                + "WTE is in by-month.",
                        "MH sector rates vs England are published figures carried as performance_metric rows, not "
                                + "computed from the vacancy return."),
                List.of(
                        ChartSpec.ofTable(
                                "trend",
                                "Vacancy rate by month",
                                "% of establishment WTE",
                                "by-month",
                                Map.of(),
                                Map.of("x", "month", "y", "vacancy_rate_pct", "series", "organisation"),
                                "%"),
                        ChartSpec.ofTable(
                                "bar_ci",
                                "MH vacancy by sector vs England",
                                "NHSE Workforce Census 2024",
                                "mh-sectors",
                                Map.of(),
                                Map.of("x", "sector", "y", "icb_pct"),
                                "%")));
    }

    /** Sums of establishment and vacant WTE. */
    record Wte(double establishment, double vacant) {
        Wte plus(Wte o) {
            return new Wte(establishment + o.establishment, vacant + o.vacant);
        }
    }

    @Override
    public List<AnalysisTable> compute(AnalysisContext context) {
        Result r = context.engine()
                .execute(Query.from(CanonicalSchema.VACANCY)
                        .aggregate(
                                List.of("month", "organisation", "staff_group"),
                                sum("establishment_wte", col("establishment_wte")),
                                sum("vacant_wte", col("vacant_wte"))));
        Map<List<String>, Wte> byMonth = new TreeMap<>(ResourceTables::compareKeys);
        Map<List<String>, Wte> byYear = new TreeMap<>(ResourceTables::compareKeys);
        for (Map<String, Object> m : r.asMaps()) {
            String month = (String) m.get("month");
            String org = (String) m.get("organisation");
            String group = (String) m.get("staff_group");
            String year =
                    FinancialYear.containing(YearMonth.parse(month).atDay(1)).label();
            Wte w = new Wte(
                    ((Number) m.get("establishment_wte")).doubleValue(), ((Number) m.get("vacant_wte")).doubleValue());
            for (String o : List.of(org, ALL)) {
                byMonth.merge(List.of(month, o), w, Wte::plus);
                for (String g : List.of(group, ALL)) {
                    byYear.merge(List.of(year, o, g), w, Wte::plus);
                }
            }
        }
        List<List<Object>> monthRows = new ArrayList<>();
        byMonth.forEach((k, w) -> monthRows.add(Arrays.asList(
                k.get(0), k.get(1), w.establishment(), w.vacant(), share(w.vacant(), w.establishment()))));
        List<List<Object>> yearRows = new ArrayList<>();
        byYear.forEach((k, w) -> yearRows.add(Arrays.asList(
                k.get(0), k.get(1), k.get(2), w.establishment(), w.vacant(), share(w.vacant(), w.establishment()))));
        List<List<Object>> sectorRows = new ArrayList<>();
        for (PublishedBenchmarks.Benchmark b : PublishedBenchmarks.load(context.engine(), MH_SECTORS)) {
            sectorRows.add(Arrays.asList(
                    b.name(),
                    b.month(),
                    b.value(),
                    b.nationalValue(),
                    b.nationalValue() == null ? null : b.value() - b.nationalValue()));
        }
        return List.of(
                new AnalysisTable(
                        "by-month",
                        "Establishment, vacancies and vacancy rate by month and organisation",
                        List.of(
                                text("month", "Month"),
                                text("organisation", "Organisation (All = total)"),
                                wte("establishment_wte", "Funded establishment, WTE (month-end sum)"),
                                wte("vacant_wte", "Vacant WTE"),
                                number("vacancy_rate_pct", "Vacancy rate, %")),
                        monthRows),
                new AnalysisTable(
                        "by-year",
                        "Vacancy rate by financial year, organisation and staff group",
                        List.of(
                                text("year", "Financial year"),
                                text("organisation", "Organisation (All = total)"),
                                text("staff_group", "Staff group (All = total)"),
                                wte("establishment_wte", "Sum of monthly establishment WTE"),
                                wte("vacant_wte", "Sum of monthly vacant WTE"),
                                number("vacancy_rate_pct", "Vacancy rate, % (ratio of sums)")),
                        yearRows),
                new AnalysisTable(
                        "mh-sectors",
                        "MH vacancy rate by sector against England (as published)",
                        List.of(
                                text("sector", "Sector"),
                                text("month", "Month the census figure is filed at"),
                                number("icb_pct", IcbProfile.current().shortName() + " vacancy rate, %"),
                                number("england_pct", "England vacancy rate, %"),
                                number(
                                        "difference_pp",
                                        IcbProfile.current().shortName() + " minus England, percentage points")),
                        sectorRows));
    }
}
