package org.openphm.analyses.resources;

import static org.openphm.analyses.catalogue.AnalysisTable.Column.count;
import static org.openphm.analyses.catalogue.AnalysisTable.Column.number;
import static org.openphm.analyses.catalogue.AnalysisTable.Column.text;
import static org.openphm.analyses.output.Percentages.share;
import static org.openphm.engine.query.Expr.coalesce;
import static org.openphm.engine.query.Expr.col;
import static org.openphm.engine.query.Expr.lit;
import static org.openphm.engine.query.Measure.countRows;
import static org.openphm.model.Totals.ALL;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openphm.analyses.catalogue.Analysis;
import org.openphm.analyses.catalogue.AnalysisContext;
import org.openphm.analyses.catalogue.AnalysisInfo;
import org.openphm.analyses.catalogue.AnalysisTable;
import org.openphm.engine.Result;
import org.openphm.model.results.ChartSpec;

/**
 * DP 12.5: staff aged 55 and over and under 30, by staff group, both as a share of the group (succession risk)
 * and as the group's share of all such staff (the DP's table, which sums to 100% over groups).
 */
public final class WorkforceAge implements Analysis {

    public static final String ID = "dp-12.5-workforce-age";
    private static final Pattern BAND = Pattern.compile("(\\d+)\\s*(?:-\\s*(\\d+)|\\+)");

    /** Where an ESR age band falls: 55+, under 30, between, or not classifiable (straddles a boundary). */
    enum AgeGroup {
        UNDER_30,
        MIDDLE,
        AGED_55_PLUS,
        UNCLASSIFIED
    }

    static AgeGroup classify(String band) {
        Matcher m = band == null ? null : BAND.matcher(band);
        if (m == null || !m.find()) {
            return AgeGroup.UNCLASSIFIED;
        }
        int lower = Integer.parseInt(m.group(1));
        int upper = m.group(2) == null ? Integer.MAX_VALUE : Integer.parseInt(m.group(2));
        if (lower >= 55) {
            return AgeGroup.AGED_55_PLUS;
        }
        if (upper < 30) {
            return AgeGroup.UNDER_30;
        }
        return lower >= 30 && upper < 55 ? AgeGroup.MIDDLE : AgeGroup.UNCLASSIFIED;
    }

    @Override
    public AnalysisInfo info() {
        return new AnalysisInfo(
                ID,
                "DP 12.5",
                "Age profile of the workforce by staff group (DP 12.5)",
                "Staff in post at the census aged 55+ and under 30 (from the ESR age band) by staff group: the share "
                        + "of the group, and the group's share of all staff of that age (the DP's table).",
                "One grouped scan (staff group × age band); bands are classified in Java.",
                "workforce (ESR)",
                List.of(
                        "DP 12.1's '32% of nurses are over 55' reads DP 12.5's table (nurses' share of all 55+ staff, "
                                + "31.8%) as a share of nurses; both readings are given here.",
                        "Age bands that straddle 30 or 55 cannot be classified and are counted as unclassified."),
                List.of(ChartSpec.ofTable(
                        "bar_ci",
                        "Share of each staff group aged 55+",
                        "% of the group",
                        "by-staff-group",
                        Map.of(),
                        Map.of("x", "staff_group", "y", "aged_55_plus_pct"),
                        "%")));
    }

    @Override
    public List<AnalysisTable> compute(AnalysisContext context) {
        Result r = context.engine()
                .execute(StaffInPost.at(StaffInPost.census(context))
                        .derive("group", coalesce(col("staff_group"), lit(WorkforceProfile.NOT_RECORDED)))
                        .aggregate(List.of("group", "age_band"), countRows("headcount")));
        Map<String, long[]> byGroup = new TreeMap<>();
        long[] all = new long[AgeGroup.values().length];
        for (Map<String, Object> m : r.asMaps()) {
            long n = (Long) m.get("headcount");
            int k = classify((String) m.get("age_band")).ordinal();
            byGroup.computeIfAbsent((String) m.get("group"), g -> new long[AgeGroup.values().length])[k] += n;
            all[k] += n;
        }
        List<List<Object>> rows = new ArrayList<>();
        byGroup.forEach((group, c) -> rows.add(row(group, c, all)));
        rows.add(row(ALL, all, all));
        return List.of(new AnalysisTable(
                "by-staff-group",
                "Staff aged 55+ and under 30 by staff group",
                List.of(
                        text("staff_group", "Staff group (All = total)"),
                        count("headcount", "Staff in post"),
                        count("aged_55_plus", "Aged 55 and over"),
                        AnalysisTable.Column.derived(
                                "aged_55_plus_pct",
                                "% of the group aged 55+",
                                new AnalysisTable.Ratio("aged_55_plus", "headcount", 100)),
                        number("share_of_all_55_plus_pct", "The group's % of all staff aged 55+ (DP 12.5 table)"),
                        count("under_30", "Aged under 30"),
                        AnalysisTable.Column.derived(
                                "under_30_pct",
                                "% of the group under 30",
                                new AnalysisTable.Ratio("under_30", "headcount", 100)),
                        number("share_of_all_under_30_pct", "The group's % of all staff under 30 (DP 12.5 table)"),
                        count("unclassified", "Age band missing or straddling 30 or 55")),
                rows));
    }

    private static List<Object> row(String group, long[] c, long[] all) {
        long headcount = Arrays.stream(c).sum();
        int old = AgeGroup.AGED_55_PLUS.ordinal(), young = AgeGroup.UNDER_30.ordinal();
        return Arrays.asList(
                group,
                headcount,
                c[old],
                share(c[old], (double) headcount),
                share(c[old], (double) all[old]),
                c[young],
                share(c[young], (double) headcount),
                share(c[young], (double) all[young]),
                c[AgeGroup.UNCLASSIFIED.ordinal()]);
    }
}
