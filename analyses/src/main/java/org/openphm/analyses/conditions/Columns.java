package org.openphm.analyses.conditions;

import org.openphm.analyses.catalogue.AnalysisTable;
import org.openphm.model.ResultColumnType;

/** Declared columns of this package's analysis tables, by type. */
final class Columns {
    private Columns() {}

    static AnalysisTable.Column text(String name, String description) {
        return new AnalysisTable.Column(name, ResultColumnType.STRING, description);
    }

    static AnalysisTable.Column integer(String name, String description) {
        return new AnalysisTable.Column(name, ResultColumnType.INTEGER, description);
    }

    static AnalysisTable.Column number(String name, String description) {
        return new AnalysisTable.Column(name, ResultColumnType.NUMBER, description);
    }

    /** Finite doubles as they are, NaN (a statistic not computed) as null. */
    static Double finite(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? null : v;
    }
}
