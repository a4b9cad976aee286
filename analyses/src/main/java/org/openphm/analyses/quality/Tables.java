package org.openphm.analyses.quality;

import java.util.List;
import org.openphm.analyses.catalogue.AnalysisTable;
import org.openphm.analyses.catalogue.AnalysisTable.Column;

/** Column declarations and small arithmetic shared by the registers and data-quality tables of this package. */
final class Tables {
    private Tables() {}






    static AnalysisTable table(String name, String description, List<Column> columns, List<List<Object>> rows) {
        return new AnalysisTable(name, description, columns, rows);
    }

    /** part / whole as a percentage rounded to 0.1; null when the whole is empty. */
    static Double percent(long part, long whole) {
        return whole == 0 ? null : round1(100.0 * part / whole);
    }

    /** Percentage change on an earlier value; null when there is none to compare with. */
    static Double change(long now, Long before) {
        return before == null || before == 0 ? null : round1(100.0 * (now - before) / before);
    }

    static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    static long asLong(Object v) {
        return v == null ? 0 : ((Number) v).longValue();
    }
}
