package org.openphm.analyses.acute;

import org.openphm.analyses.catalogue.AnalysisTable.Column;
import org.openphm.model.ResultColumnType;

/** Year-on-year change as the data pack states it ("increased by 7% from 2023/24 to 2024/25"). */
final class Change {
    private Change() {}

    static Double difference(double now, Double before) {
        return before == null ? null : now - before;
    }

    static Column integer(String name, String description) {
        return new Column(name, ResultColumnType.INTEGER, description);
    }

    static Column number(String name, String description) {
        return new Column(name, ResultColumnType.NUMBER, description);
    }

    static Column text(String name, String description) {
        return new Column(name, ResultColumnType.STRING, description);
    }
}
