package org.openphm.analyses.performance;

import java.util.ArrayList;
import java.util.List;
import org.openphm.analyses.catalogue.AnalysisTable;

/** Looks up rows and cells of analysis tables by column name, for the specification tests. */
final class Tables {
    private Tables() {}

    static AnalysisTable table(List<AnalysisTable> tables, String name) {
        return tables.stream()
                .filter(t -> t.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no table " + name));
    }

    /** Rows whose columns equal the given values: {@code rows(t, "view", "Latest", "metric_id", "x")}. */
    static List<List<Object>> rows(AnalysisTable t, Object... columnValues) {
        List<List<Object>> found = new ArrayList<>();
        for (List<Object> row : t.rows()) {
            boolean match = true;
            for (int i = 0; i < columnValues.length; i += 2) {
                Object v = row.get(t.columnNames().indexOf((String) columnValues[i]));
                match &= columnValues[i + 1].equals(v);
            }
            if (match) {
                found.add(row);
            }
        }
        return found;
    }

    static List<Object> row(AnalysisTable t, Object... columnValues) {
        List<List<Object>> found = rows(t, columnValues);
        if (found.size() != 1) {
            throw new AssertionError(found.size() + " rows match " + List.of(columnValues) + " in " + t.name());
        }
        return found.get(0);
    }

    static Object get(AnalysisTable t, List<Object> row, String column) {
        int i = t.columnNames().indexOf(column);
        if (i < 0) {
            throw new AssertionError("no column " + column + " in " + t.name());
        }
        return row.get(i);
    }

    static double number(AnalysisTable t, List<Object> row, String column) {
        return ((Number) get(t, row, column)).doubleValue();
    }
}
