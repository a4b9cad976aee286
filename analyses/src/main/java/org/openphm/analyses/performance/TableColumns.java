package org.openphm.analyses.performance;

import org.openphm.analyses.catalogue.AnalysisTable.Column;

/** Shorthand for declaring the columns of this package's tables. */
final class TableColumns {
    private TableColumns() {}





    /** Percentage of part in whole; null for an empty whole. */
    static Double percent(double part, double whole) {
        return whole == 0 ? null : 100.0 * part / whole;
    }
}
