package org.openphm.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Streams an RFC 4180 CSV file (UTF-8, comma, double quotes, LF or CRLF) and tracks physical line numbers,
 * so every quarantined row can be found by the supplier even when quoted fields hold line breaks. Values
 * are trimmed; empty means null. Written by hand rather than delegated to DuckDB's read_csv because
 * read_csv cannot report the physical line of each row.
 */
final class CsvRecordSource implements RecordSource {
    private static final int EOF = -1;

    private final String fileName;
    private final Reader in;
    private final MessageDigest sha;
    private final char[] buf = new char[1 << 16];
    private int pos;
    private int len;
    private long line = 1;
    private final List<String> header;
    private final StringBuilder field = new StringBuilder(64);
    private final ArrayList<String> fields = new ArrayList<>();

    CsvRecordSource(Path file) throws IOException, UnusableInputException {
        this.fileName = file.getFileName().toString();
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        InputStream raw;
        try {
            raw = Files.newInputStream(file);
        } catch (IOException e) {
            throw new UnusableInputException(
                    fileName,
                    0,
                    null,
                    "cannot be read (" + e.getMessage() + ")",
                    "check the file exists and is readable by this user");
        }
        // Bad bytes must stop the load, not be replaced silently by U+FFFD.
        this.in = new InputStreamReader(
                new DigestInputStream(raw, sha),
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT));
        try {
            skipByteOrderMark();
            SourceRecord first = next();
            if (first == null) {
                throw new UnusableInputException(
                        fileName,
                        1,
                        null,
                        "the file is empty (no header line)",
                        "export the table with a header line naming its columns; see docs/DATA_MODEL.generated.md");
            }
            if (first.problem() != null) {
                throw new UnusableInputException(
                        fileName,
                        1,
                        null,
                        "the header line cannot be read: " + first.problem(),
                        "the first line must name the columns, separated by commas");
            }
            header = Arrays.stream(first.fields()).map(f -> f == null ? "" : f).toList();
        } catch (UnusableInputException | IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public SourceRecord next() throws IOException, UnusableInputException {
        int c = read();
        while (c == '\n' || c == '\r') { // blank lines are not records
            if (c == '\r' && peek() == '\n') {
                read();
            }
            line++;
            c = read();
        }
        if (c == EOF) {
            return null;
        }
        long start = line;
        fields.clear();
        String problem = null;
        while (true) {
            field.setLength(0);
            if (c == '"') {
                long quoteLine = line;
                while (true) {
                    c = read();
                    if (c == EOF) {
                        if (swallowedRecords()) {
                            // A quote left open swallowed the rest of the file: rows were lost, counts would lie.
                            throw new UnusableInputException(
                                    fileName,
                                    quoteLine,
                                    columnName(fields.size()),
                                    "a quote opened on this line in " + fieldLabel(fields.size())
                                            + " is never closed; it swallows the remaining " + (line - quoteLine)
                                            + " line(s) of the file",
                                    "close or remove the stray double quote and export the file again");
                        }
                        problem = "unterminated quote in " + fieldLabel(fields.size())
                                + " at end of file (the file looks truncated)";
                        break;
                    }
                    if (c == '"') {
                        if (peek() == '"') {
                            read();
                            field.append('"');
                        } else {
                            c = read();
                            break;
                        }
                    } else {
                        if (c == '\n' || (c == '\r' && peek() != '\n')) {
                            line++;
                        }
                        field.append((char) c);
                    }
                }
                // After a closing quote only a separator or the end of the record may follow.
                while (c != ',' && c != '\n' && c != '\r' && c != EOF) {
                    if (problem == null && !Character.isWhitespace(c)) {
                        problem = "text after a closing quote in " + fieldLabel(fields.size());
                    }
                    field.append((char) c);
                    c = read();
                }
            } else {
                while (c != ',' && c != '\n' && c != '\r' && c != EOF) {
                    field.append((char) c);
                    c = read();
                }
            }
            fields.add(value());
            if (c == ',') {
                c = read();
                continue;
            }
            if (c == '\r' && peek() == '\n') {
                read();
            }
            if (c != EOF) {
                line++;
            }
            break;
        }
        return new SourceRecord(start, fields.toArray(new String[0]), problem);
    }

    /**
     * Whether an open quote at the end of the file took in more than its own line. Only the file's final line
     * break(s) means the last record was cut short, like the same cut without a final line break.
     */
    private boolean swallowedRecords() {
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\n' || c == '\r') {
                return !field.substring(i).isBlank();
            }
        }
        return false;
    }

    /** The header's name of a field (by 0-based index), or null while the header itself is read. */
    private String columnName(int index) {
        if (header == null || index >= header.size() || header.get(index).isBlank()) {
            return null;
        }
        return NhsNumber.maskAll(header.get(index).strip()); // a header is free text: it may hold anything
    }

    /** "field 2 (practice_name)": the position a supplier can count to, and the name when there is one. */
    private String fieldLabel(int index) {
        String name = columnName(index);
        return "field " + (index + 1) + (name == null ? "" : " (" + name + ")");
    }

    private String value() {
        String s = field.toString().strip();
        return s.isEmpty() ? null : s;
    }

    @Override
    public String sha256() throws IOException {
        char[] drain = new char[8192];
        while (in.read(drain) >= 0) {
            // make sure every byte went through the digest
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private void skipByteOrderMark() throws IOException, UnusableInputException {
        if (peek() == '\uFEFF') {
            read();
        }
    }

    private int read() throws IOException, UnusableInputException {
        if (pos == len && !fill()) {
            return EOF;
        }
        char c = buf[pos++];
        if (c == 0) {
            throw binary(null);
        }
        return c;
    }

    private int peek() throws IOException, UnusableInputException {
        if (pos == len && !fill()) {
            return EOF;
        }
        return buf[pos];
    }

    private boolean fill() throws IOException, UnusableInputException {
        try {
            int n = in.read(buf, 0, buf.length);
            if (n <= 0) {
                return false;
            }
            pos = 0;
            len = n;
            return true;
        } catch (CharacterCodingException e) {
            throw binary(e);
        } catch (IOException e) {
            throw new UnusableInputException(
                    fileName,
                    line,
                    null,
                    "cannot be read (" + e.getMessage() + ")",
                    "check the file is a complete, readable regular file");
        }
    }

    private UnusableInputException binary(Exception cause) {
        return new UnusableInputException(
                fileName,
                cause == null ? line : 0,
                null,
                cause == null
                        ? "binary content (a NUL byte): this is not a CSV text file"
                        : "contains bytes that are not UTF-8 text (" + cause.getMessage() + ")",
                "export the table as UTF-8 CSV, or as Parquet named " + fileName.replaceAll("\\.csv$", ".parquet"));
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
