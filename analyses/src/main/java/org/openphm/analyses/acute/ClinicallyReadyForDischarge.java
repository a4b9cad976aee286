package org.openphm.analyses.acute;

import static org.openphm.analyses.acute.Change.number;
import static org.openphm.analyses.acute.Change.text;
import static org.openphm.analyses.catalogue.AnalysisTable.Column.count;
import static org.openphm.engine.query.Expr.*;
import static org.openphm.engine.query.Measure.countIf;
import static org.openphm.engine.query.Measure.countRows;
import static org.openphm.engine.query.Measure.sum;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openphm.analyses.catalogue.Analysis;
import org.openphm.analyses.catalogue.AnalysisContext;
import org.openphm.analyses.catalogue.AnalysisInfo;
import org.openphm.analyses.catalogue.AnalysisTable;
import org.openphm.analyses.output.Percentages;
import org.openphm.engine.Result;
import org.openphm.engine.query.GroupKey;
import org.openphm.model.FinancialYear;
import org.openphm.model.Totals;
import org.openphm.model.results.ChartSpec;

/**
 * DP 8.13 (and the cost of delayed discharge, DP 11): days adults spent in hospital after the date they were
 * clinically ready for discharge, by site and year, with the change on the previous year and their cost at
 * the King's Fund's £395 a night and at the £350-£400 range the data pack specification names.
 */
public final class ClinicallyReadyForDischarge implements Analysis {

    public static final String ID = "dp-8.13-clinically-ready-for-discharge";

    private final UnitCosts costs;

    public ClinicallyReadyForDischarge(UnitCosts costs) {
        this.costs = costs;
    }

    @Override
    public AnalysisInfo info() {
        return new AnalysisInfo(
                ID,
                "DP 8.13",
                "Clinically ready for discharge: delay days by site",
                "Days between the date an adult (18+ at admission) inpatient was clinically ready for discharge and "
                        + "the date of discharge, summed over spells admitted in the year, by hospital site; all "
                        + "admission methods. Cost = delay days × a cost per bed night.",
                "Summed in the engine by financial year of admission and provider site. Costed at £"
                        + fmt(costs.delayedDischargeNight()) + " a night (" + costs.delayedDischargeSource()
                        + ") and at £" + fmt(UnitCosts.RANGE_LOW) + " and £" + fmt(UnitCosts.RANGE_HIGH)
                        + " (the range the data pack specification gives).",
                "Inpatient spells (SUS APC; canonical table spell: provider_site, discharge_ready_date, "
                        + "discharge_date) and patient (age at admission).",
                List.of(
                        "DP 8.13: 'There's an unusual number of nulls in the clinically ready data, which might cause "
                                + "a mismatch to local Trust data': spells without a ready date add no delay days; the "
                                + "table gives the share of spells with one.",
                        "A ready date after the discharge date is treated as not recorded (ingest refuses such rows).",
                        "Counted by site of treatment: spells with no site code are shown as 'Not recorded'.",
                        "The £395 is an inflation-uplifted estimate of direct cost only; The King's Fund notes no "
                                + "official estimate exists."),
                List.of(
                        ChartSpec.ofTable(
                                "trend",
                                "Clinically ready for discharge: delay days by site",
                                "Adults",
                                "by-site",
                                Map.of(),
                                Map.of("x", "year", "y", "delay_days", "series", "site_name"),
                                "days"),
                        ChartSpec.ofTable(
                                "table",
                                "Delay days and their cost, latest year",
                                "Adults",
                                "by-site",
                                Map.of("period_role", PeriodRole.LATEST),
                                Map.of(),
                                "£")));
    }

    @Override
    public List<AnalysisTable> compute(AnalysisContext context) {
        Result r = context.engine()
                .execute(DischargeSpells.adults(context.years())
                        .aggregate(
                                List.of(GroupKey.of("fy"), GroupKey.of("site").totalAs(Totals.ALL_SITES)),
                                List.of(List.of("fy", "site"), List.of("fy")),
                                countRows("spells"),
                                countIf("with_ready", col("has_ready")),
                                countIf("delayed", col("delay_days").gt(lit(0L))),
                                sum("delay_days", col("delay_days"))));
        Map<String, Long> delay = new HashMap<>();
        for (int i = 0; i < r.size(); i++) {
            delay.put(r.getString(i, "fy") + "|" + r.getString(i, "site"), days(r, i));
        }
        List<List<Object>> rows = new ArrayList<>();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < r.size(); i++) {
            order.add(i);
        }
        order.sort((a, b) -> {
            int c = r.getString(a, "fy").compareTo(r.getString(b, "fy"));
            return c != 0 ? c : siteOrder(r.getString(a, "site")).compareTo(siteOrder(r.getString(b, "site")));
        });
        for (int i : order) {
            String fy = r.getString(i, "fy");
            String site = r.getString(i, "site");
            long days = days(r, i);
            Long before = delay.get(FinancialYear.parse(fy).previous().label() + "|" + site);
            long spells = r.getLong(i, "spells");
            rows.add(Arrays.asList(
                    fy,
                    PeriodRole.of(context, fy),
                    site,
                    Totals.ALL_SITES.equals(site)
                            ? Totals.ALL_SITES
                            : Sites.NOT_RECORDED.equals(site) ? site : site + ": " + Sites.name(site),
                    spells,
                    r.getLong(i, "with_ready"),
                    Percentages.share(r.getLong(i, "with_ready"), spells),
                    r.getLong(i, "delayed"),
                    days,
                    before,
                    before == null ? null : days - before,
                    Percentages.change(days, before == null ? null : before.doubleValue()),
                    days * costs.delayedDischargeNight(),
                    days * UnitCosts.RANGE_LOW,
                    days * UnitCosts.RANGE_HIGH));
        }
        return List.of(new AnalysisTable(
                "by-site",
                "Clinically ready for discharge delay days by site and year",
                List.of(
                        text("year", "Financial year of admission"),
                        text("period_role", PeriodRole.DESCRIPTION),
                        text("site_code", "Provider site code, 'All sites' or 'Not recorded'"),
                        text("site_name", "Site as the data pack names it"),
                        count("adult_spells", "Discharged adult spells"),
                        count("spells_with_ready_date", "Of which with a clinically-ready date"),
                        AnalysisTable.Column.derived(
                                "ready_date_recorded_pct",
                                "Percentage with a clinically-ready date",
                                new AnalysisTable.Ratio("spells_with_ready_date", "adult_spells", 100)),
                        count("delayed_spells", "Spells discharged after the ready date"),
                        AnalysisTable.Column.measure("delay_days", "Days from clinically ready to discharge"),
                        AnalysisTable.Column.measure("previous_year_delay_days", "Delay days in the previous year"),
                        AnalysisTable.Column.measure("change_days", "Change on the previous year, days"),
                        number("change_pct", "Percentage change on the previous year"),
                        number("cost_gbp", "Delay days × £" + fmt(costs.delayedDischargeNight()) + " (King's Fund)"),
                        number("cost_low_gbp", "Delay days × £" + fmt(UnitCosts.RANGE_LOW)),
                        number("cost_high_gbp", "Delay days × £" + fmt(UnitCosts.RANGE_HIGH))),
                rows));
    }

    private static long days(Result r, int i) {
        Long d = r.getLong(i, "delay_days");
        return d == null ? 0 : d;
    }

    /** The data pack's sites first, then others, then not recorded, then the total. */
    private static String siteOrder(String site) {
        return switch (site) {
            case Totals.ALL_SITES -> "9";
            case Sites.NOT_RECORDED -> "8";
            default -> (Sites.name(site).equals(site) ? "5" : "1") + site;
        };
    }

    static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
