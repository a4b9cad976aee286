package org.openphm.ingest;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.openphm.engine.duckdb.StatementTrace;
import org.openphm.model.CanonicalSchema;
import org.openphm.model.Progress;
import org.openphm.model.Table;

/**
 * Stages a plain CSV file ({@link PlainCsv}), or a Parquet file, with DuckDB's own parallel reader instead of record
 * by record, as the same staging table {@link Staging} builds (here a view over the raw table): the whole ingest of the full-size
 * synthetic ICB runs 2.25 times as fast ({@code phm bench-ingest}). Line numbers stay exact because a plain file has
 * one record per line and DuckDB keeps a file's order in the table it creates (row n is line n + 2;
 * {@code BulkStagingTest} holds it to that over 400,000 rows and DuckDB's parallel chunks).
 *
 * <p>Raw NHS numbers are pseudonymised once per distinct number, not once per row: the numbers not yet seen in
 * this ingest are read back, checked and keyed in the JVM, and kept with their pseudonym in an in-memory table
 * ({@link #IDENTIFIERS}) that later tables join to. That table, like the raw staging table, lives only in the
 * ingest's in-memory database and is dropped with it; neither is ever written to the workspace. (Under memory
 * pressure DuckDB may spill them to the ingest's spill folder beside the workspace, which is deleted when the ingest
 * ends, as the raw input files themselves sit on the same machine.)
 */
final class BulkStaging {
    private BulkStaging() {}

    /** Set to false to stage every file record by record (the parity test compares the two paths). */
    static final String PROPERTY = "openphm.ingest.bulk";

    static final String RAW = "raw_stage";
    static final String IDENTIFIERS = "identifiers_seen";
    private static final String ROW_LINE = "_row_line";
    private static final String PERSON_RAW = "_person_raw";
    private static final String NUMBER = "_number";

    static boolean enabled() {
        return !"false".equals(System.getProperty(PROPERTY));
    }

    /**
     * Stages {@code mapping}'s file in bulk where it can and returns what was staged, else null (the caller then
     * stages it record by record, which names whatever made it unfit).
     */
    static Staging.Staged tryStage(Connection db, HeaderMapping mapping, Pseudonymiser pseudonymiser, Progress progress)
            throws SQLException, IOException {
        InputFile file = mapping.file();
        if (!enabled()) {
            return null;
        }
        Table table = file.table();
        boolean nhs = mapping.identifiers() == IdentifierMode.NHS_NUMBER;
        int personCol = table.isPersonLinked() ? table.columnNames().indexOf(CanonicalSchema.PERSON_ID) : -1;
        // The person's raw identifier is trimmed whatever the file: it is one column.
        String personRaw =
                personCol < 0 ? null : value(nhs ? mapping.nhsIndex() : mapping.sourceIndex()[personCol], true);
        // The number as digits (spaces removed) when it is ten of them, the key pseudonyms are kept by, is worked out
        // once, as the file is read.
        String key = nhs ? number("replace(" + personRaw + ", ' ', '')") : null;
        Raw raw = file.format() == InputFile.Format.CSV
                ? readCsv(db, file, mapping.width(), key, progress)
                : readParquet(db, file, mapping.width(), key);
        if (raw == null) {
            try (Statement fresh = db.createStatement()) {
                fresh.execute("DROP TABLE IF EXISTS " + RAW);
            }
            return null;
        }
        try (Statement st = db.createStatement()) {
            st.execute("DROP TABLE IF EXISTS " + Staging.MALFORMED);
            st.execute("CREATE TABLE " + Staging.MALFORMED + " (" + Staging.LINE
                    + " BIGINT, reason VARCHAR, raw_row VARCHAR)");
            String rows = "(SELECT r.*, " + raw.line() + " AS " + ROW_LINE
                    + (nhs ? ", " + personRaw + " AS " + PERSON_RAW : "") + " FROM " + RAW + " r) r";
            if (nhs) {
                rows += " LEFT JOIN " + IDENTIFIERS + " k ON k.number = r." + NUMBER;
                st.execute("CREATE TABLE IF NOT EXISTS " + IDENTIFIERS
                        + " (number BIGINT, person_id VARCHAR, problem VARCHAR)");
                pseudonymiseNew(db, pseudonymiser);
            }
            // A view, not a copy: the checks read it once, and the quarantine only where there are problems.
            st.execute("CREATE OR REPLACE VIEW " + Staging.STAGE + " AS SELECT "
                    + stageSelect(mapping, personCol, personRaw, raw.padded())
                    + " FROM " + rows);
            progress.update("staging " + file.name(), raw.records(), raw.records());
            return new Staging.Staged(raw.records(), 0, raw.sha256(), true);
        }
    }

    /** What the raw table holds: its records, the file's checksum, whether values need trimming, a row's line. */
    private record Raw(long records, String sha256, boolean padded, String line) {}

    /** A plain CSV file into {@link #RAW}, or null when it is not plain. */
    private static Raw readCsv(Connection db, InputFile file, int width, String key, Progress progress)
            throws SQLException, IOException {
        PlainCsv.Scan scan = PlainCsv.scan(file.path(), progress, "scanning " + file.name());
        if (!scan.plain() || scan.fields() != width) {
            return null;
        }
        try (Statement st = db.createStatement()) {
            if (scan.records() == 0) {
                st.execute("CREATE OR REPLACE TABLE " + RAW + " AS SELECT * FROM (SELECT " + nullColumns(width)
                        + (key != null ? ", CAST(NULL AS BIGINT) AS " + NUMBER : "") + ") r WHERE false");
            } else {
                // A projection keeps the file's order, so row n is still line n + 2.
                String sql = "CREATE OR REPLACE TABLE " + RAW + " AS SELECT *"
                        + (key != null ? ", " + key + " AS " + NUMBER : "") + " FROM read_csv("
                        + Sql.literal(file.path().toAbsolutePath().toString())
                        + ", header = false, skip = 1, auto_detect = false, delim = ',', quote = '', escape = '', "
                        + "new_line = " + (scan.crlf() ? "'\\r\\n'" : "'\\n'") + ", columns = "
                        + csvColumns(scan.fields()) + ") r";
                long t0 = System.nanoTime();
                st.execute(sql);
                StatementTrace.record("ingest", sql, t0);
            }
        } catch (SQLException e) {
            // Not expected of a plain file (a line longer than DuckDB's limit, say). DuckDB's message quotes the
            // line, which may hold an NHS number, so it is dropped: the record reader reads the file instead and names
            // the fault itself.
            return null;
        }
        try (Statement st = db.createStatement()) {
            long staged = count(st, "SELECT count(*) FROM " + RAW);
            if (staged != scan.records()) {
                // Never silently: a count that does not reconcile would make every line number suspect.
                throw new IllegalStateException("DuckDB read " + staged + " records of " + file.name()
                        + " where the file has " + scan.records() + " lines after its header");
            }
            return new Raw(staged, scan.sha256(), scan.padded(), "r.rowid + 2");
        }
    }

    /**
     * A Parquet file into {@link #RAW}, each value as DuckDB's text of it (as the record reader reads it), or null
     * when a value starts or ends with whitespace other than a space: Java's strip() and SQL's trim() agree only on
     * spaces, so such a file is read record by record.
     */
    private static Raw readParquet(Connection db, InputFile file, int width, String key)
            throws SQLException, IOException {
        String path = Sql.literal(file.path().toAbsolutePath().toString());
        List<String> names = new ArrayList<>();
        try (Statement st = db.createStatement();
                ResultSet rs = st.executeQuery(
                        "DESCRIBE SELECT * FROM read_parquet(" + path + ", hive_partitioning = false)")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        } catch (SQLException e) {
            return null; // the record reader says why it cannot be read
        }
        if (names.size() != width || names.contains(PARQUET_ROW)) {
            return null;
        }
        StringBuilder text = new StringBuilder(PARQUET_ROW);
        for (int i = 0; i < names.size(); i++) {
            text.append(", CAST(")
                    .append(Sql.ident(names.get(i)))
                    .append(" AS VARCHAR) AS c")
                    .append(i);
        }
        try (Statement st = db.createStatement()) {
            st.execute("CREATE OR REPLACE TABLE " + RAW + " AS SELECT *"
                    + (key != null ? ", " + key + " AS " + NUMBER : "") + " FROM (SELECT " + text
                    + " FROM read_parquet(" + path + ", file_row_number = true, hive_partitioning = false)) r");
            StringBuilder padded = new StringBuilder();
            for (int i = 0; i < names.size(); i++) {
                padded.append(i == 0 ? "" : " OR ")
                        .append("regexp_matches(c")
                        .append(i)
                        .append(", ")
                        .append(Sql.literal(OTHER_WHITESPACE_AT_AN_END))
                        .append(")");
            }
            if (count(st, "SELECT count(*) FROM " + RAW + " WHERE " + padded) > 0) {
                return null;
            }
            return new Raw(
                    count(st, "SELECT count(*) FROM " + RAW),
                    ParquetRecordSource.sha256(file.path()),
                    true,
                    "r." + PARQUET_ROW + " + 1");
        } catch (SQLException e) {
            return null; // DuckDB's message may quote a value: the record reader reads the file and says why
        }
    }

    private static final String PARQUET_ROW = "file_row_number";

    /** Java's whitespace (Character.isWhitespace) but the space, at the start or end of a value (RE2 syntax). */
    private static final String WHITESPACE_BUT_SPACE = "[\\x09-\\x0d\\x1c-\\x1f\\x{1680}\\x{2000}-\\x{2006}"
            + "\\x{2008}-\\x{200a}\\x{2028}\\x{2029}\\x{205f}\\x{3000}]";

    private static final String OTHER_WHITESPACE_AT_AN_END =
            "^" + WHITESPACE_BUT_SPACE + "|" + WHITESPACE_BUT_SPACE + "$";

    /** Every field as text, named by position: the header's names play no part (HeaderMapping matched them). */
    private static String csvColumns(int fields) {
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < fields; i++) {
            b.append(i == 0 ? "" : ", ").append("'c").append(i).append("': 'VARCHAR'");
        }
        return b.append('}').toString();
    }

    /** Text columns c0, c1, ... as a select list of nulls: the raw table of a file with no records. */
    private static String nullColumns(int fields) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < fields; i++) {
            b.append(i == 0 ? "" : ", ").append("CAST(NULL AS VARCHAR) AS c").append(i);
        }
        return b.toString();
    }

    /**
     * A field as the record reader gives it: trimmed, empty as null. A plain file has no whitespace but spaces,
     * so trimming spaces is what Java's strip() does there; and a file with no field padded needs no trimming at all.
     */
    private static String value(int index, boolean padded) {
        return padded ? "NULLIF(trim(r.c" + index + "), '')" : "NULLIF(r.c" + index + ", '')";
    }

    private static String stageSelect(HeaderMapping mapping, int personCol, String personRaw, boolean padded) {
        Table table = mapping.file().table();
        boolean nhs = mapping.identifiers() == IdentifierMode.NHS_NUMBER;
        List<String> columns = new ArrayList<>();
        columns.add("r." + ROW_LINE + " AS " + Staging.LINE);
        for (int c = 0; c < table.columns().size(); c++) {
            String name = Sql.ident(table.columns().get(c).name());
            String v;
            if (c == personCol && nhs) {
                v = "k.person_id";
            } else if (c == personCol) {
                // A raw NHS number under the wrong name must not be stored as if it were a pseudonym.
                v = "CASE WHEN " + writtenNhsNumber(personRaw) + " THEN " + NhsNumber.maskAllSql(personRaw) + " ELSE "
                        + personRaw + " END";
            } else {
                int index = mapping.sourceIndex()[c];
                v = index < 0 ? "CAST(NULL AS VARCHAR)" : value(index, padded);
            }
            columns.add(v + " AS " + name);
        }
        if (nhs) {
            columns.add(masked("replace(r." + PERSON_RAW + ", ' ', '')") + " AS " + CanonicalSchema.NHS_NUMBER);
        }
        if (personCol >= 0) {
            columns.add((nhs
                            ? "CASE WHEN r." + PERSON_RAW + " IS NULL THEN " + Sql.literal(RowChecks.REQUIRED)
                                    + " WHEN r." + NUMBER + " IS NULL THEN " + Sql.literal(NhsNumber.NOT_TEN_DIGITS)
                                    + " ELSE k.problem END"
                            : "CASE WHEN " + writtenNhsNumber(personRaw) + " THEN "
                                    + Sql.literal(Staging.LOOKS_LIKE_NHS_NUMBER) + " END")
                    + " AS " + Staging.ID_PROBLEM);
        }
        if (mapping.refIndex() >= 0) {
            columns.add(
                    value(mapping.refIndex(), padded) + " AS " + org.openphm.model.WorkspaceLayout.SOURCE_REF_COLUMN);
        }
        return String.join(", ", columns);
    }

    /** The digits as a number when they are exactly ten, else null (not ten digits: refused without keying). */
    private static String number(String digits) {
        return "CASE WHEN regexp_full_match(" + digits + ", '[0-9]{10}') THEN CAST(" + digits + " AS BIGINT) END";
    }

    /** {@link NhsNumber#mask} in SQL: what may be shown of a number, its first three digits. */
    private static String masked(String digits) {
        return "CASE WHEN " + digits + " IS NULL THEN NULL WHEN length(" + digits + ") <= 3 THEN '***' ELSE left("
                + digits + ", 3) || repeat('*', greatest(7, length(" + digits + ") - 3)) END";
    }

    private static String writtenNhsNumber(String expr) {
        return "COALESCE(regexp_full_match(" + expr + ", " + Sql.literal(NhsNumber.WRITTEN) + "), false)";
    }

    /**
     * Checks and keys, in the JVM, each distinct ten-digit NHS number of the raw file not seen earlier in this
     * ingest, and adds it to {@link #IDENTIFIERS} with its pseudonym or its problem (a wrong check digit). Keying
     * (HMAC-SHA256) is the cost, so the numbers are split between two threads, each with its own copy of the key.
     */
    private static void pseudonymiseNew(Connection db, Pseudonymiser pseudonymiser) throws SQLException {
        long[] numbers;
        try (Statement st = db.createStatement();
                ResultSet rs = st.executeQuery("SELECT DISTINCT " + NUMBER + " FROM " + RAW + " r WHERE " + NUMBER
                        + " IS NOT NULL AND NOT EXISTS (SELECT 1 FROM " + IDENTIFIERS + " k WHERE k.number = r."
                        + NUMBER
                        + ")")) {
            long[] buffer = new long[1 << 16];
            int n = 0;
            while (rs.next()) {
                if (n == buffer.length) {
                    buffer = java.util.Arrays.copyOf(buffer, n * 2);
                }
                buffer[n++] = rs.getLong(1);
            }
            numbers = java.util.Arrays.copyOf(buffer, n);
        }
        String[] ids = new String[numbers.length];
        String[] problems = new String[numbers.length];
        int half = numbers.length / 2;
        Pseudonymiser second = pseudonymiser.copy();
        Thread other = new Thread(() -> key(numbers, half, numbers.length, second, ids, problems), "pseudonymise");
        other.start();
        key(numbers, 0, half, pseudonymiser, ids, problems);
        try {
            other.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while keying NHS numbers", e);
        }
        try (DuckDBAppender out =
                db.unwrap(DuckDBConnection.class).createAppender(DuckDBConnection.DEFAULT_SCHEMA, IDENTIFIERS)) {
            for (int i = 0; i < numbers.length; i++) {
                out.beginRow().append(numbers[i]);
                appendNullable(out, ids[i]);
                appendNullable(out, problems[i]);
                out.endRow();
            }
        }
    }

    private static void key(
            long[] numbers, int from, int to, Pseudonymiser pseudonymiser, String[] ids, String[] problems) {
        char[] digits = new char[10];
        for (int i = from; i < to; i++) {
            long v = numbers[i];
            for (int d = 9; d >= 0; d--) {
                digits[d] = (char) ('0' + v % 10);
                v /= 10;
            }
            String number = new String(digits);
            problems[i] = NhsNumber.problem(number);
            ids[i] = problems[i] == null ? pseudonymiser.personId(number) : null;
        }
    }

    private static void appendNullable(DuckDBAppender a, String v) throws SQLException {
        if (v == null) {
            a.appendNull();
        } else {
            a.append(v);
        }
    }

    private static long count(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
