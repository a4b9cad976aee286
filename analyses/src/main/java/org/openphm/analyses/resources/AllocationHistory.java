package org.openphm.analyses.resources;

import static org.openphm.analyses.catalogue.AnalysisTable.Column.count;
import static org.openphm.analyses.catalogue.AnalysisTable.Column.money;
import static org.openphm.analyses.catalogue.AnalysisTable.Column.number;
import static org.openphm.analyses.catalogue.AnalysisTable.Column.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.openphm.analyses.catalogue.Analysis;
import org.openphm.analyses.catalogue.AnalysisContext;
import org.openphm.analyses.catalogue.AnalysisInfo;
import org.openphm.analyses.catalogue.AnalysisTable;
import org.openphm.model.results.ChartSpec;
import org.openphm.model.results.Precision;

/**
 * DP 11.5 (and the DP 11.4 needs indices): allocation, allocation per head, distance from target and in-year
 * surplus/(deficit) by year and commissioner, with the cumulative surplus of the whole area ("by 2015/16 the
 * cumulative deficit had risen to £84.5m").
 */
public final class AllocationHistory implements Analysis {

    public static final String ID = "dp-11.5-allocation-history";

    @Override
    public AnalysisInfo info() {
        return new AnalysisInfo(
                ID,
                "DP 11.5",
                "Allocation, distance from target and financial performance (DP 11.4, 11.5)",
                "Core allocation and target by financial year and commissioner (CCGs to 2021/22, then the ICB). "
                        + "Distance from target (DfT) = allocation − target, in £ and as % of target; allocation per "
                        + "head = allocation / registered population; cumulative surplus sums the whole-area in-year "
                        + "surplus/(deficit) from the first year.",
                "Arithmetic on the allocation feed; the whole-area row of a year is its largest allocation.",
                "allocation (NHS England CCG/ICB allocations and DfT; ICB annual accounts for surplus/deficit)",
                List.of(
                        "The DP 11.5 table is misaligned in the seed (the CCG DfT and surplus rows sit one column to "
                                + "the right); the feed realigns them by the DP's own text, leaving 2020/21 (COVID "
                                + "regime) without DfT. Two statements still disagree: '1.58% below target (or £17m)' "
                                + "in 2019/20 and 'surpluses totalling £52m between 2017/18 and 2020/21'.",
                        "NHS England defines DfT as % of target; the DP's printed ICB percentages are % of allocation "
                                + "(e.g. 2025/26: −1.69% of allocation, −1.66% of target).",
                        "Needs indices belong to the formula of the year they are shown against."),
                List.of(
                        ChartSpec.ofTable(
                                "trend",
                                "Allocation per head",
                                "£ per registered head",
                                "history",
                                Map.of("whole_area", "true"),
                                Map.of("x", "year", "y", "allocation_per_head_gbp"),
                                "£"),
                        ChartSpec.ofTable(
                                "trend",
                                "Distance from target",
                                "% of target",
                                "history",
                                Map.of(),
                                Map.of("x", "year", "y", "dft_pct", "series", "commissioner"),
                                "%"),
                        ChartSpec.ofTable(
                                "table", "Needs indices", "England = 100", "needs-index", Map.of(), Map.of(), null)));
    }

    @Override
    public List<AnalysisTable> compute(AnalysisContext context) {
        AllocationRows allocation = AllocationRows.load(context.engine());
        List<List<Object>> history = new ArrayList<>();
        List<List<Object>> needs = new ArrayList<>();
        double cumulative = 0;
        boolean anySurplus = false;
        for (AllocationRows.Row r : allocation.rows()) {
            boolean whole = allocation.isWholeArea(r);
            Double cumulativeHere = null;
            if (whole && r.surplus() != null) {
                cumulative += r.surplus();
                anySurplus = true;
            }
            if (whole && anySurplus) {
                cumulativeHere = cumulative;
            }
            history.add(Arrays.asList(
                    r.year(),
                    r.commissioner(),
                    String.valueOf(whole),
                    r.allocation(),
                    r.target(),
                    r.population(),
                    r.perHead(),
                    r.distanceFromTarget(),
                    r.distanceFromTargetPct(),
                    r.surplus(),
                    cumulativeHere));
            if (r.needsGna() != null || r.needsCommunity() != null || r.needsMh() != null) {
                needs.add(Arrays.asList(r.year(), r.commissioner(), r.needsGna(), r.needsCommunity(), r.needsMh()));
            }
        }
        return List.of(
                new AnalysisTable(
                        "history",
                        "Allocation, distance from target and surplus/(deficit) (DP 11.5)",
                        List.of(
                                text("year", "Financial year"),
                                text("commissioner", "CCG, combined CCGs or ICB"),
                                text("whole_area", "true for the row covering the whole area that year"),
                                pounds("allocation_gbp", "Core allocation, £"),
                                pounds("target_gbp", "Target, £"),
                                count("registered_population", "Registered population"),
                                money("allocation_per_head_gbp", "Allocation per registered head, £"),
                                pounds("dft_gbp", "Distance from target, £ (negative = below target)"),
                                number("dft_pct", "Distance from target, % of target")
                                        .rounded(Precision.TWO_PLACES),
                                pounds("surplus_deficit_gbp", "In-year surplus (+) / deficit (−), £"),
                                pounds("cumulative_surplus_gbp", "Cumulative whole-area surplus/(deficit), £")),
                        history),
                new AnalysisTable(
                        "needs-index",
                        "Needs indices of the allocation formula (DP 11.4)",
                        List.of(
                                text("year", "Financial year of the formula"),
                                text("commissioner", "Commissioner"),
                                number("general_and_acute", "General and acute needs index, England = 100"),
                                number("community", "Community health needs index, England = 100"),
                                number("mental_health", "Mental health needs index, England = 100")),
                        needs));
    }

    /** Whole pounds, as the allocation files state them. */
    private static AnalysisTable.Column pounds(String name, String description) {
        return number(name, description).in("GBP").rounded(Precision.WHOLE);
    }
}
