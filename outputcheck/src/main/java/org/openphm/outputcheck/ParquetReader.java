package org.openphm.outputcheck;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Reads the Parquet files of one check through a single in-memory DuckDB, started when the first one is read:
 * starting a database for each file cost more than reading most of them.
 */
final class ParquetReader implements AutoCloseable {
    private Connection db;

    PublishedTable read(Path file) throws IOException {
        try {
            if (db == null) {
                db = DriverManager.getConnection("jdbc:duckdb:");
            }
        } catch (SQLException e) {
            throw new IOException("cannot start DuckDB to read " + file.getFileName() + ": " + e.getMessage(), e);
        }
        return PublishedTable.parquet(db, file);
    }

    @Override
    public void close() throws IOException {
        if (db != null) {
            try {
                db.close();
            } catch (SQLException e) {
                throw new IOException("cannot close the DuckDB that read the Parquet files: " + e.getMessage(), e);
            }
        }
    }
}
