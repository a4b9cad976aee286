package org.openphm.ingest;

/**
 * One record of an input file as read, before any validation.
 *
 * @param line    CSV: physical line on which the record starts (the header is line 1);
 *                Parquet: 1-based row number in the file
 * @param fields  values in file column order; may be shorter or longer than the header
 * @param problem why the record could not be parsed (e.g. an unterminated quote), or null
 */
record SourceRecord(long line, String[] fields, String problem) {}
