package org.openphm.ingest;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What to ingest and where.
 *
 * @param input          folder with one file per canonical table ({@code <table>.csv} or {@code <table>.parquet})
 * @param workspace      the DuckDB workspace file to (re)build; its key file is {@code <workspace>.key}
 * @param asOf           extract date: patient-level dates after it are "in the future"; null = today
 * @param report         where to write the JSON reconciliation and quarantine summary, or null
 * @param quarantineOut  folder for per-file quarantine CSVs for the data supplier, or null
 */
public record IngestOptions(Path input, Path workspace, LocalDate asOf, Path report, Path quarantineOut) {
    public IngestOptions {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(workspace, "workspace");
        asOf = asOf == null ? LocalDate.now() : asOf;
    }

    public static IngestOptions of(Path input, Path workspace, LocalDate asOf) {
        return new IngestOptions(input, workspace, asOf, null, null);
    }
}
