package org.openphm.stats.sdc;

import java.util.List;

/**
 * Primary and secondary suppression of one layer of values (the counts, or the denominators) over the
 * additive relations of a table.
 *
 * <p>Secondary suppression: while any relation (a total and its parts) has exactly one hidden member, that
 * member could be recovered as total minus the other parts (or as the sum of the parts, if it is the total),
 * so the smallest non-zero visible member is hidden too; this repeats over all relations until none has
 * exactly one hidden member. Zero cells are taken as complements only when nothing else is left, because a
 * hidden zero protects little (counts cannot be negative, so the primary cell's value is then bounded by
 * the difference). Ties go to the lower cell id so the result does not depend on input order accidents.
 * This protects against differencing along any single declared relation; it is not a full audit against
 * attacks that combine several relations (e.g. linear-programming bounds on a hidden cell).
 */
final class SuppressionPattern {

    private SuppressionPattern() {}

    /**
     * @param values the layer's values
     * @param present false where a cell has no value in this layer (never hidden)
     * @param hiddenElsewhere ids of cells hidden in another table published beside this one: hidden here too
     * @return the protection of each value
     */
    static Protection[] protect(
            long[] values,
            boolean[] present,
            String[] ids,
            List<int[]> relations,
            DisclosureRule rule,
            java.util.Set<String> hiddenElsewhere) {
        Protection[] protection = new Protection[values.length];
        for (int i = 0; i < values.length; i++) {
            protection[i] = !present[i]
                    ? Protection.NONE
                    : rule.suppresses(values[i])
                            ? Protection.PRIMARY
                            : hiddenElsewhere.contains(ids[i]) ? Protection.SECONDARY : Protection.ROUNDED;
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int[] relation : relations) {
                if (hiddenCount(relation, protection) == 1) {
                    int complement = complement(relation, values, ids, protection);
                    if (complement >= 0) {
                        protection[complement] = Protection.SECONDARY;
                        changed = true;
                    }
                }
            }
        }
        return protection;
    }

    private static int hiddenCount(int[] relation, Protection[] protection) {
        int hidden = 0;
        for (int i : relation) {
            hidden += protection[i].hidden() ? 1 : 0;
        }
        return hidden;
    }

    /** The smallest visible non-zero member, else the smallest visible member; -1 if none is visible. */
    private static int complement(int[] relation, long[] values, String[] ids, Protection[] protection) {
        int best = -1;
        for (int i : relation) {
            if (protection[i] != Protection.ROUNDED) {
                continue;
            }
            if (best < 0 || better(i, best, values, ids)) {
                best = i;
            }
        }
        return best;
    }

    private static boolean better(int a, int b, long[] values, String[] ids) {
        boolean aZero = values[a] == 0;
        boolean bZero = values[b] == 0;
        if (aZero != bZero) {
            return bZero;
        }
        if (values[a] != values[b]) {
            return values[a] < values[b];
        }
        return ids[a].compareTo(ids[b]) < 0;
    }
}
