package org.openphm.ingest;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The outcome of an ingest that produced a workspace.
 *
 * @param keyFile    the workspace secret used for pseudonyms, or null when identifiers came pseudonymised
 * @param tables     one reconciliation per canonical table, in load order (absent optional tables: read 0)
 * @param quarantine quarantined rows grouped by table, field and reason
 * @param warnings   things the user should know that did not stop the load (ignored files or columns)
 * @param translation what the adapter did, when the input came in a standard format (OMOP, FHIR); else null
 */
public record IngestResult(
        Path workspace,
        Path keyFile,
        LocalDate asOf,
        Instant ingestedAt,
        List<TableReconciliation> tables,
        List<QuarantineGroup> quarantine,
        List<String> warnings,
        Duration elapsed,
        SourceTranslation translation) {
    public IngestResult {
        tables = List.copyOf(tables);
        quarantine = List.copyOf(quarantine);
        warnings = List.copyOf(warnings);
    }

    public long read() {
        return tables.stream().mapToLong(TableReconciliation::read).sum();
    }

    public long loaded() {
        return tables.stream().mapToLong(TableReconciliation::loaded).sum();
    }

    public long quarantined() {
        return tables.stream().mapToLong(TableReconciliation::quarantined).sum();
    }

    public TableReconciliation table(String name) {
        return tables.stream()
                .filter(t -> t.table().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no table " + name));
    }
}
