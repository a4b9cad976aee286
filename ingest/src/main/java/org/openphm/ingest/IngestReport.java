package org.openphm.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The --report JSON: reconciliation per table and the quarantine summary. It holds counts, field names,
 * reasons and line numbers only, never values, so it can be shared with the data supplier as it is.
 */
final class IngestReport {
    private IngestReport() {}

    static void write(IngestResult result, Path file) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        root.put("workspace", result.workspace().toString());
        root.put("schema_version", org.openphm.model.CanonicalSchema.VERSION);
        root.put("ingested_at", result.ingestedAt().toString());
        root.put("as_of", result.asOf().toString());
        root.put("elapsed_seconds", result.elapsed().toMillis() / 1000.0);
        ObjectNode totals = root.putObject("totals");
        totals.put("read", result.read());
        totals.put("loaded", result.loaded());
        totals.put("quarantined", result.quarantined());
        ArrayNode tables = root.putArray("reconciliation");
        for (TableReconciliation t : result.tables()) {
            ObjectNode n = tables.addObject();
            n.put("table", t.table());
            n.put("file", t.file());
            n.put("read", t.read());
            n.put("loaded", t.loaded());
            n.put("quarantined", t.quarantined());
        }
        ArrayNode groups = root.putArray("quarantine");
        for (QuarantineGroup g : result.quarantine()) {
            ObjectNode n = groups.addObject();
            n.put("table", g.table());
            n.put("file", g.file());
            n.put("field", g.field());
            n.put("reason", g.reason());
            n.put("rows", g.rows());
            ArrayNode lines = n.putArray("example_lines");
            g.exampleLines().forEach(lines::add);
        }
        if (result.translation() != null) {
            writeSource(root.putObject("source"), result.translation());
        }
        ArrayNode warnings = root.putArray("warnings");
        result.warnings().forEach(warnings::add);
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        json.writeValue(file.toFile(), root);
    }

    /** Per source table: rows read, and where they went (canonical table, outcome, field, reason). */
    private static void writeSource(ObjectNode n, SourceTranslation t) {
        n.put("format", t.format());
        n.put("source", t.source().toString());
        ArrayNode tables = n.putArray("tables");
        for (String table : t.sourceTables()) {
            ObjectNode tn = tables.addObject();
            tn.put("source_table", table);
            long read = t.read(table);
            tn.put("read", read);
            ArrayNode outcomes = tn.putArray("outcomes");
            t.mapping().stream().filter(m -> m.sourceTable().equals(table)).forEach(m -> {
                ObjectNode o = outcomes.addObject();
                o.put("outcome", m.outcome().label());
                o.put("target_table", m.target());
                o.put("field", m.field());
                o.put("reason", m.reason());
                o.put("rows", m.rows());
                o.put("share_of_read", read == 0 ? 0 : Math.round(1000.0 * m.rows() / read) / 1000.0);
            });
        }
        ObjectNode coverage = n.putObject("register_map_coverage");
        coverage.put("distinct_codes", t.codes().distinctCodes());
        coverage.put("codes_on_a_register", t.codes().mappedCodes());
        coverage.put("condition_records", t.codes().records());
        coverage.put("records_on_a_register", t.codes().mappedRecords());
        ArrayNode top = coverage.putArray("most_frequent_codes_on_no_register");
        t.codes()
                .topUnmapped()
                .forEach(e -> top.addObject().put("code", e.getKey()).put("records", e.getValue()));
        ArrayNode policies = n.putArray("policies");
        t.policies().forEach(policies::add);
    }
}
