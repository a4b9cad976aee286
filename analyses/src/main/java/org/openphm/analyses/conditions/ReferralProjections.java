package org.openphm.analyses.conditions;

import static org.openphm.analyses.conditions.Columns.*;
import static org.openphm.analyses.output.Percentages.change;
import static org.openphm.analyses.output.Percentages.share;

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
import org.openphm.analyses.projection.DemographicProjection;
import org.openphm.model.AreaType;
import org.openphm.model.FinancialYear;
import org.openphm.model.results.ChartSpec;

/**
 * DP 4.7-4.10: referrals to community services (adults) and to mental health services (all ages) in the base
 * year 2023/24, projected to 2033/34 and 2043/44 — the data pack's table (DP 4.7, 4.9, with the "N/A" row of
 * referrals with no service recorded, its count and share) and its charts of numbers and percentage change
 * every year (DP 4.8, 4.10, without the N/A row), for the ICB and each Place.
 */
public final class ReferralProjections implements Analysis {

    /** The data pack's base year and horizons (DP 4.6). */
    static final FinancialYear BASE = new FinancialYear(2023);

    static final FinancialYear MID = new FinancialYear(2033);
    static final FinancialYear HORIZON = new FinancialYear(2043);

    private final AnalysisInfo info;
    private final ReferralProjection projection;
    private final boolean yearly;

    private ReferralProjections(AnalysisInfo info, ReferralProjection projection, boolean yearly) {
        this.info = info;
        this.projection = projection;
        this.yearly = yearly;
    }

    static final String METHOD = "Referrals received in 2023/24 by service, counted in the Place of the practice the "
            + "person was registered with on the day of referral, at their sex and five-year age band then; rate per "
            + "registered person of that Place, sex and band at 31 March 2024; projected referrals = rate x the "
            + "cell's registered population grown by its local authority's projected growth (DP 1.3), summed to "
            + "Places and the ICB. Referrals with no service recorded form the N/A row.";

    static List<String> caveats() {
        return List.of(
                "Forecasts assume referral patterns by age/sex continue, population forecasts are accurate, and "
                        + "no planned service developments or changes in age/sex patterns of referrals (DP 4.6).",
                "Many referral records lack the team referred to (the N/A row, DP 4.7/4.9, DP 9).",
                "Referrals of people not registered with a practice on the day are not counted (they belong to no Place).");
    }

    public static ReferralProjections community() {
        return new ReferralProjections(
                new AnalysisInfo(
                        "dp-4.7-community-referral-projections",
                        "DP 4.7",
                        "Projected referrals to community services (18+)",
                        "Referrals to community services teams (CSDS, any provider) for registered patients aged 18 and over "
                                + "in 2023/24, and projected referrals in 2033/34 and 2043/44.",
                        METHOD,
                        "Community Services Data Set referrals (canonical table referral, dataset CSDS); registrations; "
                                + "population_projection",
                        caveats(),
                        List.of(ChartSpec.ofTable(
                                "table",
                                "Projected referrals to community services (18+)",
                                IcbProfile.current().icbLabel(),
                                "by-service",
                                Map.of("area_type", AreaType.ICB.label()),
                                Map.of(),
                                ""))),
                new ReferralProjection("CSDS", 18, BASE),
                false);
    }

    public static ReferralProjections communityCharts() {
        return new ReferralProjections(
                new AnalysisInfo(
                        "dp-4.8-community-referral-projection-trend",
                        "DP 4.8",
                        "Projected referrals to community services: numbers and percentage change",
                        "Projected referrals to community services (18+) each year from 2023/24 to 2043/44, by service, "
                                + "excluding referrals with no service recorded.",
                        METHOD,
                        "Community Services Data Set referrals (canonical table referral, dataset CSDS); registrations; "
                                + "population_projection",
                        caveats(),
                        trendCharts("community services (18+)")),
                new ReferralProjection("CSDS", 18, BASE),
                true);
    }

    public static ReferralProjections mentalHealth() {
        return new ReferralProjections(
                new AnalysisInfo(
                        "dp-4.9-mental-health-referral-projections",
                        "DP 4.9",
                        "Projected referrals to mental health services (all ages)",
                        "Referrals to mental health services teams (MHSDS, any provider) for registered patients of all ages "
                                + "in 2023/24, and projected referrals in 2033/34 and 2043/44.",
                        METHOD,
                        "Mental Health Services Data Set referrals (canonical table referral, dataset MHSDS); registrations; "
                                + "population_projection",
                        caveats(),
                        List.of(ChartSpec.ofTable(
                                "table",
                                "Projected referrals to mental health services (all ages)",
                                IcbProfile.current().icbLabel(),
                                "by-service",
                                Map.of("area_type", AreaType.ICB.label()),
                                Map.of(),
                                ""))),
                new ReferralProjection("MHSDS", 0, BASE),
                false);
    }

    public static ReferralProjections mentalHealthCharts() {
        return new ReferralProjections(
                new AnalysisInfo(
                        "dp-4.10-mental-health-referral-projection-trend",
                        "DP 4.10",
                        "Projected referrals to mental health services: numbers and percentage change",
                        "Projected referrals to mental health services (all ages) each year from 2023/24 to 2043/44, by "
                                + "service, excluding referrals with no service recorded.",
                        METHOD,
                        "Mental Health Services Data Set referrals (canonical table referral, dataset MHSDS); registrations; "
                                + "population_projection",
                        caveats(),
                        trendCharts("mental health services (all ages)")),
                new ReferralProjection("MHSDS", 0, BASE),
                true);
    }

    private static List<ChartSpec> trendCharts(String what) {
        return List.of(
                ChartSpec.ofTable(
                        "projection",
                        "Projected referrals to " + what,
                        IcbProfile.current().icbLabel(),
                        "by-year",
                        Map.of("area_type", AreaType.ICB.label()),
                        Map.of("x", "year", "y", "referrals", "series", "service"),
                        ""),
                ChartSpec.ofTable(
                        "ranked_table",
                        "Percentage change in referrals by 2043/44",
                        IcbProfile.current().icbLabel(),
                        "by-year",
                        Map.of("area_type", AreaType.ICB.label(), "year", HORIZON.label()),
                        Map.of("y", "change_pct"),
                        "%"));
    }

    @Override
    public AnalysisInfo info() {
        return info;
    }

    @Override
    public List<AnalysisTable> compute(AnalysisContext context) {
        ReferralProjection.Projected p = projection.compute(context.engine(), context.geography());
        return List.of(yearly ? byYear(context.geography(), p) : byService(context.geography(), p));
    }

    static int year(FinancialYear fy) {
        return DemographicProjection.yearOf(fy);
    }

    /**
     * Referrals of a dataset (every service, the N/A row included) for the whole ICB in each projection year from
     * the DP 4.7/4.9 base year: the demand index other analyses scale by (the workforce needed, DP 12).
     */
    public static java.util.SortedMap<Integer, Double> icbTotals(
            org.openphm.engine.Engine engine, Geography geography, String dataset, int minAge) {
        ReferralProjection.Projected p = new ReferralProjection(dataset, minAge, BASE).compute(engine, geography);
        String icb = geography.areas(org.openphm.model.AreaType.ICB).get(0).code();
        java.util.SortedMap<Integer, Double> out = new java.util.TreeMap<>();
        p.projected()
                .values()
                .forEach(byArea ->
                        byArea.getOrDefault(icb, Map.of()).forEach((year, v) -> out.merge(year, v, Double::sum)));
        return out;
    }

    /** The base year of the referral projections, as a projection year. */
    public static int baseYear() {
        return year(BASE);
    }

    static AnalysisTable byService(Geography geography, ReferralProjection.Projected p) {
        List<List<Object>> rows = new ArrayList<>();
        Map<String, Double> totals = new java.util.HashMap<>();
        p.projected()
                .forEach((service, byArea) -> byArea.forEach(
                        (area, byYear) -> totals.merge(area, byYear.getOrDefault(year(BASE), 0.0), Double::sum)));
        for (String service : ReferralProjection.ordered(p.projected().keySet())) {
            p.projected().get(service).forEach((code, byYear) -> {
                Geography.Area area = geography.area(code);
                double base = byYear.getOrDefault(year(BASE), 0.0);
                Double mid = byYear.get(year(MID));
                Double horizon = byYear.get(year(HORIZON));
                // Projections stay unrounded here, so the changes follow from the row's own figures as declared;
                // publication rounds them under the count rule and computes the changes again.
                rows.add(Arrays.asList(
                        area.code(),
                        area.name(),
                        area.type().label(),
                        service,
                        Math.round(base),
                        share(base, totals.get(code)),
                        mid,
                        mid == null ? null : change(mid, base),
                        horizon,
                        horizon == null ? null : change(horizon, base)));
            });
        }
        return new AnalysisTable(
                "by-service",
                "Referrals in 2023/24 and projected to 2033/34 and 2043/44",
                List.of(
                        text("area_code", "ICB or Place code"),
                        text("area_name", "Area name"),
                        text("area_type", "ICB or Place"),
                        text("service", "Service (team type) referred to; N/A = not recorded"),
                        AnalysisTable.Column.count(
                                "referrals_2023_24", "Referrals in 2023/24 (people registered on the day)"),
                        AnalysisTable.Column.derived(
                                "share_pct",
                                "Share of all the area's referrals in 2023/24",
                                new AnalysisTable.ShareOfTotal(
                                        "referrals_2023_24", java.util.List.of("area_code"), 100)),
                        AnalysisTable.Column.count(
                                "projected_2033_34",
                                "Projected referrals in 2033/34 (modelled; published " + "under the count rule)"),
                        AnalysisTable.Column.derived(
                                "change_pct_2033_34",
                                "% change 2023/24 to 2033/34",
                                new AnalysisTable.PercentChange("projected_2033_34", "referrals_2023_24")),
                        AnalysisTable.Column.count("projected_2043_44", "Projected referrals in 2043/44"),
                        AnalysisTable.Column.derived(
                                "change_pct_2043_44",
                                "% change 2023/24 to 2043/44",
                                new AnalysisTable.PercentChange("projected_2043_44", "referrals_2023_24"))),
                rows);
    }

    static AnalysisTable byYear(Geography geography, ReferralProjection.Projected p) {
        List<List<Object>> rows = new ArrayList<>();
        for (String service : ReferralProjection.ordered(p.projected().keySet())) {
            if (service.equals(ReferralProjection.NOT_RECORDED)) {
                continue; // DP 4.8/4.10 chart the recorded services only
            }
            p.projected().get(service).forEach((code, byYear) -> {
                Geography.Area area = geography.area(code);
                double base = byYear.getOrDefault(year(BASE), 0.0);
                byYear.forEach((y, v) -> rows.add(Arrays.asList(
                        area.code(),
                        area.name(),
                        area.type().label(),
                        service,
                        new FinancialYear(y - 1).label(),
                        base,
                        v,
                        change(v, base))));
            });
        }
        return new AnalysisTable(
                "by-year",
                "Projected referrals each year, by service",
                List.of(
                        text("area_code", "ICB or Place code"),
                        text("area_name", "Area name"),
                        text("area_type", "ICB or Place"),
                        text("service", "Service (team type) referred to"),
                        text("year", "Financial year (its 31 March population)"),
                        AnalysisTable.Column.count(
                                "referrals_2023_24", "Referrals in 2023/24, the base year (observed)"),
                        AnalysisTable.Column.count(
                                "referrals",
                                "Referrals: observed in 2023/24, projected after (a modelled "
                                        + "number of referrals, published under the count rule like the observed one)"),
                        AnalysisTable.Column.derived(
                                "change_pct",
                                "% change on 2023/24",
                                new AnalysisTable.PercentChange("referrals", "referrals_2023_24"))),
                rows);
    }
}
