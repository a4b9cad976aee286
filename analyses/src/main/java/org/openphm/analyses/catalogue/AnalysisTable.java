package org.openphm.analyses.catalogue;

import java.util.List;

/**
 * One result table of an analysis: declared columns and rows of plain values (String, Long, Double,
 * LocalDate, Boolean or null).
 *
 * @param name short name, part of the file name (e.g. "by-place")
 */
public record AnalysisTable(String name, String description, List<Column> columns, List<List<Object>> rows) {

    /**
     * @param type string | integer | number | date | boolean | count (a count of people or events: published
     *             under disclosure control, see output.TableDisclosure)
     */
    public record Column(String name, String type, String description) {

        public static Column text(String name, String description) { return new Column(name, "string", description); }

        public static Column integer(String name, String description) { return new Column(name, "integer", description); }

        public static Column number(String name, String description) { return new Column(name, "number", description); }

        public static Column date(String name, String description) { return new Column(name, "date", description); }

        public static Column bool(String name, String description) { return new Column(name, "boolean", description); }

        public static Column count(String name, String description) { return new Column(name, "count", description); }
    }

    public AnalysisTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        for (List<Object> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("table " + name + ": a row has " + row.size() + " values for "
                        + columns.size() + " columns");
            }
        }
    }

    public List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }
}
