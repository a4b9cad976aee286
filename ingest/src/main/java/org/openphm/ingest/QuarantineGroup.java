package org.openphm.ingest;

import java.util.List;

/** Quarantined rows of one table sharing a field and a reason, with up to five example lines. */
public record QuarantineGroup(
        String table, String file, String field, String reason, long rows, List<Long> exampleLines) {
    public QuarantineGroup {
        exampleLines = List.copyOf(exampleLines);
    }
}
