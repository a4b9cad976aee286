package org.openphm.ingest;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an adapter from a standard format (OMOP CDM, FHIR Bulk Data) did before the canonical files it wrote
 * reach the ordinary ingest: where every source row went, and the source records it could not use at all.
 * Ingest stores both in the workspace ({@code _source_mapping}, {@code _quarantine}) and in the report, so a
 * source row is never dropped without a count and a reason.
 *
 * @param format      the source format, e.g. {@code omop-cdm-5.4}, {@code fhir-r4-bulk}
 * @param source      the folder or database the adapter read
 * @param mapping     counts per source table, canonical table, outcome, field and reason
 * @param quarantined source records refused before translation (malformed lines, records with no identifier)
 * @param policies    the documented handling of what the source lacks (e.g. no NHS number), one line each
 * @param codes       the register map's coverage of the source's condition codes
 */
public record SourceTranslation(
        String format,
        java.nio.file.Path source,
        List<Mapping> mapping,
        List<Quarantined> quarantined,
        List<String> policies,
        Coverage codes) {

    public SourceTranslation {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(source, "source");
        mapping = List.copyOf(mapping);
        quarantined = List.copyOf(quarantined);
        policies = List.copyOf(policies);
        Objects.requireNonNull(codes, "codes");
    }

    /**
     * How much of the source's condition coding the register map covers: distinct codes and records, and the
     * codes on no register, most frequent first (codes, never people, so they can be shown to anyone).
     */
    public record Coverage(
            long distinctCodes,
            long mappedCodes,
            long records,
            long mappedRecords,
            List<Map.Entry<String, Long>> topUnmapped) {
        public Coverage {
            topUnmapped = List.copyOf(topUnmapped);
        }
    }

    /** What became of source rows. */
    public enum Outcome {
        /** Written to a canonical table (the ingest then loads or quarantines it). */
        TRANSLATED,
        /** Read and deliberately not used: out of the model's scope (a drug exposure, an outpatient visit). */
        OUT_OF_SCOPE,
        /** Could not be mapped: an unknown code, a missing reference. Counted, with the field and reason. */
        UNMAPPED,
        /** Could not be read: refused whole and quarantined with file, line and reason. */
        QUARANTINED,
        /**
         * Also used for a second canonical table (a person row gives a patient and a registration). Not part of
         * the reconciliation: each source row has exactly one of the other outcomes.
         */
        ALSO_TRANSLATED,
        /**
         * Translated, with one field the source lacks set by a stated policy (no LSOA, no practice, no ICD-10
         * diagnosis). Not part of the reconciliation: it qualifies a TRANSLATED row.
         */
        DEFAULTED;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        }
    }

    /**
     * @param sourceTable the source table or resource type, e.g. {@code condition_occurrence}, {@code Condition}
     * @param target      the canonical table written, or null
     * @param field       the source field the outcome turned on, or null
     * @param reason      why (for anything but TRANSLATED), or null
     */
    public record Mapping(String sourceTable, String target, Outcome outcome, String field, String reason, long rows) {}

    /** A source record refused whole; {@code value} is stored masked, like every quarantined value. */
    public record Quarantined(String sourceTable, String file, long line, String field, String value, String reason) {}

    /** Source rows read per source table: every row has exactly one outcome besides ALSO_TRANSLATED and DEFAULTED. */
    public long read(String sourceTable) {
        return mapping.stream()
                .filter(m -> m.sourceTable().equals(sourceTable)
                        && m.outcome() != Outcome.ALSO_TRANSLATED
                        && m.outcome() != Outcome.DEFAULTED)
                .mapToLong(Mapping::rows)
                .sum();
    }

    /** The source tables in the order first mapped. */
    public List<String> sourceTables() {
        return mapping.stream().map(Mapping::sourceTable).distinct().toList();
    }
}
