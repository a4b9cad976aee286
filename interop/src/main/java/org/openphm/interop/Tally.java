package org.openphm.interop;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openphm.ingest.SourceTranslation;
import org.openphm.ingest.SourceTranslation.Outcome;
import org.openphm.model.Table;

/** Counts, as an adapter reads, where each source row went; builds the {@link SourceTranslation}. */
public final class Tally {
    private record Key(String sourceTable, String target, Outcome outcome, String field, String reason) {}

    private final Map<Key, Long> counts = new LinkedHashMap<>();
    private final List<SourceTranslation.Quarantined> quarantined = new ArrayList<>();
    private final List<String> policies = new ArrayList<>();
    private final Map<String, long[]> codes = new java.util.HashMap<>();

    public void translated(String sourceTable, Table target) {
        add(new Key(sourceTable, target.name(), Outcome.TRANSLATED, null, null));
    }

    /** The row also fed a second canonical table (not part of the reconciliation). */
    public void alsoTranslated(String sourceTable, Table target) {
        add(new Key(sourceTable, target.name(), Outcome.ALSO_TRANSLATED, null, null));
    }

    public void outOfScope(String sourceTable, String field, String reason) {
        add(new Key(sourceTable, null, Outcome.OUT_OF_SCOPE, field, reason));
    }

    /** {@code rows} rows of a table read only to be counted (or only for lookups). */
    public void outOfScope(String sourceTable, String field, String reason, long rows) {
        if (rows > 0) {
            counts.merge(new Key(sourceTable, null, Outcome.OUT_OF_SCOPE, field, reason), rows, Long::sum);
        }
    }

    /** Translated to {@code target} but a field could not be mapped and a stated default was used. */
    public void defaulted(String sourceTable, Table target, String field, String reason) {
        add(new Key(sourceTable, target.name(), Outcome.DEFAULTED, field, reason));
    }

    public void unmapped(String sourceTable, String field, String reason) {
        add(new Key(sourceTable, null, Outcome.UNMAPPED, field, reason));
    }

    /** A source record refused whole: counted and kept (masked) in the workspace's quarantine. */
    public void quarantine(String sourceTable, String file, long line, String field, String value, String reason) {
        add(new Key(sourceTable, null, Outcome.QUARANTINED, field, reason));
        quarantined.add(new SourceTranslation.Quarantined(
                sourceTable,
                file,
                line,
                field,
                value != null && value.length() > 200 ? value.substring(0, 200) + "…" : value,
                reason));
    }

    /** A documented rule for what the source lacks, as shown in the ingest report. */
    public void policy(String text) {
        if (!policies.contains(text)) {
            policies.add(text);
        }
    }

    /** A condition record's code and whether the register map put it on a register. */
    public void code(String code, boolean mapped) {
        long[] n = codes.computeIfAbsent(code == null ? "(none)" : code, k -> new long[2]);
        n[0]++;
        if (mapped) {
            n[1]++;
        }
    }

    public long count(String sourceTable, Outcome outcome) {
        return counts.entrySet().stream()
                .filter(e -> e.getKey().sourceTable().equals(sourceTable)
                        && e.getKey().outcome() == outcome)
                .mapToLong(Map.Entry::getValue)
                .sum();
    }

    public SourceTranslation build(String format, Path source) {
        List<SourceTranslation.Mapping> mapping = new ArrayList<>();
        counts.forEach((k, n) -> mapping.add(
                new SourceTranslation.Mapping(k.sourceTable(), k.target(), k.outcome(), k.field(), k.reason(), n)));
        long mappedCodes = codes.values().stream().filter(n -> n[1] > 0).count();
        long records = codes.values().stream().mapToLong(n -> n[0]).sum();
        long mappedRecords = codes.values().stream().mapToLong(n -> n[1]).sum();
        List<Map.Entry<String, Long>> top = codes.entrySet().stream()
                .filter(e -> e.getValue()[1] == 0)
                .map(e -> Map.entry(e.getKey(), e.getValue()[0]))
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(25)
                .toList();
        return new SourceTranslation(
                format,
                source,
                mapping,
                quarantined,
                policies,
                new SourceTranslation.Coverage(codes.size(), mappedCodes, records, mappedRecords, top));
    }

    private void add(Key k) {
        counts.merge(k, 1L, Long::sum);
    }
}
