package org.openphm.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/** A file of one canonical table, read record by record in file order. */
sealed interface RecordSource extends Closeable permits CsvRecordSource, ParquetRecordSource {

    /** Column names as the file has them (trimmed, not yet matched to the schema). */
    List<String> header();

    /** The next record, or null at the end of the file. */
    SourceRecord next() throws IOException, UnusableInputException;

    /** SHA-256 of the file's bytes, hex; valid once {@link #next} has returned null. */
    String sha256() throws IOException;
}
