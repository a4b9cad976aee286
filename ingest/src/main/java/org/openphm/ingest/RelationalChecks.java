package org.openphm.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.openphm.model.CanonicalSchema;
import org.openphm.model.Table;

/**
 * The checks that need other rows or tables, run as set operations over the typed rows ({@code t}) that
 * passed every row check: referential integrity against tables already loaded into the workspace, events
 * after death, and duplicate keys (run last, so the first occurrence that is otherwise valid is kept).
 */
final class RelationalChecks {
    private RelationalChecks() {}

    static final String TYPED = "typed";
    static final String PROBLEMS = "problems";

    /** {@code child.column} must exist as {@code parent.parentColumn} in the workspace. */
    record Reference(Table child, String column, Table parent, String parentColumn) {}

    static final List<Reference> CODE_REFERENCES = List.of(
            new Reference(CanonicalSchema.REGISTRATION, "practice_code", CanonicalSchema.PRACTICE, "practice_code"),
            new Reference(CanonicalSchema.PATIENT, "lsoa", CanonicalSchema.LSOA, "lsoa_code"));

    static List<Reference> referencesOf(Table table) {
        List<Reference> refs = new ArrayList<>();
        if (table.isPersonLinked() && !table.equals(CanonicalSchema.PATIENT)) {
            refs.add(new Reference(
                    table, CanonicalSchema.PERSON_ID, CanonicalSchema.PATIENT, CanonicalSchema.PERSON_ID));
        }
        CODE_REFERENCES.stream().filter(r -> r.child().equals(table)).forEach(refs::add);
        return refs;
    }

    /** INSERT statements adding orphan and after-death rows to the problems table. */
    static List<String> integritySql(HeaderMapping mapping, String workspace) {
        Table table = mapping.file().table();
        boolean nhs = mapping.identifiers() == IdentifierMode.NHS_NUMBER;
        List<String> sql = new ArrayList<>();
        for (Reference r : referencesOf(table)) {
            boolean person = r.column().equals(CanonicalSchema.PERSON_ID);
            String field = person && nhs ? CanonicalSchema.NHS_NUMBER : r.column();
            String value = person && nhs ? "t." + CanonicalSchema.NHS_NUMBER : "t." + Sql.ident(r.column());
            String reason = "orphan: " + r.column() + " not in " + r.parent().name()
                    + (person ? " (or the patient row was quarantined)" : "");
            sql.add("INSERT INTO " + PROBLEMS + " SELECT t." + Staging.LINE + ", " + Sql.literal(field) + ", " + value
                    + ", "
                    + Sql.literal(reason) + " FROM " + TYPED + " t ANTI JOIN " + workspace + "."
                    + Sql.ident(r.parent().name())
                    + " p ON t." + Sql.ident(r.column()) + " = p." + Sql.ident(r.parentColumn())
                    // An optional reference left empty (an unknown LSOA) is not an orphan.
                    + " WHERE t." + Sql.ident(r.column()) + " IS NOT NULL");
        }
        for (DateRules.LifeEvent e : DateRules.EVENTS_IN_LIFE) {
            if (e.table().equals(table)) {
                sql.add("INSERT INTO " + PROBLEMS + " SELECT t." + Staging.LINE + ", " + Sql.literal(e.column())
                        + ", CAST(t." + Sql.ident(e.column()) + " AS VARCHAR), "
                        + Sql.literal("event after death: " + e.column() + " is after the patient's death_date")
                        + " FROM " + TYPED + " t JOIN " + workspace + ".patient p ON t.person_id = p.person_id"
                        + " WHERE p.death_date IS NOT NULL AND t." + Sql.ident(e.column()) + " > p.death_date");
            }
        }
        return sql;
    }

    /**
     * Every occurrence of a key after the first valid one is a duplicate. With raw NHS numbers the key is
     * shown to the supplier with the masked number, not the pseudonym they cannot look up.
     */
    static String duplicatesSql(HeaderMapping mapping) {
        Table table = mapping.file().table();
        boolean nhs = mapping.identifiers() == IdentifierMode.NHS_NUMBER;
        List<String> shownColumns = table.key().stream()
                .map(k -> nhs && k.equals(CanonicalSchema.PERSON_ID) ? CanonicalSchema.NHS_NUMBER : k)
                .toList();
        String survivors = "(SELECT * FROM " + TYPED + " t ANTI JOIN " + PROBLEMS + " q ON t." + Staging.LINE + " = q."
                + Staging.LINE + ")";
        String keyList = table.key().stream().map(Sql::ident).collect(Collectors.joining(", "));
        String shown = shownColumns.stream()
                .map(k -> "COALESCE(CAST(t." + Sql.ident(k) + " AS VARCHAR), '')")
                .collect(Collectors.joining(" || '|' || "));
        // Duplicates are rare: group every row by one 64-bit hash of its key (far cheaper than grouping by the key's
        // columns) over every typed row (a superset of the survivors, so no join is needed), then compare whole keys
        // only among the survivors whose hash is shared, which holds every duplicate and the odd collision. Then
        // revisit only the rows of duplicated keys.
        String hash =
                "hash(" + table.key().stream().map(k -> "t." + Sql.ident(k)).collect(Collectors.joining(", ")) + ")";
        return "INSERT INTO " + PROBLEMS + " WITH survivors AS " + survivors + ", shared AS (SELECT " + hash
                + " AS h FROM " + TYPED + " t GROUP BY h HAVING count(*) > 1), dup AS (SELECT " + keyList
                + ", min(" + Staging.LINE + ") AS first_line FROM survivors t WHERE " + hash
                + " IN (SELECT h FROM shared) GROUP BY ALL HAVING count(*) > 1)"
                + " SELECT t." + Staging.LINE + ", " + Sql.literal(String.join("+", shownColumns)) + ", " + shown
                + " || ' (first on line ' || d.first_line || ')', "
                + Sql.literal("duplicate key (" + String.join(", ", table.key()) + ")")
                + " FROM survivors t JOIN dup d USING (" + keyList + ") WHERE t." + Staging.LINE + " > d.first_line";
    }
}
