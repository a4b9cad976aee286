package org.openphm.analyses.resources;

import org.openphm.model.Totals;

/** Orderings shared by the finance and workforce tables. */
final class ResourceTables {
    private ResourceTables() {}

    /** Orders labels alphabetically with the all-total last. */
    static final java.util.Comparator<String> ALL_LAST =
            (x, y) -> x.equals(y) ? 0 : x.equals(Totals.ALL) ? 1 : y.equals(Totals.ALL) ? -1 : x.compareTo(y);

    /** Orders composite keys element by element, the all-total label after the named values. */
    static int compareKeys(java.util.List<String> a, java.util.List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            String x = a.get(i), y = b.get(i);
            int c = ALL_LAST.compare(x, y);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }
}
