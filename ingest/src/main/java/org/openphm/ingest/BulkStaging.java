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
import org.openphm.model.CanonicalSchema;
import org.openphm.model.Progress;
import org.openphm.model.Table;

/**
 * Stages a plain CSV file ({@link PlainCsv}) with DuckDB's own parallel reader instead of record by record, as the
 * same staging table {@link Staging} builds (here a view over the raw table): the whole ingest of the full-size
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

    /** Set to false to stage every CSV file record by record (the parity test compares the two paths). */
    static final String PROPERTY = "openphm.ingest.bulk";

    static final String RAW = "raw_stage";
    static final String IDENTIFIERS = "identifiers_seen";
    private static final String ROW = "_row";
    private static final String PERSON_RAW = "_person_raw";
    private static final String NUMBER = "_number";

    static boolean enabled() {
        return !"false".equals(System.getProperty(PROPERTY));
    }

    /**
     * Stages {@code mapping}'s CSV file in bulk when it is plain and returns what was staged, else null (the caller
     * then stages it record by record, which names whatever made it not plain).
     */
    static Staging.Staged tryStage(Connection db, HeaderMapping mapping, Pseudonymiser pseudonymiser, Progress progress)
            throws SQLException, IOException {
        InputFile file = mapping.file();
        if (!enabled() || file.format() != InputFile.Format.CSV) {
            return null;
        }
        PlainCsv.Scan scan = PlainCsv.scan(file.path(), progress, "scanning " + file.name());
        if (!scan.plain() || scan.fields() != mapping.width()) {
            return null;
        }
        Table table = file.table();
        boolean nhs = mapping.identifiers() == IdentifierMode.NHS_NUMBER;
        int personCol = table.isPersonLinked() ? table.columnNames().indexOf(CanonicalSchema.PERSON_ID) : -1;
        try (Statement st = db.createStatement()) {
            st.execute("DROP TABLE IF EXISTS " + Staging.MALFORMED);
            st.execute("CREATE TABLE " + Staging.MALFORMED + " (" + Staging.LINE
                    + " BIGINT, reason VARCHAR, raw_row VARCHAR)");
            if (scan.records() == 0) {
                st.execute("CREATE TABLE " + Staging.STAGE + " ("
                        + Staging.stageColumns(table, nhs, mapping.refIndex() >= 0) + ")");
                return new Staging.Staged(0, 0, scan.sha256());
            }
            String personRaw = personCol < 0
                    ? null
                    : value(nhs ? mapping.nhsIndex() : mapping.sourceIndex()[personCol], scan.padded());
            try {
                // The number as digits (spaces removed) when it is ten of them, the key pseudonyms are kept by, is
                // worked out once here. A projection keeps the file's order, so row n is still line n + 2.
                st.execute("CREATE OR REPLACE TABLE " + RAW + " AS SELECT *"
                        + (nhs ? ", " + number("replace(" + personRaw + ", ' ', '')") + " AS " + NUMBER : "")
                        + " FROM read_csv("
                        + Sql.literal(file.path().toAbsolutePath().toString())
                        + ", header = false, skip = 1, auto_detect = false, delim = ',', quote = '', escape = '', "
                        + "new_line = " + (scan.crlf() ? "'\\r\\n'" : "'\\n'") + ", columns = "
                        + rawColumns(scan.fields()) + ") r");
            } catch (SQLException e) {
                // Not expected of a plain file (a line longer than DuckDB's limit, say). DuckDB's message quotes the
                // line, which may hold an NHS number, so it is dropped: the record reader reads the file instead and
                // names the fault itself.
                try (Statement fresh = db.createStatement()) { // DuckDB closes a statement that failed
                    fresh.execute("DROP TABLE IF EXISTS " + RAW);
                }
                return null;
            }
            long staged = count(st, "SELECT count(*) FROM " + RAW);
            if (staged != scan.records()) {
                // Never silently: a count that does not reconcile would make every line number suspect.
                throw new IllegalStateException("DuckDB read " + staged + " records of " + file.name()
                        + " where the file has " + scan.records() + " lines after its header");
            }
            String rows = RAW + " r";
            if (nhs) {
                rows = "(SELECT r.*, r.rowid AS " + ROW + ", " + personRaw + " AS " + PERSON_RAW + " FROM " + RAW
                        + " r) r LEFT JOIN " + IDENTIFIERS + " k ON k.number = r." + NUMBER;
                st.execute("CREATE TABLE IF NOT EXISTS " + IDENTIFIERS
                        + " (number BIGINT, person_id VARCHAR, problem VARCHAR)");
                pseudonymiseNew(db, pseudonymiser);
            }
            // A view, not a copy: the checks read it once, and the quarantine only where there are problems.
            st.execute("CREATE OR REPLACE VIEW " + Staging.STAGE + " AS SELECT "
                    + stageSelect(mapping, personCol, personRaw, scan.padded()) + " FROM " + rows);
            progress.update("staging " + file.name(), staged, staged);
            return new Staging.Staged(staged, 0, scan.sha256(), true);
        }
    }

    /** Every field as text, named by position: the header's names play no part (HeaderMapping matched them). */
    private static String rawColumns(int fields) {
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < fields; i++) {
            b.append(i == 0 ? "" : ", ").append("'c").append(i).append("': 'VARCHAR'");
        }
        return b.append('}').toString();
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
        columns.add("r." + (nhs ? ROW : "rowid") + " + 2 AS " + Staging.LINE);
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
