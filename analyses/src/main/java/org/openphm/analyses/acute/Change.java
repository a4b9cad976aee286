package org.openphm.analyses.acute;

import org.openphm.analyses.catalogue.AnalysisTable.Column;

/** Year-on-year change as the data pack states it ("increased by 7% from 2023/24 to 2024/25"). */
final class Change {
    private Change() {}

    static Double difference(double now, Double before) {
        return before == null ? null : now - before;
    }

    static Column integer(String name, String description) {
        return new Column(name, "integer", description);
    }

    static Column number(String name, String description) {
        return new Column(name, "number", description);
    }

    static Column text(String name, String description) {
        return new Column(name, "string", description);
    }
}
