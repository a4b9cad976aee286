package org.openphm.analyses.performance;

import org.openphm.analyses.catalogue.AnalysisTable.Column;

/** Shorthand for declaring the columns of this package's tables. */
final class TableColumns {
    private TableColumns() {}





}
