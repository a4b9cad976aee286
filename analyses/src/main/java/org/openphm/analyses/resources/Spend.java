package org.openphm.analyses.resources;

import static org.openphm.analyses.catalogue.AnalysisTable.Column.count;
import static org.openphm.analyses.catalogue.AnalysisTable.Column.integer;
import static org.openphm.analyses.catalogue.AnalysisTable.Column.money;
import static org.openphm.analyses.catalogue.AnalysisTable.Column.number;
import static org.openphm.analyses.catalogue.AnalysisTable.Column.text;
import static org.openphm.analyses.output.Percentages.change;
import static org.openphm.analyses.output.Percentages.share;
import static org.openphm.engine.query.Expr.col;
import static org.openphm.engine.query.Measure.sum;

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
import org.openphm.model.results.ChartSpec;

/**
 * DP 11 / CfC "Financial considerations": ICB spend on community and mental health services by category, provider
 * and year; growth against the growth of the core allocation; spend per registered head and per needs-weighted
 * head (the community needs index of the allocation formula, DP 11.4).
 */
public final class Spend implements Analysis {

    public static final String ID = "dp-11.1-spend";

    /** Performance-metric rows that carry the CfC's published per-head benchmarks. */
    static final List<String> BENCHMARKS = List.of(
            "community_spend_per_head", "community_spend_per_head_needs_weighted", "mh_share_of_core_allocation");

    @Override
    public AnalysisInfo info() {
        return new AnalysisInfo(
                ID,
                "DP 11.1",
                "Spend on community and mental health services (CfC financial context)",
                "ICB spend by financial year, service category and provider. Growth is the percentage change on the "
                        + "first year shown; allocation growth is that of the ICB core allocation over the same years. "
                        + "Spend per head = category spend / registered population of the year's allocation; "
                        + "needs-weighted per head = spend per head / (needs index / 100), England = 100.",
                "Sums of the finance_spend ledger in the engine; the whole-area allocation of a year is its largest "
                        + "allocation row (the ICB, or the combined CCGs before 2022/23).",
                "finance_spend (ICB ledger); allocation (NHS England ICB allocations, DP 11.4/11.5); published "
                        + "benchmarks as performance_metric rows (Parliamentary question on 2023/24 community spend, "
                        + "NHSE Mental Health Dashboard)",
                List.of(
                        "The needs indices come with one year's allocation formula (DP 11.4: 2025/26); they are "
                                + "applied to every year's spend, as the Case for Change does for 2023/24.",
                        "The Case for Change's £177 per head and £222 per needs-weighted head (England £207) are "
                                + "published for 2023/24 on the ONS-style population of a Parliamentary answer; the "
                                + "computed values use the allocation's registered population, so they differ slightly.",
                        "The Case for Change says allocation grew 14% from 2022/23 to 2024/25; the DP 11.5 allocations "
                                + "give 14.7%. The computed figure is shown.",
                        "MH share of allocation here is MH ledger spend / core allocation; the NHSE Mental Health "
                                + "Dashboard (15.2% vs 14.6% England) counts MH investment standard spend, a wider "
                                + "definition."),
                List.of(
                        ChartSpec.ofTable(
                                "trend",
                                "Spend by category",
                                "£, by financial year",
                                "by-category",
                                Map.of(),
                                Map.of("x", "year", "y", "spend_gbp", "series", "category"),
                                "£"),
                        ChartSpec.ofTable(
                                "ranked_table",
                                "Spend by provider, latest year",
                                null,
                                "by-provider",
                                Map.of("period_role", "latest"),
                                Map.of("y", "spend_gbp", "label", "provider_name"),
                                "£")));
    }

    @Override
    public List<AnalysisTable> compute(AnalysisContext context) {
        Result r = context.engine()
                .execute(Query.from(CanonicalSchema.FINANCE_SPEND)
                        .aggregate(List.of("year", "category", "provider"), sum("spend_gbp", col("spend_gbp"))));
        // category -> year -> provider -> £
        Map<String, Map<String, Map<String, Double>>> spend = new TreeMap<>();
        for (Map<String, Object> m : r.asMaps()) {
            spend.computeIfAbsent((String) m.get("category"), c -> new TreeMap<>())
                    .computeIfAbsent((String) m.get("year"), y -> new TreeMap<>())
                    .merge((String) m.get("provider"), ((Number) m.get("spend_gbp")).doubleValue(), Double::sum);
        }
        AllocationRows allocation = AllocationRows.load(context.engine());
        String latest = spend.values().stream()
                .flatMap(y -> y.keySet().stream())
                .max(String::compareTo)
                .orElse("");
        return List.of(byCategory(spend, allocation), byProvider(spend, latest), benchmarks(context));
    }

    private static AnalysisTable byCategory(
            Map<String, Map<String, Map<String, Double>>> spend, AllocationRows allocation) {
        Map<String, AllocationRows.Row> whole = allocation.wholeArea();
        AllocationRows.Row needs = allocation.latestNeedsIndices().orElse(null);
        List<List<Object>> rows = new ArrayList<>();
        spend.forEach((category, byYear) -> {
            String first = byYear.keySet().iterator().next();
            Double firstSpend = total(byYear.get(first));
            Double firstAllocation = whole.containsKey(first) ? whole.get(first).allocation() : null;
            Double before = null;
            for (var e : byYear.entrySet()) {
                double pounds = total(e.getValue());
                AllocationRows.Row a = whole.get(e.getKey());
                Double alloc = a == null ? null : a.allocation();
                Double perHead = a == null || a.population() == null ? null : pounds / a.population();
                Double index = needsIndex(category, needs);
                rows.add(Arrays.asList(
                        e.getKey(),
                        category,
                        pounds,
                        change(pounds, before),
                        change(pounds, firstSpend),
                        alloc,
                        change(alloc, firstAllocation),
                        a == null ? null : a.population(),
                        perHead,
                        index,
                        perHead == null || index == null ? null : perHead / (index / 100),
                        alloc == null ? null : share(pounds, alloc)));
                before = pounds;
            }
        });
        return new AnalysisTable(
                "by-category",
                "Spend by category and year with growth against allocation growth",
                List.of(
                        text("year", "Financial year"),
                        text("category", "Service category"),
                        money("spend_gbp", "Spend, £"),
                        number("change_pct", "% change on the previous year"),
                        number("growth_since_first_pct", "% growth since the first year shown"),
                        money("allocation_gbp", "ICB (or combined CCG) core allocation, £"),
                        number("allocation_growth_since_first_pct", "% allocation growth since the first year shown"),
                        count("registered_population", "Registered population of the year's allocation"),
                        money("spend_per_head_gbp", "Spend per registered head, £"),
                        number("needs_index", "Needs index of the category (England = 100), latest formula"),
                        money("needs_weighted_per_head_gbp", "Spend per needs-weighted head, £"),
                        number("share_of_allocation_pct", "Spend as % of core allocation")),
                rows);
    }

    /** The allocation formula's needs index for a spend category: community, mental health; none otherwise. */
    static Double needsIndex(String category, AllocationRows.Row needs) {
        if (needs == null) {
            return null;
        }
        String c = category.toLowerCase(java.util.Locale.ROOT);
        if (c.contains("community")) {
            return needs.needsCommunity();
        }
        if (c.contains("mental")) {
            return needs.needsMh();
        }
        return null;
    }

    private static AnalysisTable byProvider(Map<String, Map<String, Map<String, Double>>> spend, String latest) {
        List<List<Object>> rows = new ArrayList<>();
        spend.forEach((category, byYear) -> byYear.forEach((year, byProvider) -> {
            double all = total(byProvider);
            byProvider.entrySet().stream()
                    .sorted(Map.Entry.<String, Double>comparingByValue()
                            .reversed()
                            .thenComparing(Map.Entry.comparingByKey()))
                    .forEach(p -> rows.add(Arrays.asList(
                            year,
                            year.equals(latest) ? "latest" : "earlier",
                            category,
                            p.getKey(),
                            org.openphm.analyses.performance.Organisations.name(p.getKey()),
                            p.getValue(),
                            share(p.getValue(), all))));
        }));
        return new AnalysisTable(
                "by-provider",
                "Spend by provider, category and year",
                List.of(
                        text("year", "Financial year"),
                        text("period_role", "latest or earlier"),
                        text("category", "Service category"),
                        text("provider", "Provider (ODS code)"),
                        text("provider_name", "Provider name (the code itself where the reference list lacks it)"),
                        money("spend_gbp", "Spend, £"),
                        number("share_of_category_pct", "% of the category's spend")),
                rows);
    }

    private static AnalysisTable benchmarks(AnalysisContext context) {
        List<List<Object>> rows = new ArrayList<>();
        for (PublishedBenchmarks.Benchmark b : PublishedBenchmarks.load(context.engine(), BENCHMARKS)) {
            rows.add(Arrays.asList(
                    b.metricId(), b.name(), b.unit(), b.month(), b.value(), b.nationalValue(), b.nationalRank()));
        }
        return new AnalysisTable(
                "published-benchmarks",
                "Spend benchmarks as published (not computed here)",
                List.of(
                        text("metric_id", "Metric"),
                        text("name", "What it measures"),
                        text("unit", "Unit"),
                        text("month", "Month the annual figure is filed at (its year's last month)"),
                        number("value", IcbProfile.current().shortName() + " value"),
                        number("england_value", "England value"),
                        integer("england_rank", "Rank among ICBs")),
                rows);
    }

    private static double total(Map<String, Double> byProvider) {
        return byProvider.values().stream().mapToDouble(Double::doubleValue).sum();
    }
}
