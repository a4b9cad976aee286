package org.openphm.analyses.performance;

/** Shorthand for declaring the columns of this package's tables. */
final class TableColumns {
    private TableColumns() {}
}
