package org.openphm.analyses.resources;

import static org.openphm.analyses.catalogue.AnalysisTable.Column.count;
import static org.openphm.analyses.catalogue.AnalysisTable.Column.text;
import static org.openphm.analyses.catalogue.AnalysisTable.Column.wte;
import static org.openphm.analyses.output.Percentages.share;
import static org.openphm.engine.query.Expr.coalesce;
import static org.openphm.engine.query.Expr.col;
import static org.openphm.engine.query.Expr.lit;
import static org.openphm.engine.query.Measure.countRows;
import static org.openphm.engine.query.Measure.sum;
import static org.openphm.model.Totals.ALL;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
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
import org.openphm.engine.query.SortKey;
import org.openphm.model.ResultColumnType;
import org.openphm.model.results.ChartSpec;

/**
 * DP 12.3 and 12.4: the community and mental health workforce in post at the census, by organisation and by
 * every characteristic the ESR extract carries (staff group, band, sex, age band, ethnic group, service area,
 * organisational unit): headcount, FTE and share of the organisation's headcount.
 */
public final class WorkforceProfile implements Analysis {

    public static final String ID = "dp-12.3-workforce-profile";
    static final String NOT_RECORDED = "Not recorded";
    /** Characteristics profiled, as workforce columns. */
    static final List<String> DIMENSIONS =
            List.of("staff_group", "afc_band", "sex", "age_band", "ethnic_group", "service_area", "org_unit");

    @Override
    public AnalysisInfo info() {
        return new AnalysisInfo(
                ID,
                "DP 12.3",
                "Workforce in post: staff group, band, sex, age, ethnicity and unit (DP 12.3, 12.4)",
                "Staff in post on the census date (the end of the latest financial year): start date on or before "
                        + "it and no leave date on or before it. Share = headcount / the organisation's headcount.",
                "One scan of the workforce extract with grouping sets (organisation × characteristic and the all-"
                        + "organisation total).",
                "workforce (ESR, pseudonymised, as submitted by the providers)",
                List.of(
                        "DP 12.3: 'we do not always have comparable data across our providers'; staff-group and band "
                                + "coding follow ESR, units are each provider's own hierarchy.",
                        "DP 12.3's 4,701 'total posts' are staff in post (headcount, DP 12.4), not funded posts.",
                        "DP 12.3's infographic says 85% White / 15% BME; DP 12.6 and the Case for Change say 60% / 38%. "
                                + "This table shows what the extract holds; see " + WorkforceEthnicity.ID + "."),
                List.of(
                        ChartSpec.ofTable(
                                "bar_ci",
                                "Staff group mix",
                                "All organisations, % of headcount",
                                "by-characteristic",
                                Map.of("organisation", ALL, "characteristic", "staff_group"),
                                Map.of("x", "value", "y", "share_pct"),
                                "%"),
                        ChartSpec.ofTable(
                                "ranked_table",
                                "Staff by provider and unit (DP 12.4)",
                                null,
                                "by-characteristic",
                                Map.of("characteristic", "org_unit"),
                                Map.of("y", "headcount", "label", "value"),
                                null)));
    }

    @Override
    public List<AnalysisTable> compute(AnalysisContext context) {
        LocalDate census = StaffInPost.census(context);
        Query inPost = StaffInPost.at(census);
        Query longForm = null;
        for (String d : DIMENSIONS) {
            Query one = inPost.select(
                    Named.as("organisation", col("organisation")),
                    Named.as("characteristic", lit(d)),
                    Named.as("value", coalesce(col(d), lit(NOT_RECORDED))),
                    Named.as("fte", col("fte")));
            longForm = longForm == null ? one : longForm.unionAll(one);
        }
        Result r = context.engine()
                .execute(longForm.aggregate(
                                List.of(
                                        GroupKey.of("organisation").totalAs(ALL),
                                        GroupKey.of("characteristic"),
                                        GroupKey.of("value")),
                                List.of(
                                        List.of("organisation", "characteristic", "value"),
                                        List.of("characteristic", "value")),
                                countRows("headcount"),
                                sum("fte", col("fte")))
                        .orderBy(SortKey.asc("organisation"), SortKey.asc("characteristic"), SortKey.asc("value")));
        // Every characteristic partitions the same staff, so any one gives the organisation's headcount.
        Map<String, Double> totals = new HashMap<>();
        for (Map<String, Object> m : r.asMaps()) {
            if (m.get("characteristic").equals(DIMENSIONS.get(0))) {
                totals.merge((String) m.get("organisation"), ((Long) m.get("headcount")).doubleValue(), Double::sum);
            }
        }
        List<List<Object>> rows = new ArrayList<>();
        for (Map<String, Object> m : r.asMaps()) {
            long headcount = (Long) m.get("headcount");
            rows.add(Arrays.asList(
                    census,
                    m.get("organisation"),
                    m.get("characteristic"),
                    m.get("value"),
                    headcount,
                    ((Number) m.get("fte")).doubleValue(),
                    share(headcount, totals.get((String) m.get("organisation")))));
        }
        return List.of(new AnalysisTable(
                "by-characteristic",
                "Staff in post by organisation and characteristic",
                List.of(
                        new AnalysisTable.Column("census_date", ResultColumnType.DATE, "Census date"),
                        text("organisation", "Employing organisation (All = total)"),
                        text(
                                "characteristic",
                                "staff_group, afc_band, sex, age_band, ethnic_group, service_area or org_unit"),
                        text("value", "The characteristic's value (Not recorded = empty)"),
                        count("headcount", "Staff in post"),
                        wte("fte", "Full-time equivalent"),
                        AnalysisTable.Column.derived(
                                "share_pct",
                                "% of the organisation's headcount",
                                new AnalysisTable.ShareOfTotal(
                                        "headcount",
                                        java.util.List.of("census_date", "organisation", "characteristic"),
                                        100))),
                rows));
    }
}
