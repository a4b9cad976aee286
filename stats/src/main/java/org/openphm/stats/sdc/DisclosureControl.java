package org.openphm.stats.sdc;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Statistical disclosure control of a table of counts with margins: small counts are suppressed (primary),
 * further cells are suppressed so that no suppressed count can be worked out from a total and the other
 * published cells of any declared grouping (secondary), the rest are rounded, and values derived from a
 * hidden count or denominator are withheld. Counts and denominators are protected as two layers over the
 * same groupings, since denominators (populations, registers) add up along the same margins.
 *
 * <p>Typical use on tidy indicator results: one {@link Cell} per (indicator, period, area, breakdown) row,
 * with groupings {@code Grouping.margin("breakdown", "All")} and {@code Grouping.of("area", "BLMK",
 * places...)}.
 */
public final class DisclosureControl {

    private DisclosureControl() {}

    /** Applies {@link DisclosureRule#nhsDefault()}. */
    public static List<ProtectedCell> apply(List<Cell> cells, List<Grouping> groupings) {
        return apply(cells, groupings, DisclosureRule.nhsDefault());
    }

    /**
     * @return one protected cell per input cell, in input order
     */
    public static List<ProtectedCell> apply(List<Cell> cells, List<Grouping> groupings, DisclosureRule rule) {
        return apply(cells, groupings, rule, Set.of(), Set.of());
    }

    /**
     * Protects a table some of whose cells are also in another table published beside it, where they were hidden:
     * here they start hidden too (as secondary suppressions), so that this table's other cells cannot give them
     * back. A total hidden in one table and derivable as the sum of its parts in another is disclosed.
     *
     * @param hiddenCounts       ids of the cells whose count is hidden elsewhere
     * @param hiddenDenominators ids of the cells whose denominator is hidden elsewhere
     * @return one protected cell per input cell, in input order
     */
    public static List<ProtectedCell> apply(
            List<Cell> cells,
            List<Grouping> groupings,
            DisclosureRule rule,
            Set<String> hiddenCounts,
            Set<String> hiddenDenominators) {
        int n = cells.size();
        String[] ids = new String[n];
        long[] counts = new long[n];
        long[] denominators = new long[n];
        boolean[] all = new boolean[n];
        boolean[] hasDenominator = new boolean[n];
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < n; i++) {
            Cell c = cells.get(i);
            if (!seen.add(c.id())) {
                throw new IllegalArgumentException("duplicate cell id " + c.id());
            }
            ids[i] = c.id();
            counts[i] = c.count();
            all[i] = true;
            hasDenominator[i] = c.denominator() != null;
            denominators[i] = hasDenominator[i] ? c.denominator() : 0;
        }
        List<int[]> relations = Grouping.relations(groupings, cells);
        Protection[] countProtection = SuppressionPattern.protect(counts, all, ids, relations, rule, hiddenCounts);
        Protection[] denominatorProtection = SuppressionPattern.protect(
                denominators,
                hasDenominator,
                ids,
                relationsWithDenominators(relations, hasDenominator),
                rule,
                hiddenDenominators);

        List<ProtectedCell> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Protection cp = countProtection[i];
            Protection dp = denominatorProtection[i];
            out.add(new ProtectedCell(
                    cells.get(i),
                    cp,
                    cp.hidden() ? null : rule.round(counts[i]),
                    dp,
                    dp == Protection.ROUNDED ? rule.round(denominators[i]) : null,
                    !cp.hidden() && !dp.hidden()));
        }
        return out;
    }

    /** Denominators add up only where every member of a relation has one. */
    private static List<int[]> relationsWithDenominators(List<int[]> relations, boolean[] hasDenominator) {
        List<int[]> out = new ArrayList<>();
        for (int[] relation : relations) {
            boolean complete = true;
            for (int i : relation) {
                complete &= hasDenominator[i];
            }
            if (complete) {
                out.add(relation);
            }
        }
        return out;
    }
}
