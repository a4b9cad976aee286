package org.openphm.analyses.resources;

import static org.openphm.analyses.catalogue.AnalysisTable.Column.count;
import static org.openphm.analyses.catalogue.AnalysisTable.Column.number;
import static org.openphm.analyses.catalogue.AnalysisTable.Column.text;
import static org.openphm.analyses.catalogue.AnalysisTable.Column.wte;
import static org.openphm.engine.query.Expr.col;
import static org.openphm.engine.query.Measure.countRows;
import static org.openphm.engine.query.Measure.sum;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.openphm.analyses.catalogue.Analysis;
import org.openphm.analyses.catalogue.AnalysisContext;
import org.openphm.analyses.catalogue.AnalysisInfo;
import org.openphm.analyses.catalogue.AnalysisTable;
import org.openphm.analyses.conditions.ReferralProjections;
import org.openphm.analyses.projection.DemographicProjection;
import org.openphm.engine.Result;
import org.openphm.model.FinancialYear;
import org.openphm.model.results.ChartSpec;
import org.openphm.model.results.Precision;

/**
 * DP 12.1 and CfC Part D: the workforce the projected demand implies at today's staffing ratios. Each staff group
 * of each provider's service area grows with the demand of that area — community services with the DP 4.7
 * referral projection, mental health with DP 4.9, children's services with the registered population aged 0-19 —
 * so the WTE needed in 2033/34 and 2043/44 is today's WTE times the demand index, and the extra staff is the
 * difference. No productivity change, skill-mix change or new model of care is assumed: it is the as-is baseline
 * the CfC's scenarios are measured against.
 */
public final class WorkforceDemandProjection implements Analysis {

    public static final String ID = "dp-12.1-workforce-demand-projection";
    static final List<FinancialYear> HORIZONS = List.of(new FinancialYear(2033), new FinancialYear(2043));
    static final String COMMUNITY = "community";
    static final String MENTAL_HEALTH = "mental health";
    static final String CHILDREN = "children";
    /** Children's services demand: the registered population below this age (the ESP2013 bands 0-4 .. 15-19). */
    static final int CHILDREN_BELOW_AGE = 20;

    record Staff(String organisation, String serviceArea, String staffGroup, long headcount, double wte) {}

    @Override
    public AnalysisInfo info() {
        return new AnalysisInfo(
                ID,
                "DP 12.1",
                "Workforce implied by projected demand, 2033/34 and 2043/44",
                "Staff (WTE) each provider's service area would need in 2033/34 and 2043/44 to meet projected "
                        + "demand at today's staffing ratio, by staff group, and the extra WTE over staff in post "
                        + "today.",
                "WTE needed = WTE in post at the census date x demand index, where the demand index is projected "
                        + "demand over demand in 2023/24 for the ICB: community = CSDS referrals 18+ (DP 4.7), mental "
                        + "health = MHSDS referrals, all ages (DP 4.9), children = registered population aged 0-19 "
                        + "(ESP2013 bands to 15-19), each projected from 2023/24 age/sex rates onto the population "
                        + "projection. Staffing ratios, productivity and skill mix are held at today's.",
                "workforce (ESR, staff in post at the census date); referral; registration; population_projection",
                List.of(
                        "Today's staffing is assumed to match 2023/24 demand: growth between the base year and the "
                                + "census is not separated out.",
                        "Demand is referrals (or children), not contacts or caseload: a service whose contacts per "
                                + "referral change will need different staff.",
                        "Vacancies are not added: the extra WTE is over staff in post, so today's vacancies "
                                + "(dp-12.3-vacancies) come on top."),
                List.of(
                        ChartSpec.ofTable(
                                "table",
                                "WTE needed at today's staffing ratios",
                                "By service area",
                                "by-service-area",
                                Map.of(),
                                Map.of(),
                                "WTE"),
                        ChartSpec.ofTable(
                                "ranked_table",
                                "Extra WTE needed by 2043/44, by provider and staff group",
                                "Over staff in post today",
                                "by-staff-group",
                                Map.of(),
                                Map.of("y", "extra_wte_2043_44"),
                                "WTE")));
    }

    @Override
    public List<AnalysisTable> compute(AnalysisContext context) {
        Result r = context.engine()
                .execute(StaffInPost.at(StaffInPost.census(context))
                        .aggregate(
                                List.of("organisation", "service_area", "staff_group"),
                                countRows("headcount"),
                                sum("wte", col("fte"))));
        List<Staff> staff = new ArrayList<>();
        for (int i = 0; i < r.size(); i++) {
            staff.add(new Staff(
                    r.getString(i, "organisation"),
                    r.getString(i, "service_area"),
                    r.getString(i, "staff_group"),
                    r.getLong(i, "headcount"),
                    r.getDouble(i, "wte")));
        }
        Map<String, SortedMap<Integer, Double>> demand = new LinkedHashMap<>();
        demand.put(COMMUNITY, ReferralProjections.icbTotals(context.engine(), context.geography(), "CSDS", 18));
        demand.put(MENTAL_HEALTH, ReferralProjections.icbTotals(context.engine(), context.geography(), "MHSDS", 0));
        demand.put(CHILDREN, children(context));
        return tables(staff, demand, ReferralProjections.baseYear());
    }

    /** Registered people aged 0-19 in each projection year, from the 2023/24 base. */
    private static SortedMap<Integer, Double> children(AnalysisContext context) {
        LocalDate base = new FinancialYear(ReferralProjections.baseYear() - 1).end();
        DemographicProjection projection = DemographicProjection.registered(context.engine(), base);
        SortedMap<Integer, Double> out = new TreeMap<>();
        for (int year : projection.growth().years()) {
            out.put(
                    year,
                    projection.population(year).entrySet().stream()
                            .filter(e -> e.getKey().lowerAge() < CHILDREN_BELOW_AGE)
                            .mapToDouble(Map.Entry::getValue)
                            .sum());
        }
        return out;
    }

    /**
     * @param demand service area → projection year → demand; areas without a demand series keep today's WTE
     */
    static List<AnalysisTable> tables(List<Staff> staff, Map<String, SortedMap<Integer, Double>> demand, int baseYear) {
        List<List<Object>> rows = new ArrayList<>();
        Map<String, double[]> byArea = new TreeMap<>();
        for (Staff s : staff) {
            List<Object> row = new ArrayList<>(
                    Arrays.asList(s.organisation(), s.serviceArea(), s.staffGroup(), s.headcount(), s.wte()));
            double[] totals = byArea.computeIfAbsent(s.serviceArea(), a -> new double[1 + 2 * HORIZONS.size()]);
            totals[0] += s.wte();
            for (int h = 0; h < HORIZONS.size(); h++) {
                Double index = index(demand.get(s.serviceArea()), baseYear, HORIZONS.get(h));
                double needed = index == null ? s.wte() : s.wte() * index;
                row.addAll(Arrays.asList(index, needed, needed - s.wte()));
                totals[1 + 2 * h] += needed;
                totals[2 + 2 * h] += needed - s.wte();
            }
            rows.add(row);
        }
        // largest extra WTE first, as published (to two places), so equal published values fall to the names
        rows.sort(java.util.Comparator.comparing(
                        (List<Object> r) -> -Precision.TWO_PLACES.round((Double) r.get(r.size() - 1)))
                .thenComparing(r -> (String) r.get(0))
                .thenComparing(r -> (String) r.get(1))
                .thenComparing(r -> (String) r.get(2)));
        List<List<Object>> areas = new ArrayList<>();
        byArea.forEach((area, t) -> {
            List<Object> row = new ArrayList<>(Arrays.asList(area, t[0]));
            for (int h = 0; h < HORIZONS.size(); h++) {
                Double index = index(demand.get(area), baseYear, HORIZONS.get(h));
                row.addAll(Arrays.asList(index, t[1 + 2 * h], t[2 + 2 * h]));
            }
            areas.add(row);
        });
        List<AnalysisTable.Column> horizon = new ArrayList<>();
        for (FinancialYear y : HORIZONS) {
            String s = y.label().replace('/', '_');
            horizon.add(number("demand_index_" + s, "Demand in " + y + " / demand in the base year")
                    .rounded(Precision.TWO_PLACES));
            horizon.add(wte("wte_needed_" + s, "WTE needed in " + y + " at today's staffing ratio"));
            horizon.add(wte("extra_wte_" + s, "WTE needed in " + y + " - WTE in post today"));
        }
        List<AnalysisTable.Column> detail = new ArrayList<>(List.of(
                text("organisation", "Employing organisation"),
                text("service_area", "Service area"),
                text("staff_group", "Staff group"),
                count("headcount", "Staff in post at the census date"),
                wte("wte_today", "WTE in post at the census date")));
        detail.addAll(horizon);
        List<AnalysisTable.Column> summary = new ArrayList<>(
                List.of(text("service_area", "Service area"), wte("wte_today", "WTE in post at the census date")));
        summary.addAll(horizon);
        return List.of(
                new AnalysisTable(
                        "by-service-area", "WTE needed at today's staffing ratios, by service area", summary, areas),
                new AnalysisTable(
                        "by-staff-group", "WTE needed by provider, service area and staff group", detail, rows));
    }

    private static Double index(SortedMap<Integer, Double> series, int baseYear, FinancialYear horizon) {
        if (series == null) {
            return null;
        }
        Double base = series.get(baseYear);
        Double then = series.get(DemographicProjection.yearOf(horizon));
        return base == null || then == null || base <= 0 ? null : then / base;
    }
}
