package org.openphm.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the canonical model as Markdown. The committed copy, docs/DATA_MODEL.generated.md, is checked
 * against this output by a test, so documentation cannot drift from the code.
 */
public final class SchemaDocument {
    private SchemaDocument() {}

    public static String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("# OpenPHM canonical data model (schema version ")
                .append(CanonicalSchema.VERSION)
                .append(")\n\n");
        sb.append("Generated from `model/src/main/java/org/openphm/model/CanonicalSchema.java` by ")
                .append("`./phm schema`; do not edit by hand.\n\n");
        sb.append("One file per table, named after the table (`patient.csv` or `patient.parquet`). ")
                .append("Patient-level files may carry the raw `nhs_number` instead of `person_id`: ingest checks ")
                .append("it (Modulus 11), replaces it by a keyed pseudonym and never stores it.\n\n");
        for (TableKind kind : TableKind.values()) {
            sb.append("## ")
                    .append(
                            switch (kind) {
                                case REFERENCE -> "Reference tables";
                                case PATIENT_LEVEL -> "Patient-level tables (pseudonymised)";
                                case AGGREGATE -> "Aggregate feeds";
                            })
                    .append("\n\n");
            for (Table t : CanonicalSchema.TABLES) {
                if (t.kind() != kind) {
                    continue;
                }
                sb.append("### `")
                        .append(t.name())
                        .append("`")
                        .append(t.mandatory() ? "" : " (optional)")
                        .append("\n\n")
                        .append(t.description())
                        .append(". Key: ")
                        .append(String.join(", ", t.key()))
                        .append(".\n\n");
                sb.append("| column | type | required | allowed values | description |\n");
                sb.append("| --- | --- | --- | --- | --- |\n");
                for (Column c : t.columns()) {
                    sb.append("| `")
                            .append(c.name())
                            .append("` | ")
                            .append(c.type().name().toLowerCase())
                            .append(" | ")
                            .append(c.required() ? "yes" : "no")
                            .append(" | ")
                            .append(
                                    c.domain() == null
                                            ? ""
                                            : c.domain().describe().replace("|", "\\|"))
                            .append(" | ")
                            .append(c.description())
                            .append(" |\n");
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    public static void write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, markdown());
    }
}
