package org.openphm.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.openphm.model.Progress;

/**
 * One pass over a CSV file's bytes deciding whether it is plain: printable ASCII, no double quote, one record per
 * line, every line with the header's number of fields, one kind of line ending, no blank line. In a plain file the
 * n-th record is on line n + 1, so DuckDB's parallel reader can stage it and every line number is still exact
 * ({@link BulkStaging}). Anything else (quoted fields, a short or long row, a byte-order mark, non-ASCII text, a
 * control character, a blank line) goes to the record-by-record reader, whose messages name the fault.
 * The same pass computes the file's SHA-256, so the bytes are read once.
 */
final class PlainCsv {
    private PlainCsv() {}

    /**
     * What the scan found.
     *
     * @param plain      whether the file can be staged in bulk
     * @param fields     fields on the header line (and on every record, when plain)
     * @param records    lines after the header (records, when plain)
     * @param crlf       whether lines end in CR LF (else LF)
     * @param padded     whether any field starts or ends with a space (so values must be trimmed)
     * @param sha256     hex digest of every byte of the file
     */
    record Scan(boolean plain, int fields, long records, boolean crlf, boolean padded, String sha256) {}

    private static final int PROGRESS_EVERY = 1 << 26; // bytes

    static Scan scan(Path file, Progress progress, String task) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        long size = Files.size(file);
        boolean plain = true;
        int headerFields = -1;
        int fields = 1; // on the current line
        long lines = 0; // complete lines seen
        int lineLength = 0;
        int crlf = -1; // unknown, 0 = LF, 1 = CR LF
        boolean afterCr = false;
        boolean padded = false;
        byte previous = '\n'; // a field starts after a comma or a line break

        long done = 0;
        byte[] buf = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                sha.update(buf, 0, n);
                for (int i = 0; i < n && plain; i++) {
                    byte b = buf[i];
                    if ((b == ' ' && (previous == ',' || previous == '\n'))
                            || (previous == ' ' && (b == ',' || b == '\n' || b == '\r'))) {
                        padded = true;
                    }
                    previous = b;
                    if (afterCr && b != '\n') {
                        plain = false; // a lone CR
                        break;
                    }
                    if (b == '\n') {
                        int ending = afterCr ? 1 : 0;
                        afterCr = false;
                        if (crlf < 0) {
                            crlf = ending;
                        }
                        if (ending != crlf || lineLength == 0) {
                            plain = false; // mixed line endings, or a blank line
                        } else if (headerFields < 0) {
                            headerFields = fields;
                        } else if (fields != headerFields) {
                            plain = false;
                        }
                        lines++;
                        fields = 1;
                        lineLength = 0;
                    } else if (b == '\r') {
                        afterCr = true;
                    } else if (b == ',') {
                        fields++;
                        lineLength++;
                    } else if (b < 0x20 || b == '"' || b == 0x7f) { // negative: not ASCII
                        plain = false;
                    } else {
                        lineLength++;
                    }
                }
                done += n;
                if (done / PROGRESS_EVERY != (done - n) / PROGRESS_EVERY) {
                    progress.update(task, done, size);
                }
            }
        }
        if (previous == ' ') {
            padded = true;
        }
        if (plain && afterCr) {
            plain = false; // a file ending in a lone CR
        }
        if (plain && lineLength > 0) { // a last record without a line break
            if (headerFields < 0) {
                headerFields = fields;
            } else if (fields != headerFields) {
                plain = false;
            }
            lines++;
        }
        return new Scan(
                plain && headerFields > 0,
                headerFields,
                Math.max(0, lines - 1),
                crlf == 1,
                padded,
                HexFormat.of().formatHex(sha.digest()));
    }
}
