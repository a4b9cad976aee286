package org.openphm.synth;

import java.time.Duration;
import java.util.Map;

/** What a generation run wrote: rows per table (file name without .csv) and how long it took. */
public record GenerationReport(Map<String, Long> rowsPerTable, Duration elapsed) {
    public GenerationReport {
        rowsPerTable = Map.copyOf(rowsPerTable);
    }
}
