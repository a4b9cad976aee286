package org.openphm.model;

import java.util.List;
import java.util.Optional;

/**
 * A canonical table: the unit of ingest (one file per table, named after it) and of storage.
 *
 * @param key       columns that identify a row; duplicates are quarantined at ingest
 * @param mandatory whether a workspace is incomplete without this table
 */
public record Table(
        String name, TableKind kind, String description, List<Column> columns, List<String> key, boolean mandatory) {

    public Table {
        columns = List.copyOf(columns);
        key = List.copyOf(key);
        for (String k : key) {
            if (columns.stream().noneMatch(c -> c.name().equals(k))) {
                throw new IllegalArgumentException("key column " + k + " is not a column of " + name);
            }
        }
    }

    public Optional<Column> column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }

    /** Whether rows of this table belong to a person (and so carry person_id or, on input, nhs_number). */
    public boolean isPersonLinked() {
        return column(CanonicalSchema.PERSON_ID).isPresent();
    }
}
