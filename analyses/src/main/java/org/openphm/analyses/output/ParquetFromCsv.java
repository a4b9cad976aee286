package org.openphm.analyses.output;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.stream.Collectors;

/** Rewrites a results CSV as typed Parquet with DuckDB, so the two published forms cannot disagree. */
final class ParquetFromCsv {
    private ParquetFromCsv() {}

    /** @param columnTypes column -> DuckDB type, in file order */
    static void convert(Path csv, Path parquet, LinkedHashMap<String, String> columnTypes) throws IOException {
        String columns = columnTypes.entrySet().stream()
                .map(e -> quote(e.getKey()) + ": " + quote(e.getValue()))
                .collect(Collectors.joining(", "));
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
                Statement st = db.createStatement()) {
            st.execute("COPY (SELECT * FROM read_csv("
                    + quote(csv.toAbsolutePath().toString())
                    + ", header = true, delim = ',', quote = '\"', escape = '\"', columns = {" + columns + "})) TO "
                    + quote(parquet.toAbsolutePath().toString()) + " (FORMAT PARQUET)");
        } catch (SQLException e) {
            throw new IOException("could not write " + parquet + ": " + e.getMessage(), e);
        }
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    static LinkedHashMap<String, String> types(
            Iterable<String> names, java.util.function.Function<String, String> type) {
        LinkedHashMap<String, String> m = new LinkedHashMap<>();
        names.forEach(n -> m.put(n, type.apply(n)));
        return m;
    }
}
