package org.openphm.ingest;

import java.nio.file.Path;
import java.sql.Connection;
import org.openphm.model.Table;

/** The file supplying one canonical table: {@code <table>.csv} or {@code <table>.parquet}. */
record InputFile(Table table, Path path, Format format) {

    enum Format {
        CSV,
        PARQUET
    }

    String name() {
        return path.getFileName().toString();
    }

    /** Opens the file for reading; Parquet needs a DuckDB connection of its own. */
    RecordSource open(Connection parquetReader) throws java.io.IOException, UnusableInputException {
        return format == Format.CSV ? new CsvRecordSource(path) : new ParquetRecordSource(parquetReader, path);
    }
}
