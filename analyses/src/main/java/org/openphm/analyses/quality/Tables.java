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

    static long asLong(Object v) {
        return v == null ? 0 : ((Number) v).longValue();
    }
}
