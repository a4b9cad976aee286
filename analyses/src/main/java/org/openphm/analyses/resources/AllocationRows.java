package org.openphm.analyses.resources;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.openphm.engine.Engine;
import org.openphm.engine.Result;
import org.openphm.engine.query.Query;
import org.openphm.engine.query.SortKey;
import org.openphm.model.CanonicalSchema;

/**
 * The allocation feed (DP 11.4, 11.5), one row per financial year and commissioner. Before July 2022 a year has
 * rows for each CCG and for the CCGs combined; from 2022/23 one row for the ICB. The row that covers the whole
 * area in a year is the one with the largest allocation (a combined or ICB allocation is at least any of its
 * parts), so that nothing is counted twice whichever way a supplier labels the combined row.
 */
record AllocationRows(List<Row> rows) {

    record Row(
            String year,
            String commissioner,
            double allocation,
            Double target,
            Double surplus,
            Long population,
            Double needsGna,
            Double needsCommunity,
            Double needsMh) {

        Double perHead() {
            return population == null || population == 0 ? null : allocation / population;
        }

        /** Allocation minus target, £ (NHS England: negative = below target). */
        Double distanceFromTarget() {
            return target == null ? null : allocation - target;
        }

        /** Distance from target as % of target, as NHS England defines DfT. */
        Double distanceFromTargetPct() {
            return target == null || target == 0 ? null : 100 * (allocation - target) / target;
        }
    }

    static AllocationRows load(Engine engine) {
        Result r = engine.execute(
                Query.from(CanonicalSchema.ALLOCATION).orderBy(SortKey.asc("year"), SortKey.asc("commissioner")));
        List<Row> rows = new ArrayList<>();
        for (Map<String, Object> m : r.asMaps()) {
            rows.add(new Row(
                    (String) m.get("year"),
                    (String) m.get("commissioner"),
                    (Double) m.get("allocation_gbp"),
                    (Double) m.get("target_gbp"),
                    (Double) m.get("surplus_deficit_gbp"),
                    (Long) m.get("registered_population"),
                    (Double) m.get("needs_index_gna"),
                    (Double) m.get("needs_index_community"),
                    (Double) m.get("needs_index_mh")));
        }
        return new AllocationRows(List.copyOf(rows));
    }

    /** The whole-area row of each year, by year. */
    Map<String, Row> wholeArea() {
        Map<String, Row> out = new TreeMap<>();
        for (Row r : rows) {
            out.merge(r.year(), r, (a, b) -> a.allocation() >= b.allocation() ? a : b);
        }
        return out;
    }

    boolean isWholeArea(Row r) {
        return wholeArea().get(r.year()) == r;
    }

    /** The latest whole-area row carrying needs indices (they come with the allocation formula of one year). */
    Optional<Row> latestNeedsIndices() {
        return wholeArea().values().stream()
                .filter(r -> r.needsGna() != null || r.needsCommunity() != null || r.needsMh() != null)
                .max(Comparator.comparing(Row::year));
    }
}
