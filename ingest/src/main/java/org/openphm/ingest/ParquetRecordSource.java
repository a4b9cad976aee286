package org.openphm.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Streams a Parquet file through DuckDB as text, so Parquet rows go through exactly the same staging,
 * pseudonymisation and validation as CSV rows. Values are rendered by DuckDB's VARCHAR cast (dates as
 * yyyy-mm-dd); a TIMESTAMP column where a DATE is expected is therefore refused as "not an ISO date".
 */
final class ParquetRecordSource implements RecordSource {
    private static final String ROW_NUMBER = "file_row_number";

    private final Path file;
    private final Statement statement;
    private final ResultSet rows;
    private final List<String> header;

    /** @param connection a connection of its own: the result is streamed while other statements run */
    ParquetRecordSource(Connection connection, Path file) throws UnusableInputException {
        this.file = file;
        String name = file.getFileName().toString();
        try {
            statement = connection.createStatement();
            rows = statement.executeQuery("SELECT " + ROW_NUMBER + ", COLUMNS(lambda c: c <> '" + ROW_NUMBER
                    + "')::VARCHAR FROM read_parquet("
                    + Sql.literal(file.toAbsolutePath().toString())
                    + ", file_row_number = true, hive_partitioning = false)");
            ResultSetMetaData md = rows.getMetaData();
            List<String> cols = new ArrayList<>();
            for (int i = 2; i <= md.getColumnCount(); i++) {
                cols.add(md.getColumnName(i).strip());
            }
            header = List.copyOf(cols);
        } catch (SQLException e) {
            throw new UnusableInputException(
                    name,
                    0,
                    null,
                    "not a readable Parquet file (" + firstLine(e) + ")",
                    "write the table again as Parquet, or export it as CSV named "
                            + name.replaceAll("\\.parquet$", ".csv"));
        }
    }

    /** DuckDB's reason, which may quote a value from the file, hence masked. */
    private static String firstLine(SQLException e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return NhsNumber.maskAll(nl < 0 ? m : m.substring(0, nl));
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public SourceRecord next() throws IOException, UnusableInputException {
        try {
            if (!rows.next()) {
                return null;
            }
            String[] values = new String[header.size()];
            for (int i = 0; i < values.length; i++) {
                String v = rows.getString(i + 2);
                if (v != null) {
                    v = v.strip();
                    if (v.isEmpty()) {
                        v = null;
                    }
                }
                values[i] = v;
            }
            return new SourceRecord(rows.getLong(1) + 1, values, null);
        } catch (SQLException e) {
            throw new UnusableInputException(
                    file.getFileName().toString(),
                    0,
                    null,
                    "reading the Parquet file failed (" + firstLine(e) + ")",
                    "write the table again as Parquet");
        }
    }

    @Override
    public String sha256() throws IOException {
        return sha256(file);
    }

    /** SHA-256 of a file's bytes, hex. */
    static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of()
                    .formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            rows.close();
            statement.close();
        } catch (SQLException e) {
            throw new IOException(e);
        }
    }
}
