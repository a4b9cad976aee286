package org.openphm.analyses.output;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openphm.analyses.catalogue.AnalysisTable;
import org.openphm.analyses.catalogue.AnalysisTable.Disclosure;
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
        out.add(new AnalysisTable.Column(NOTE, "string", "Why values in this row are hidden or rounded"));
        List<List<Object>> rows = new ArrayList<>();
        for (List<Object> row : table.rows()) {
            List<Object> r = new ArrayList<>(row);
            boolean suppressed = false;
            boolean rounded = false;
            for (int i = 0; i < columns.size(); i++) {
                if (isCount(columns.get(i)) && r.get(i) instanceof Number n) {
                    long v = Math.round(n.doubleValue());
                    if (rule.suppresses(v)) {
                        r.set(i, null);
                        suppressed = true;
                    } else {
                        rounded |= rule.round(v) != n.doubleValue();
                        r.set(i, rule.round(v));
                    }
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
                    matchesDeclaration(c, row, index, table.name());
                    r.set(i, derive(c, r, index, table.name()));
                    recomputed = true;
                }
            }
            r.add(suppressed ? "Suppressed: a count of 1-" + rule.suppressAtOrBelow()
                    + " (and the values derived from it) is not published"
                    : rounded ? "Counts rounded to the nearest " + rule.roundTo()
                    + (recomputed ? "; shares and changes computed from the rounded counts" : "")
                    : null);
            rows.add(r);
        }
        return new AnalysisTable(table.name(), table.description(), out, rows);
    }

    /**
     * A declaration that does not reproduce the analysis's own value from the exact inputs would silently change
     * what the column means once recomputed: that is a defect in the declaration, stopped here.
     */
    private static void matchesDeclaration(AnalysisTable.Column c, List<Object> exactRow, Map<String, Integer> index,
                                           String table) {
        Double declared = derive(c, exactRow, index, table);
        double value = ((Number) exactRow.get(index.get(c.name()))).doubleValue();
        // Within half a hundredth: some analyses publish percentages to two decimals.
        if (declared == null || Math.abs(declared - value) > 0.005 + 1e-6 * Math.abs(value)) {
            throw new IllegalStateException("table " + table + ": column " + c.name() + " is declared as the "
                    + c.derivation().kind() + " of " + c.derivation().inputs() + ", which gives " + declared
                    + ", but the analysis computed " + value);
        }
    }

    private static Double derive(AnalysisTable.Column c, List<Object> row, Map<String, Integer> index, String table) {
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
