package org.openphm.analyses.catalogue;

import java.util.ArrayList;
import java.util.List;
import org.openphm.model.ResultColumnType;
import org.openphm.model.results.Disclosure;
import org.openphm.model.results.Precision;

/**
 * One result table of an analysis: declared columns and rows of plain values (String, Long, Double,
 * LocalDate, Boolean or null).
 *
 * @param name short name, part of the file name (e.g. "by-place")
 */
public record AnalysisTable(String name, String description, List<Column> columns, List<List<Object>> rows) {

    /** The position of a column by name; a table without it is a programming error. */
    public int columnIndex(String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(column)) {
                return i;
            }
        }
        throw new IllegalArgumentException("table " + name + " has no column " + column);
    }

    /**
     * @param type string | integer | number | date | boolean | count (a count of people or events)
     * @param disclosure how the column is published; the short constructor takes it from the type: a count is
     *     a {@link Disclosure#COUNT}, a number {@link Disclosure#DERIVED}, anything else {@link Disclosure#REFERENCE}
     */
    public record Column(
            String name,
            ResultColumnType type,
            String description,
            Disclosure disclosure,
            Derivation derivation,
            String unit,
            Precision precision) {

        public Column(
                String name, ResultColumnType type, String description, Disclosure disclosure, Derivation derivation) {
            this(
                    name,
                    type,
                    description,
                    disclosure,
                    derivation,
                    null,
                    type == ResultColumnType.COUNT ? Precision.WHOLE : Precision.AS_COMPUTED);
        }

        public Column(String name, ResultColumnType type, String description) {
            this(
                    name,
                    type,
                    description,
                    switch (type) {
                        case COUNT -> Disclosure.COUNT;
                        case NUMBER -> Disclosure.DERIVED;
                        default -> Disclosure.REFERENCE;
                    },
                    null);
        }

        public Column(String name, ResultColumnType type, String description, Disclosure disclosure) {
            this(name, type, description, disclosure, null);
        }

        public Column {
            if (disclosure == Disclosure.COUNT && type != ResultColumnType.COUNT) {
                throw new IllegalArgumentException("column " + name + ": a count is declared with type count");
            }
            if (precision != Precision.AS_COMPUTED && !type.numeric()) {
                throw new IllegalArgumentException("column " + name + ": only a number is rounded");
            }
            if (precision != Precision.AS_COMPUTED && derivation != null) {
                // the output check recomputes a derived value from the published counts to within a millionth
                throw new IllegalArgumentException("column " + name + ": a derived value is published as computed");
            }
        }

        /** The same column published at {@code p} decimal places. */
        public Column rounded(Precision p) {
            return new Column(name, type, description, disclosure, derivation, unit, p);
        }

        /** The same column with its unit ("GBP", "WTE", "days"). */
        public Column in(String unitName) {
            return new Column(name, type, description, disclosure, derivation, unitName, precision);
        }

        /** True when the table rounds this column's values: a number with a precision, not a count. */
        boolean rounds() {
            return precision != Precision.AS_COMPUTED && type != ResultColumnType.COUNT;
        }

        public static Column text(String name, String description) {
            return new Column(name, ResultColumnType.STRING, description);
        }

        public static Column integer(String name, String description) {
            return new Column(name, ResultColumnType.INTEGER, description);
        }

        public static Column number(String name, String description) {
            return new Column(name, ResultColumnType.NUMBER, description);
        }

        public static Column date(String name, String description) {
            return new Column(name, ResultColumnType.DATE, description);
        }

        public static Column bool(String name, String description) {
            return new Column(name, ResultColumnType.BOOLEAN, description);
        }

        public static Column count(String name, String description) {
            return new Column(name, ResultColumnType.COUNT, description);
        }

        /**
         * A value computed from other columns of its row: published as computed again from their published
         * (rounded) values, so that it never tells more than they do.
         */
        public static Column derived(String name, String description, Derivation derivation) {
            return new Column(name, ResultColumnType.NUMBER, description, Disclosure.DERIVED, derivation);
        }

        /**
         * A sum over the people or events a count of its row counts (bed days, delay days): it describes the same
         * people, so it is withheld with their count.
         */
        public static Column measure(String name, String description) {
            return new Column(name, ResultColumnType.INTEGER, description, Disclosure.DERIVED);
        }

        /**
         * Pounds, to whole pence. A mean of money over a published count (a cost per admission) is {@link #derived}
         * instead, and published as computed from the published count.
         */
        public static Column money(String name, String description) {
            return number(name, description).in("GBP").rounded(Precision.TWO_PLACES);
        }

        /** Whole-time equivalent staff, to two places as workforce returns state it. */
        public static Column wte(String name, String description) {
            return number(name, description).in("WTE").rounded(Precision.TWO_PLACES);
        }

        /** A figure from a published aggregate source (finance, workforce returns, national statistics). */
        public static Column reference(String name, ResultColumnType type, String description) {
            return new Column(name, type, description, Disclosure.REFERENCE);
        }
    }

    /** How a derived value follows from other columns of its row. */
    public sealed interface Derivation {
        /** The columns it is computed from. */
        List<String> inputs();

        /** The value from the inputs' values, in {@link #inputs()} order; null when it cannot be computed. */
        Double compute(double[] inputs);

        /** Its name in metadata.json: ratio, difference, percent_change, wilson_lower/upper or share_of_total. */
        String kind();

        default double scale() {
            return 1;
        }

        /** The columns whose values pick out the rows a total is taken over; empty for a row-level derivation. */
        default List<String> within() {
            return List.of();
        }
    }

    /**
     * A column's share of its total over the rows that agree on the {@code within} columns (all rows when there
     * are none), x scale: compute takes the row's value and that total.
     */
    public record ShareOfTotal(String column, List<String> within, double scale) implements Derivation {
        public ShareOfTotal {
            within = List.copyOf(within);
        }

        public List<String> inputs() {
            return List.of(column);
        }

        public Double compute(double[] v) {
            return v[1] == 0 ? null : v[0] / v[1] * scale;
        }

        public String kind() {
            return "share_of_total";
        }
    }

    /** numerator / denominator x scale (a share, rate or percentage). */
    public record Ratio(String numerator, String denominator, double scale) implements Derivation {
        public List<String> inputs() {
            return List.of(numerator, denominator);
        }

        public Double compute(double[] v) {
            return v[1] == 0 ? null : v[0] / v[1] * scale;
        }

        public String kind() {
            return "ratio";
        }
    }

    /** The 95% Wilson score limit of numerator / denominator, x scale (Newcombe 1998, method 3). */
    public record WilsonLimit(String numerator, String denominator, double scale, boolean upper) implements Derivation {
        public List<String> inputs() {
            return List.of(numerator, denominator);
        }

        public Double compute(double[] v) {
            if (v[1] <= 0) {
                return null;
            }
            return scale
                    * (upper
                            ? org.openphm.stats.Proportions.wilsonUpper(v[0], v[1], org.openphm.stats.Confidence.P95)
                            : org.openphm.stats.Proportions.wilsonLower(v[0], v[1], org.openphm.stats.Confidence.P95));
        }

        public String kind() {
            return upper ? "wilson_upper" : "wilson_lower";
        }
    }

    /** later - earlier. */
    public record Difference(String later, String earlier) implements Derivation {
        public List<String> inputs() {
            return List.of(later, earlier);
        }

        public Double compute(double[] v) {
            return v[0] - v[1];
        }

        public String kind() {
            return "difference";
        }
    }

    /** (later - earlier) / earlier x 100. */
    public record PercentChange(String later, String earlier) implements Derivation {
        public List<String> inputs() {
            return List.of(later, earlier);
        }

        public Double compute(double[] v) {
            return v[1] == 0 ? null : (v[0] - v[1]) / v[1] * 100;
        }

        public String kind() {
            return "percent_change";
        }
    }

    /**
     * Checks each row against the columns and rounds each value to its column's declared {@link Precision}, so
     * the one rounding policy is applied by the table rather than by each analysis. Counts are left to the
     * disclosure rule, which rounds them to its base.
     */
    public AnalysisTable {
        columns = List.copyOf(columns);
        for (List<Object> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException(
                        "table " + name + ": a row has " + row.size() + " values for " + columns.size() + " columns");
            }
        }
        if (columns.stream().anyMatch(Column::rounds)) {
            List<List<Object>> rounded = new ArrayList<>(rows.size());
            for (List<Object> row : rows) {
                List<Object> r = new ArrayList<>(row);
                for (int i = 0; i < columns.size(); i++) {
                    if (columns.get(i).rounds() && r.get(i) instanceof Double d) {
                        r.set(i, columns.get(i).precision().round(d));
                    }
                }
                rounded.add(java.util.Collections.unmodifiableList(r));
            }
            rows = rounded;
        }
        rows = List.copyOf(rows);
    }

    public List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }
}
