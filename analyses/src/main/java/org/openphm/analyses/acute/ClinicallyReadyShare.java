package org.openphm.analyses.acute;

import static org.openphm.analyses.acute.Change.integer;
import static org.openphm.analyses.acute.Change.number;
import static org.openphm.analyses.acute.Change.text;
import static org.openphm.engine.query.Expr.*;
import static org.openphm.engine.query.Measure.sum;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.openphm.analyses.catalogue.Analysis;
import org.openphm.analyses.catalogue.AnalysisContext;
import org.openphm.analyses.catalogue.AnalysisInfo;
import org.openphm.analyses.catalogue.AnalysisTable;
import org.openphm.analyses.output.Percentages;
import org.openphm.engine.Result;
import org.openphm.engine.query.GroupKey;
import org.openphm.engine.query.SortKey;
import org.openphm.model.Totals;
import org.openphm.model.results.ChartSpec;

/**
 * DP 11.6: the share of adult bed days spent after patients were clinically ready for discharge, by month and
 * site — the capacity a fall in this share would release. The data pack quotes the Model Health System
 * (BLMK 25.6% in August 2025 against a peer median of 24.1%); this is the same idea computed from spells.
 */
public final class ClinicallyReadyShare implements Analysis {

    public static final String ID = "dp-11.6-clinically-ready-share";

    @Override
    public AnalysisInfo info() {
        return new AnalysisInfo(
                ID,
                "DP 11.6",
                "Clinically ready for discharge: share of bed days by month",
                "Delay days (discharge date - clinically-ready date) as a percentage of all bed days of adult "
                        + "(18+) spells discharged in the month, by site.",
                "Summed in the engine by discharge month and provider site; bed days of a spell are attributed to "
                        + "its discharge month (a long stay counts wholly in the month it ends).",
                "Inpatient spells (SUS APC; canonical table spell) and patient (age at admission).",
                List.of(
                        "Not the Model Health System metric the data pack quotes (which counts patients in beds on "
                                + "each day against peers): no peer data is held, and spell data give bed days by "
                                + "discharge month, not daily occupancy.",
                        "Spells without a clinically-ready date contribute no delay days (DP 8.13 notes many nulls)."),
                List.of(ChartSpec.ofTable(
                        "trend",
                        "Share of bed days after clinically ready for discharge",
                        "Adults, by discharge month",
                        "by-month",
                        Map.of(),
                        Map.of("x", "month", "y", "delay_share_pct", "series", "site_name"),
                        "%")));
    }

    @Override
    public List<AnalysisTable> compute(AnalysisContext context) {
        Result r = context.engine()
                .execute(DischargeSpells.adults(context.years())
                        .where(col("discharge_month")
                                .le(lit(context.latestYear().end().toString().substring(0, 7))))
                        .aggregate(
                                List.of(
                                        GroupKey.of("discharge_month"),
                                        GroupKey.of("site").totalAs(Totals.ALL_SITES)),
                                List.of(List.of("discharge_month", "site"), List.of("discharge_month")),
                                sum("bed_days", col("los")),
                                sum("delay_days", col("delay_days")))
                        .orderBy(SortKey.asc("discharge_month"), SortKey.asc("site")));
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < r.size(); i++) {
            String site = r.getString(i, "site");
            long bedDays = value(r, i, "bed_days");
            long delayDays = value(r, i, "delay_days");
            rows.add(Arrays.asList(
                    r.getString(i, "discharge_month"),
                    site,
                    Totals.ALL_SITES.equals(site) || Sites.NOT_RECORDED.equals(site) ? site : Sites.name(site),
                    bedDays,
                    delayDays,
                    Percentages.share(delayDays, bedDays)));
        }
        return List.of(new AnalysisTable(
                "by-month",
                "Share of adult bed days after clinically ready, by month",
                List.of(
                        text("month", "Discharge month, yyyy-mm"),
                        text("site_code", "Provider site, 'All sites' or 'Not recorded'"),
                        text("site_name", "Site name"),
                        integer("bed_days", "Bed days of adult spells discharged in the month"),
                        integer("delay_days", "Of which after the clinically-ready date"),
                        number("delay_share_pct", "Delay days as a percentage of bed days")),
                rows));
    }

    private static long value(Result r, int i, String column) {
        Long v = r.getLong(i, column);
        return v == null ? 0 : v;
    }
}
