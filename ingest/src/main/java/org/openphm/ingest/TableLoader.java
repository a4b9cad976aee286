package org.openphm.ingest;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.stream.Collectors;
import org.openphm.engine.duckdb.StatementTrace;
import org.openphm.model.Column;
import org.openphm.model.Progress;
import org.openphm.model.Table;
import org.openphm.model.WorkspaceLayout;

/**
 * Loads one file into its workspace table: stage as text, run the row checks, type the survivors, run the
 * relational checks, insert what passed and quarantine the rest. Work tables live in the in-memory
 * database; only results reach the workspace.
 */
final class TableLoader {
    private final Connection db;
    private final String workspace;
    private final LocalDate asOf;
    private final Pseudonymiser pseudonymiser;
    private final Progress progress;

    /** Each staged row typed, with its failed row checks. */
    private static final String CHECKED = "checked";

    TableLoader(Connection db, String workspace, LocalDate asOf, Pseudonymiser pseudonymiser, Progress progress) {
        this.db = db;
        this.workspace = workspace;
        this.asOf = asOf;
        this.pseudonymiser = pseudonymiser;
        this.progress = progress;
    }

    /** Result of a load: the reconciliation and the file's checksum. */
    record Loaded(TableReconciliation reconciliation, String sha256) {}

    Loaded load(RecordSource source, HeaderMapping mapping) throws SQLException, IOException, UnusableInputException {
        Table table = mapping.file().table();
        String file = mapping.file().name();
        Staging.Staged staged = BulkStaging.tryStage(db, mapping, pseudonymiser, progress);
        if (staged == null) {
            staged = Staging.stage(db, source, mapping, pseudonymiser, progress);
        }
        if (staged.read() > 0) {
            progress.message(table.name() + ": validating " + String.format("%,d", staged.staged()) + " rows");
        }
        String problems = RelationalChecks.PROBLEMS;
        String typed = RelationalChecks.TYPED;
        run("CREATE OR REPLACE TABLE " + problems + " (" + Staging.LINE
                + " BIGINT, field VARCHAR, value VARCHAR, reason VARCHAR)");
        // Typed once, checked once: the rows that pass every row check are the typed rows the relational checks see.
        run("CREATE OR REPLACE TABLE " + CHECKED + " AS " + RowChecks.checkedSql(mapping, RowChecks.of(mapping, asOf)));
        run("INSERT INTO " + problems + " " + RowChecks.problemsSql(CHECKED));
        run("CREATE OR REPLACE VIEW " + typed + " AS SELECT * EXCLUDE (" + RowChecks.FAILURES + ") FROM " + CHECKED
                + " WHERE " + RowChecks.FAILURES + " IS NULL");
        for (String sql : RelationalChecks.integritySql(mapping, workspace)) {
            run(sql);
        }
        run(RelationalChecks.duplicatesSql(mapping));

        String columns =
                table.columns().stream().map(Column::name).map(Sql::ident).collect(Collectors.joining(", "));
        long loaded = update("INSERT INTO " + workspace + "." + Sql.ident(table.name()) + " (" + columns + ") SELECT "
                + columns + " FROM " + typed + " t ANTI JOIN " + problems + " q ON t." + Staging.LINE + " = q."
                + Staging.LINE);

        String quarantine = workspace + "." + WorkspaceLayout.QUARANTINE_TABLE;
        String names = Sql.literal(table.name()) + ", " + Sql.literal(file);
        String fileAndLine = names + ", q." + Staging.LINE;
        if (mapping.refIndex() >= 0) {
            // A row an adapter translated is reported where the supplier can find it: the source file and line.
            String ref = "s." + WorkspaceLayout.SOURCE_REF_COLUMN;
            fileAndLine = Sql.literal(table.name()) + ", COALESCE(NULLIF(regexp_extract(" + ref
                    + ", '^(.*):[0-9]+$', 1), ''), "
                    + Sql.literal(file) + "), COALESCE(TRY_CAST(regexp_extract(" + ref
                    + ", ':([0-9]+)$', 1) AS BIGINT), q."
                    + Staging.LINE + ")";
        }
        // Any column may hold an NHS number (a supplier's mistake), so values and raw rows are masked as stored.
        // A row an adapter translated keeps no raw row: it would pair the workspace's pseudonym with the source line
        // (and so the source's own identifier) in the supplier's quarantine export; file and line find it instead.
        String rawRow = mapping.refIndex() >= 0 ? "NULL" : NhsNumber.maskAllSql(Staging.rawRowSql(mapping));
        // Only where there are problems: a view of bulk staging would otherwise be read in full for nothing.
        if (count("SELECT count(*) FROM " + problems) > 0) {
            run("INSERT INTO " + quarantine + " SELECT " + fileAndLine + ", q.field, "
                    + NhsNumber.maskAllSql("q.value") + ", q.reason, " + rawRow
                    + " FROM " + problems + " q JOIN " + Staging.STAGE + " s ON s." + Staging.LINE
                    + " = q." + Staging.LINE + " ORDER BY q." + Staging.LINE);
        }
        run("INSERT INTO " + quarantine + " SELECT " + names + ", " + Staging.LINE + ", "
                + Sql.literal(Ingest.WHOLE_ROW) + ", NULL, reason, raw_row FROM " + Staging.MALFORMED + " ORDER BY "
                + Staging.LINE);
        long quarantined = count("SELECT count(DISTINCT " + Staging.LINE + ") FROM " + problems) + staged.malformed();

        TableReconciliation r = new TableReconciliation(table.name(), file, staged.read(), loaded, quarantined);
        run("DROP VIEW IF EXISTS " + typed);
        run("DROP " + (staged.view() ? "VIEW" : "TABLE") + " IF EXISTS " + Staging.STAGE);
        for (String t : new String[] {BulkStaging.RAW, Staging.MALFORMED, problems, CHECKED}) {
            run("DROP TABLE IF EXISTS " + t);
        }
        return new Loaded(r, staged.sha256());
    }

    private void run(String sql) throws SQLException {
        long t0 = System.nanoTime();
        try (Statement st = db.createStatement()) {
            st.execute(sql);
        }
        StatementTrace.record("ingest", sql, t0);
    }

    private long update(String sql) throws SQLException {
        long t0 = System.nanoTime();
        try (Statement st = db.createStatement()) {
            long n = st.executeUpdate(sql);
            StatementTrace.record("ingest", sql, t0);
            return n;
        }
    }

    private long count(String sql) throws SQLException {
        try (Statement st = db.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
