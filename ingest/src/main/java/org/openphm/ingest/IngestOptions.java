package org.openphm.ingest;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What to ingest and where.
 *
 * @param input                folder with one file per canonical table ({@code <table>.csv} or {@code <table>.parquet})
 * @param workspace            the DuckDB workspace file to (re)build; its key file is {@code <workspace>.key}
 * @param asOf                 extract date: patient-level dates after it are "in the future"; null = today
 * @param report               where to write the JSON reconciliation and quarantine summary, or null
 * @param quarantineOut        folder for per-file quarantine CSVs for the data supplier, or null
 * @param maxQuarantinedShare  the largest share (0 to 1) of any table's rows that may be quarantined; above it the
 *                             extract is refused and the workspace left as it was ({@link #ACCEPT_ANY_QUARANTINE}: never)
 * @param translation          when {@code input} was written by an adapter from a standard format, what it did; else null
 */
public record IngestOptions(
        Path input,
        Path workspace,
        LocalDate asOf,
        Path report,
        Path quarantineOut,
        double maxQuarantinedShare,
        SourceTranslation translation) {
    /**
     * A file mostly quarantined is almost always a file read wrongly (a shifted header, another layout), and
     * loading what is left would publish figures from a fraction of the population.
     */
    public static final double DEFAULT_MAX_QUARANTINED_SHARE = 0.05;

    public static final double ACCEPT_ANY_QUARANTINE = 1.0;

    public IngestOptions {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(workspace, "workspace");
        asOf = asOf == null ? LocalDate.now() : asOf;
        if (!(maxQuarantinedShare >= 0 && maxQuarantinedShare <= 1)) {
            throw new IllegalArgumentException(
                    "maxQuarantinedShare must be between 0 and 1, not " + maxQuarantinedShare);
        }
    }

    /** Canonical files as supplied (no adapter). */
    public IngestOptions(
            Path input, Path workspace, LocalDate asOf, Path report, Path quarantineOut, double maxQuarantinedShare) {
        this(input, workspace, asOf, report, quarantineOut, maxQuarantinedShare, null);
    }

    /** The same ingest of the canonical files an adapter wrote into {@code staged}. */
    public IngestOptions translated(Path staged, SourceTranslation what) {
        return new IngestOptions(staged, workspace, asOf, report, quarantineOut, maxQuarantinedShare, what);
    }

    /** With the default quarantine limit. */
    public IngestOptions(Path input, Path workspace, LocalDate asOf, Path report, Path quarantineOut) {
        this(input, workspace, asOf, report, quarantineOut, DEFAULT_MAX_QUARANTINED_SHARE);
    }

    public static IngestOptions of(Path input, Path workspace, LocalDate asOf) {
        return new IngestOptions(input, workspace, asOf, null, null);
    }
}
