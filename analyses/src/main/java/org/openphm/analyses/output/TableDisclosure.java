package org.openphm.analyses.output;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openphm.analyses.catalogue.AnalysisTable;
import org.openphm.model.ResultColumnType;
import org.openphm.model.results.Disclosure;
import org.openphm.stats.sdc.DisclosureRule;

/**
 * Disclosure control of an analysis table before it is published, by each column's declared
 * {@link Disclosure} class. Counts of people or events are published under the rule: 1 to 7 suppressed, the
 * rest rounded. In a row where a count is suppressed, every derived value (shares, rates, means, limits) is
 * withheld too, since it may be worked back from the count; a {@code disclosure_note} column says why. A
 * derived value that declares how it follows from its row ({@link AnalysisTable.Derivation}) is computed
 * again from the published values, so that it cannot be multiplied back into an exact count.
 *
 * <p>This is NHS Digital's rule for HES and ECDS outputs since September 2018 ("Disclosure control methodology
 * for Hospital Episode Statistics (HES) and Emergency Care Data Set (ECDS)", digital.nhs.uk), which replaced
 * secondary suppression: with every published count rounded to 5, totals included, a hidden 1-7 cannot be
 * recovered exactly by subtraction. Indicator results, whose margins (geography and breakdowns) are known, get
 * secondary suppression as well ({@code indicator.DisclosureStep}). An identifier column is never published.
 */
public final class TableDisclosure {
    private TableDisclosure() {}

    public static final String NOTE = "disclosure_note";

    public static boolean isCount(AnalysisTable.Column c) {
        return c.disclosure() == Disclosure.COUNT;
    }

    /**
     * One count as published under the rule: a modelled (fractional) count is taken to the nearest whole first;
     * null where the rule suppresses it, else rounded to the rule's base. What every count column gets, and
     * anything else that publishes a count (the dashboard's scenario explorer).
     */
    public static Long count(double value, DisclosureRule rule) {
        long v = Math.round(value);
        return rule.suppresses(v) ? null : rule.round(v);
    }

    public static AnalysisTable apply(AnalysisTable table, DisclosureRule rule) {
        List<AnalysisTable.Column> columns = table.columns();
        for (AnalysisTable.Column c : columns) {
            if (c.disclosure() == Disclosure.IDENTIFIER) {
                throw new IllegalStateException("table " + table.name() + " declares identifier column " + c.name()
                        + ": person-level identifiers are never published");
            }
        }
        if (columns.stream().noneMatch(TableDisclosure::isCount)) {
            return table;
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            index.put(columns.get(i).name(), i);
        }
        List<AnalysisTable.Column> out = new ArrayList<>(columns);
        out.add(new AnalysisTable.Column(
                NOTE, ResultColumnType.STRING, "Why values in this row are hidden or rounded"));
        List<List<Object>> rows = new ArrayList<>();
        for (List<Object> row : table.rows()) {
            List<Object> r = new ArrayList<>(row);
            boolean suppressed = false;
            boolean rounded = false;
            for (int i = 0; i < columns.size(); i++) {
                if (isCount(columns.get(i)) && r.get(i) instanceof Number n) {
                    Long published = count(n.doubleValue(), rule);
                    r.set(i, published);
                    suppressed |= published == null;
                    rounded |= published != null && published != n.doubleValue();
                }
            }
            boolean recomputed = false;
            for (int i = 0; i < columns.size(); i++) {
                AnalysisTable.Column c = columns.get(i);
                if (c.disclosure() != Disclosure.DERIVED) {
                    continue;
                }
                if (suppressed) {
                    r.set(i, null);
                } else if (c.derivation() != null && r.get(i) != null) {
                    // A share of a total over rows is computed once every row is rounded (below).
                    if (!(c.derivation() instanceof AnalysisTable.ShareOfTotal)) {
                        matchesDeclaration(c, row, index, table.name(), null);
                        r.set(i, derive(c, r, index, table.name(), null));
                    }
                    recomputed = true;
                }
            }
            r.add(
                    suppressed
                            ? "Suppressed: a count of 1-" + rule.suppressAtOrBelow()
                                    + " (and the values derived from it) is not published"
                            : rounded
                                    ? "Counts rounded to the nearest " + rule.roundTo()
                                            + (recomputed
                                                    ? "; shares and changes computed from the rounded counts"
                                                    : "")
                                    : null);
            rows.add(r);
        }
        for (int i = 0; i < columns.size(); i++) {
            AnalysisTable.Column c = columns.get(i);
            if (c.derivation() instanceof AnalysisTable.ShareOfTotal share) {
                Map<List<Object>, Double> exactTotals = totals(share, table.rows(), index);
                Map<List<Object>, Double> publishedTotals = totals(share, rows, index);
                for (int k = 0; k < rows.size(); k++) {
                    if (rows.get(k).get(i) != null) {
                        matchesDeclaration(c, table.rows().get(k), index, table.name(), exactTotals);
                        rows.get(k).set(i, derive(c, rows.get(k), index, table.name(), publishedTotals));
                    }
                }
            }
        }
        return new AnalysisTable(table.name(), table.description(), out, rows);
    }

    /** The column's total over each set of rows agreeing on the share's {@code within} columns (nulls left out). */
    private static Map<List<Object>, Double> totals(
            AnalysisTable.ShareOfTotal share, List<List<Object>> rows, Map<String, Integer> index) {
        Map<List<Object>, Double> totals = new HashMap<>();
        int at = index.get(share.column());
        for (List<Object> row : rows) {
            if (row.get(at) instanceof Number n) {
                totals.merge(key(share, row, index), n.doubleValue(), Double::sum);
            }
        }
        return totals;
    }

    private static List<Object> key(AnalysisTable.ShareOfTotal share, List<Object> row, Map<String, Integer> index) {
        List<Object> key = new ArrayList<>();
        for (String w : share.within()) {
            key.add(row.get(index.get(w)));
        }
        return key;
    }

    /**
     * A declaration that does not reproduce the analysis's own value from the exact inputs would silently change
     * what the column means once recomputed: that is a defect in the declaration, stopped here.
     */
    private static void matchesDeclaration(
            AnalysisTable.Column c,
            List<Object> exactRow,
            Map<String, Integer> index,
            String table,
            Map<List<Object>, Double> totals) {
        Double declared = derive(c, exactRow, index, table, totals);
        double value = ((Number) exactRow.get(index.get(c.name()))).doubleValue();
        // Within half a tenth: some analyses publish percentages to one or two decimals.
        if (declared == null || Math.abs(declared - value) > 0.05 + 1e-6 * Math.abs(value)) {
            throw new IllegalStateException("table " + table + ": column " + c.name() + " is declared as the "
                    + c.derivation().kind() + " of " + c.derivation().inputs() + ", which gives " + declared
                    + ", but the analysis computed " + value);
        }
    }

    /** @param totals for a share of a total over rows, the totals by row key; null otherwise */
    private static Double derive(
            AnalysisTable.Column c,
            List<Object> row,
            Map<String, Integer> index,
            String table,
            Map<List<Object>, Double> totals) {
        if (c.derivation() instanceof AnalysisTable.ShareOfTotal share) {
            Object v = row.get(index.get(share.column()));
            Double total = totals.get(key(share, row, index));
            return v instanceof Number n && total != null ? share.compute(new double[] {n.doubleValue(), total}) : null;
        }
        List<String> inputs = c.derivation().inputs();
        double[] v = new double[inputs.size()];
        for (int k = 0; k < v.length; k++) {
            Integer at = index.get(inputs.get(k));
            if (at == null) {
                throw new IllegalStateException("table " + table + ": column " + c.name() + " is derived from "
                        + inputs.get(k) + ", which the table does not have");
            }
            if (!(row.get(at) instanceof Number n)) {
                return null;
            }
            v[k] = n.doubleValue();
        }
        return c.derivation().compute(v);
    }
}
