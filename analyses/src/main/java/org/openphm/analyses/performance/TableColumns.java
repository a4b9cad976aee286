package org.openphm.analyses.performance;

import org.openphm.analyses.catalogue.AnalysisTable.Column;

/** Shorthand for declaring the columns of this package's tables. */
final class TableColumns {
    private TableColumns() {}

    static Column text(String name, String description) {
        return new Column(name, "string", description);
    }

    static Column integer(String name, String description) {
        return new Column(name, "integer", description);
    }

    static Column number(String name, String description) {
        return new Column(name, "number", description);
    }

    static Column bool(String name, String description) {
        return new Column(name, "boolean", description);
    }

    /** Percentage of part in whole; null for an empty whole. */
    static Double percent(double part, double whole) {
        return whole == 0 ? null : 100.0 * part / whole;
    }
}
