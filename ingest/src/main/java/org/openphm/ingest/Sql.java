package org.openphm.ingest;

import java.util.Collection;
import java.util.stream.Collectors;

/** Quoting for the SQL ingest builds from the schema (names and code lists come from code, not users). */
final class Sql {
    private Sql() {}

    static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    static String ident(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    static String literals(Collection<String> values) {
        return values.stream().map(Sql::literal).collect(Collectors.joining(", "));
    }
}
