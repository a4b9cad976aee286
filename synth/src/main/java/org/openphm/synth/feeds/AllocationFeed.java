package org.openphm.synth.feeds;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.openphm.model.CanonicalSchema;
import org.openphm.model.Table;

/**
 * allocation: the DP 11.5 history 2013/14-2025/26 (reconstructed as resources/feeds/allocation_history.psv
 * explains), with registered population = allocation / allocation per head, target = allocation - financial impact
 * of DfT, and the DP 11.4 needs indices (G&A 92, community 79, MH 88) on the 2025/26 ICB row, the year of the
 * formula they come from. Money and population scale with the synthetic population.
 */
final class AllocationFeed implements Feed {

    /** DP 11.4 needs indices, England = 100, in the 2025/26 allocation formula. */
    static final double NEEDS_GNA = 92, NEEDS_COMMUNITY = 79, NEEDS_MH = 88;

    static final String NEEDS_YEAR = "2025/26";
    private static final String COMBINED = "Combined CCGs";
    /** Below this |DfT| the target implied by impact / DfT is dominated by the rounding of the published %. */
    private static final double RELIABLE_DFT_PCT = 1.0;

    @Override
    public Table table() {
        return CanonicalSchema.ALLOCATION;
    }

    @Override
    public void write(FeedContext ctx, FeedRows out) throws IOException {
        Map<String, Double> combinedAllocation = new HashMap<>();
        Map<String, Double> lastShare = new HashMap<>();
        double k = 1000 * ctx.scale();
        for (Psv.Row r : Psv.read("allocation_history.psv")) {
            String year = r.text("year"), who = r.text("commissioner");
            Double allocation = r.number("allocation_k"), dft = r.number("dft_pct"), impact = r.number("dft_impact_k");
            Double perHead = r.number("per_head");
            if (who.equals(COMBINED)) {
                combinedAllocation.put(year, allocation);
            }
            if (allocation == null) {
                // Not published per CCG: target = impact / DfT, where the DfT is large enough to trust; otherwise
                // the CCG keeps its last reliable share of the combined allocation.
                double combined = combinedAllocation.get(year);
                if (Math.abs(dft) >= RELIABLE_DFT_PCT) {
                    allocation = impact / (dft / 100) + impact;
                    lastShare.put(who, allocation / combined);
                } else {
                    allocation = lastShare.get(who) * combined;
                }
            }
            Double target = impact == null ? null : allocation - impact;
            Long population = perHead == null ? null : Math.round(allocation * 1000 / perHead * ctx.scale());
            boolean needs = NEEDS_YEAR.equals(year); // the year has one row, the ICB's
            out.row(
                    year,
                    who,
                    Cells.number(allocation * k, 0),
                    target == null ? null : Cells.number(target * k, 0),
                    r.number("surplus_k") == null ? null : Cells.number(r.number("surplus_k") * k, 0),
                    population,
                    needs ? NEEDS_GNA : null,
                    needs ? NEEDS_COMMUNITY : null,
                    needs ? NEEDS_MH : null);
        }
    }
}
