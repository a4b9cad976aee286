package org.openphm.analyses.resources;

import static org.openphm.analyses.catalogue.AnalysisTable.Column.count;
import static org.openphm.analyses.catalogue.AnalysisTable.Column.number;
import static org.openphm.analyses.catalogue.AnalysisTable.Column.text;
import static org.openphm.engine.query.Expr.col;
import static org.openphm.engine.query.Expr.lit;
import static org.openphm.engine.query.Expr.month;
import static org.openphm.engine.query.Expr.year;
import static org.openphm.engine.query.Measure.countRows;
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
import org.openphm.analyses.output.Percentages;
import org.openphm.engine.Result;
import org.openphm.engine.query.Query;
import org.openphm.model.CanonicalSchema;
import org.openphm.model.results.ChartSpec;

/**
 * DP 12.3 and CfC Part D: staff turnover, the NHS Digital way: leavers in twelve months / the mean of the
 * headcount in post at the start and end of the twelve months × 100. Given for every rolling twelve months, so
 * both the DP's 2024/25 figure (11.99%) and the Case for Change's June 2025 figure (9.4%) can be read.
 */
public final class Turnover implements Analysis {

    public static final String ID = "dp-12.3-turnover";

    @Override
    public AnalysisInfo info() {
        return new AnalysisInfo(
                ID,
                "DP 12.3",
                "Staff turnover, rolling 12 months (DP 12.3, CfC Part D)",
                "Turnover = leavers with a leave date in the 12 months / mean of staff in post (headcount) at the "
                        + "end of the month before the 12 months and at the end of the 12th month × 100.",
                "One scan of the workforce extract counting staff by start month and leave month; headcounts at each "
                        + "month end and rolling leavers are cumulated in Java.",
                "workforce (ESR)",
                List.of(
                        "Conflict kept visible: DP 12.3 gives 11.99% for the community and MH workforce (read as "
                                + "2024/25), the Case for Change 9.4% in June 2025 (NHSE data, 'falling for two years'). "
                                + "Both are rows of this table (12 months to 2025-03 and to 2025-06).",
                        "Leavers include moves to another NHS organisation; internal moves within a provider are not "
                                + "leavers if the ESR record continues."),
                List.of(ChartSpec.ofTable(
                        "trend",
                        "Staff turnover, rolling 12 months",
                        "% of mean headcount",
                        "rolling",
                        Map.of(),
                        Map.of("x", "month", "y", "turnover_pct", "series", "organisation"),
                        "%")));
    }

    @Override
    public List<AnalysisTable> compute(AnalysisContext context) {
        Result r = context.engine()
                .execute(Query.from(CanonicalSchema.WORKFORCE)
                        .derive(
                                "start_month",
                                year(col("start_date")).times(lit(12L)).plus(month(col("start_date"))))
                        .derive(
                                "leave_month",
                                year(col("leave_date")).times(lit(12L)).plus(month(col("leave_date"))))
                        .aggregate(List.of("organisation", "start_month", "leave_month"), countRows("staff")));
        Map<String, List<long[]>> byOrg = new TreeMap<>(ResourceTables.ALL_LAST);
        int last = Integer.MIN_VALUE;
        for (Map<String, Object> m : r.asMaps()) {
            long start = (Long) m.get("start_month");
            Long leave = (Long) m.get("leave_month");
            long[] cell = {start, leave == null ? Long.MAX_VALUE : leave, (Long) m.get("staff")};
            byOrg.computeIfAbsent((String) m.get("organisation"), o -> new ArrayList<>())
                    .add(cell);
            byOrg.computeIfAbsent(ALL, o -> new ArrayList<>()).add(cell);
            last = (int) Math.max(last, Math.max(start, leave == null ? start : leave));
        }
        List<List<Object>> rows = new ArrayList<>();
        int lastMonth = last;
        byOrg.forEach((org, cells) -> {
            // Leavers are recorded from the extract's first leaver month on: earlier windows would show 0%.
            long firstLeave = cells.stream()
                    .mapToLong(c -> c[1])
                    .filter(l -> l != Long.MAX_VALUE)
                    .min()
                    .orElse(Long.MAX_VALUE);
            for (long end = firstLeave == Long.MAX_VALUE ? Long.MAX_VALUE : firstLeave + 11; end <= lastMonth; end++) {
                long opening = inPost(cells, end - 12), closing = inPost(cells, end);
                long leavers = 0;
                for (long[] c : cells) {
                    if (c[1] > end - 12 && c[1] <= end) {
                        leavers += c[2];
                    }
                }
                double mean = (opening + closing) / 2.0;
                rows.add(Arrays.asList(label(end), org, opening, closing, leavers, Percentages.share(leavers, mean)));
            }
        });
        return List.of(new AnalysisTable(
                "rolling",
                "Turnover in the 12 months to each month, by organisation",
                List.of(
                        text("month", "Last month of the 12 months"),
                        text("organisation", "Organisation (All = total)"),
                        count("headcount_start", "In post at the end of the month before the 12 months"),
                        count("headcount_end", "In post at the end of the last month"),
                        count("leavers", "Leavers in the 12 months"),
                        number("turnover_pct", "Leavers / mean headcount × 100")),
                rows));
    }

    /** Staff in post at the end of month {@code m}: started in or before it and not left by its end. */
    private static long inPost(List<long[]> cells, long m) {
        long n = 0;
        for (long[] c : cells) {
            if (c[0] <= m && c[1] > m) {
                n += c[2];
            }
        }
        return n;
    }

    /** Month index year × 12 + month (1-12) as yyyy-mm. */
    static String label(long index) {
        long zeroBased = index - 1;
        return YearMonth.of((int) (zeroBased / 12), (int) (zeroBased % 12) + 1).toString();
    }
}
