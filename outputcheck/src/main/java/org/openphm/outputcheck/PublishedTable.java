package org.openphm.outputcheck;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A published table as a reader gets it: its header and its cells as text (null = empty), read with Apache
 * Commons CSV or, for Parquet, by DuckDB — not by the code that wrote it.
 */
record PublishedTable(List<String> header, List<String[]> rows) {

    int column(String name) {
        return header.indexOf(name);
    }

    static PublishedTable csv(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return csv(in);
        }
    }

    static PublishedTable csv(Reader in) throws IOException {
        try (CSVParser parser = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(in)) {
            List<String> header = parser.getHeaderNames();
            List<String[]> rows = new ArrayList<>();
            for (CSVRecord r : parser) {
                String[] cells = new String[header.size()];
                for (int i = 0; i < cells.length && i < r.size(); i++) {
                    String v = r.get(i);
                    cells[i] = v.isEmpty() ? null : v;
                }
                rows.add(cells);
            }
            return new PublishedTable(header, rows);
        }
    }

    /** A Parquet file read through the caller's DuckDB connection ({@link ParquetReader}). */
    static PublishedTable parquet(Connection db, Path file) throws IOException {
        try (PreparedStatement st = db.prepareStatement("SELECT * FROM read_parquet(?)")) {
            st.setString(1, file.toAbsolutePath().toString());
            try (ResultSet rs = st.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                List<String> header = new ArrayList<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    header.add(md.getColumnName(i));
                }
                List<String[]> rows = new ArrayList<>();
                while (rs.next()) {
                    String[] cells = new String[header.size()];
                    for (int i = 0; i < cells.length; i++) {
                        Object v = rs.getObject(i + 1);
                        cells[i] = v == null ? null : v.toString();
                    }
                    rows.add(cells);
                }
                return new PublishedTable(header, rows);
            }
        } catch (SQLException e) {
            throw new IOException("cannot read " + file.getFileName() + " as Parquet: " + e.getMessage(), e);
        }
    }

    /**
     * Whether the text begins as a finite number does (an optional sign, then a digit or a decimal point).
     * Text that does not would be refused by {@link Double#parseDouble} or read as NaN or Infinity, which are not
     * numbers here either; deciding it first spares the exception for each of the millions of text cells.
     */
    private static boolean startsLikeFiniteNumber(String s) {
        int i = !s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-') ? 1 : 0;
        if (i >= s.length()) {
            return false;
        }
        char c = s.charAt(i);
        return (c >= '0' && c <= '9') || c == '.';
    }

    /** The cell as a number, or null when empty or not a number. */
    static Double number(String cell) {
        if (cell == null) {
            return null;
        }
        String plain = cell.replace(",", "").trim();
        if (!startsLikeFiniteNumber(plain)) {
            return null;
        }
        try {
            double d = Double.parseDouble(plain);
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
