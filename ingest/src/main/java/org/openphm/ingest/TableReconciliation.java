package org.openphm.ingest;

/**
 * What happened to one table's rows: every row read is either loaded or quarantined (a row failing several
 * checks counts once here, however many reasons it has in the quarantine).
 *
 * @param file source file name, or null when the (optional) table was not supplied and is loaded empty
 */
public record TableReconciliation(String table, String file, long read, long loaded, long quarantined) {

    public TableReconciliation {
        if (read != loaded + quarantined) {
            throw new IllegalStateException(table + ": read " + read + " != loaded " + loaded + " + quarantined "
                    + quarantined + " (an ingest bug: please report it)");
        }
    }
}
