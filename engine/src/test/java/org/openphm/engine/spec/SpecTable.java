package org.openphm.engine.spec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.openphm.model.Column;
import org.openphm.model.ColumnType;
import org.openphm.model.Table;

/**
 * A tiny hand-made input table of the specification suite: named, typed columns and rows of Java values
 * (String, Integer/Long, Double, LocalDate, Boolean, null). Every engine's spec test loads all of them once.
 */
public record SpecTable(String name, List<SpecColumn> columns, List<List<Object>> rows) {

    public record SpecColumn(String name, ColumnType type) {}

    public SpecTable {
        columns = List.copyOf(columns);
        List<List<Object>> copy = new ArrayList<>();
        for (List<Object> r : rows) {
            if (r.size() != columns.size()) {
                throw new IllegalArgumentException(
                        name + ": row " + r + " has " + r.size() + " values, not " + columns.size());
            }
            copy.add(Collections.unmodifiableList(new ArrayList<>(r)));
        }
        rows = Collections.unmodifiableList(copy);
    }

    public List<String> columnNames() {
        return columns.stream().map(SpecColumn::name).toList();
    }

    /** Starts an ad-hoc table: {@code adHoc("t").col("a", STRING).row("x")}. */
    public static Builder adHoc(String name) {
        return new Builder(name);
    }

    /**
     * Rows for a canonical table giving only the columns a case needs; the others are NULL, so the table has
     * the canonical name, columns and types and {@code Query.from(CanonicalSchema.X)} works on it.
     */
    public static Builder canonical(Table table, String... givenColumns) {
        Builder b = new Builder(table.name());
        for (Column c : table.columns()) {
            b.col(c.name(), c.type());
        }
        b.given = Arrays.asList(givenColumns);
        return b;
    }

    public static final class Builder {
        private final String name;
        private final List<SpecColumn> columns = new ArrayList<>();
        private final List<List<Object>> rows = new ArrayList<>();
        private List<String> given;

        private Builder(String name) {
            this.name = name;
        }

        public Builder col(String column, ColumnType type) {
            columns.add(new SpecColumn(column, type));
            return this;
        }

        public Builder row(Object... values) {
            if (given == null) {
                rows.add(Arrays.asList(values));
                return this;
            }
            List<Object> full = new ArrayList<>(Collections.nCopies(columns.size(), null));
            for (int i = 0; i < given.size(); i++) {
                int at = columns.stream().map(SpecColumn::name).toList().indexOf(given.get(i));
                if (at < 0) {
                    throw new IllegalArgumentException(name + " has no column " + given.get(i));
                }
                full.set(at, values[i]);
            }
            rows.add(full);
            return this;
        }

        public SpecTable build() {
            return new SpecTable(name, columns, rows);
        }
    }
}
