package org.openphm.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.openphm.model.CanonicalSchema;
import org.openphm.model.Column;
import org.openphm.model.Progress;
import org.openphm.model.Table;

/**
 * Rewrites generated CSV files as typed Parquet with DuckDB (the same engine that will read them), so the
 * generator streams one simple format and never needs a Parquet writer of its own.
 */
final class ParquetConversion {
    private ParquetConversion() {}

    /** Converts every {@code <table>.csv} of a canonical table in {@code dir} and deletes the CSV. */
    static List<Path> convert(Path dir, Progress progress) throws IOException, SQLException {
        List<Path> written = new ArrayList<>();
        List<Path> csvs;
        try (Stream<Path> files = Files.list(dir)) {
            csvs = files.filter(f -> f.getFileName().toString().endsWith(".csv"))
                    .sorted()
                    .toList();
        }
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
            int i = 0;
            for (Path csv : csvs) {
                String name = csv.getFileName().toString().replaceFirst("\\.csv$", "");
                Optional<Table> table = CanonicalSchema.table(name);
                if (table.isEmpty()) {
                    continue;
                }
                Path parquet = dir.resolve(name + ".parquet");
                try (Statement st = db.createStatement()) {
                    st.execute("COPY (SELECT " + typedColumns(csv, table.get()) + " FROM read_csv(" + literal(csv)
                            + ", header = true, all_varchar = true, delim = ',', quote = '\"', escape = '\"',"
                            + " hive_partitioning = false)) TO "
                            + literal(parquet)
                            + " (FORMAT PARQUET, COMPRESSION ZSTD)");
                }
                Files.delete(csv);
                written.add(parquet);
                progress.update("Parquet", ++i, csvs.size());
            }
        }
        return written;
    }

    /** Casts each header column to its canonical type; columns the model does not know stay text. */
    private static String typedColumns(Path csv, Table table) throws IOException {
        String header;
        try (Stream<String> lines = Files.lines(csv)) {
            header = lines.findFirst().orElseThrow(() -> new IOException(csv + " is empty"));
        }
        List<String> select = new ArrayList<>();
        for (String col : header.split(",")) {
            String type =
                    table.column(col).map(Column::type).map(t -> t.duckdbType()).orElse("VARCHAR");
            select.add("CAST(NULLIF(\"" + col + "\", '') AS " + type + ") AS \"" + col + "\"");
        }
        return String.join(", ", select);
    }

    private static String literal(Path p) {
        return "'" + p.toAbsolutePath().toString().replace("'", "''") + "'";
    }
}
