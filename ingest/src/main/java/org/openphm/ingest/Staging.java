package org.openphm.ingest;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.openphm.model.CanonicalSchema;
import org.openphm.model.Column;
import org.openphm.model.CsvField;
import org.openphm.model.Progress;
import org.openphm.model.Table;
import org.openphm.model.WorkspaceLayout;

/**
 * Copies one input file into a text staging table (one VARCHAR column per canonical column plus the line),
 * so validation can run as SQL, record by record: the path for any file {@link BulkStaging} cannot take (a CSV file
 * with quoted fields or rows of the wrong width, a Parquet file with values padded by tabs or other whitespace). Raw NHS numbers are checked and replaced by the pseudonym here, in the
 * JVM, and only a masked form is staged for quarantine messages.
 * Records that cannot be split into the header's columns go to a separate malformed table.
 */
final class Staging {
    static final String STAGE = "stage";
    static final String MALFORMED = "malformed";
    /** Why the identifier of a person-linked row was refused, or null. */
    static final String ID_PROBLEM = "_id_problem";

    static final String LOOKS_LIKE_NHS_NUMBER =
            "person_id looks like a raw NHS number: supply it in a column named nhs_number so it is pseudonymised";
    static final String LINE = "_line";

    private static final int PROGRESS_EVERY = 200_000;

    /** What staging found: rows read and file checksum; and whether {@link #STAGE} is a view (of bulk staging). */
    record Staged(long staged, long malformed, String sha256, boolean view) {
        /** Staged record by record, into a table. */
        Staged(long staged, long malformed, String sha256) {
            this(staged, malformed, sha256, false);
        }

        long read() {
            return staged + malformed;
        }
    }

    private Staging() {}

    static Staged stage(
            Connection db, RecordSource source, HeaderMapping mapping, Pseudonymiser pseudonymiser, Progress progress)
            throws SQLException, IOException, UnusableInputException {
        Table table = mapping.file().table();
        boolean nhs = mapping.identifiers() == IdentifierMode.NHS_NUMBER;
        try (Statement st = db.createStatement()) {
            st.execute("DROP TABLE IF EXISTS " + STAGE);
            st.execute("DROP TABLE IF EXISTS " + MALFORMED);
            st.execute("CREATE TABLE " + STAGE + " (" + stageColumns(table, nhs, mapping.refIndex() >= 0) + ")");
            st.execute("CREATE TABLE " + MALFORMED + " (" + LINE + " BIGINT, reason VARCHAR, raw_row VARCHAR)");
        }
        DuckDBConnection duck = db.unwrap(DuckDBConnection.class);
        long staged = 0;
        long malformed = 0;
        String task = "staging " + mapping.file().name();
        int[] index = mapping.sourceIndex();
        int personCol = table.isPersonLinked() ? table.columnNames().indexOf(CanonicalSchema.PERSON_ID) : -1;
        try (DuckDBAppender rows = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, STAGE);
                DuckDBAppender bad = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, MALFORMED)) {
            SourceRecord r;
            while ((r = source.next()) != null) {
                String problem = r.problem() != null ? r.problem() : shapeProblem(r.fields(), mapping.width());
                if (problem != null) {
                    bad.beginRow()
                            .append(r.line())
                            .append(problem)
                            .append(render(r.fields()))
                            .endRow();
                    malformed++;
                    continue;
                }
                String[] f = r.fields();
                rows.beginRow().append(r.line());
                String nhsMasked = null;
                String idProblem = null;
                String personId = null;
                if (nhs) {
                    String raw = f[mapping.nhsIndex()];
                    if (raw == null) {
                        idProblem = "required value missing";
                    } else {
                        String digits = NhsNumber.normalise(raw);
                        idProblem = NhsNumber.problem(digits);
                        nhsMasked = NhsNumber.mask(raw);
                        if (idProblem == null) {
                            personId = pseudonymiser.personId(digits);
                        }
                    }
                } else if (personCol >= 0 && NhsNumber.isWritten(f[index[personCol]])) {
                    // A raw NHS number under the wrong name must not be stored as if it were a pseudonym.
                    personId = NhsNumber.maskAll(f[index[personCol]]);
                    idProblem = LOOKS_LIKE_NHS_NUMBER;
                } else if (personCol >= 0) {
                    personId = f[index[personCol]];
                }
                for (int c = 0; c < index.length; c++) {
                    String v = c == personCol ? personId : index[c] < 0 ? null : f[index[c]];
                    if (v == null) {
                        rows.appendNull();
                    } else {
                        rows.append(v);
                    }
                }
                if (nhs) {
                    appendNullable(rows, nhsMasked);
                }
                if (personCol >= 0) {
                    appendNullable(rows, idProblem);
                }
                if (mapping.refIndex() >= 0) {
                    appendNullable(rows, f[mapping.refIndex()]);
                }
                rows.endRow();
                if (++staged % PROGRESS_EVERY == 0) {
                    progress.update(task, staged, 0);
                }
            }
        }
        if (staged + malformed > 0) {
            progress.update(task, staged + malformed, staged + malformed);
        }
        return new Staged(staged, malformed, source.sha256());
    }

    /**
     * The staged columns in the file's own order, rendered back as a CSV line: the "raw row" a supplier sees
     * for a quarantined row (unknown columns left out). Not yet masked: the caller stores it masked.
     */
    static String rawRowSql(HeaderMapping mapping) {
        Table table = mapping.file().table();
        List<Integer> order = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int c = 0; c < mapping.sourceIndex().length; c++) {
            if (mapping.sourceIndex()[c] >= 0) {
                order.add(mapping.sourceIndex()[c]);
                names.add(table.columns().get(c).name());
            }
        }
        if (mapping.identifiers() == IdentifierMode.NHS_NUMBER) {
            order.add(mapping.nhsIndex());
            names.add(CanonicalSchema.NHS_NUMBER);
        }
        List<String> inFileOrder = new ArrayList<>(names);
        inFileOrder.sort((a, b) -> Integer.compare(order.get(names.indexOf(a)), order.get(names.indexOf(b))));
        return inFileOrder.stream().map(n -> csvField("s." + Sql.ident(n))).collect(Collectors.joining(" || ',' || "));
    }

    private static String csvField(String expr) {
        return "CASE WHEN " + expr + " IS NULL THEN '' WHEN regexp_matches(" + expr
                + ", '[,\"\\n\\r]') THEN '\"' || replace(" + expr + ", '\"', '\"\"') || '\"' ELSE " + expr + " END";
    }

    static String stageColumns(Table table, boolean nhs, boolean lineage) {
        StringBuilder b = new StringBuilder(LINE + " BIGINT");
        for (Column c : table.columns()) {
            b.append(", ").append(Sql.ident(c.name())).append(" VARCHAR");
        }
        if (nhs) {
            b.append(", ").append(CanonicalSchema.NHS_NUMBER).append(" VARCHAR");
        }
        if (table.isPersonLinked()) {
            b.append(", ").append(ID_PROBLEM).append(" VARCHAR");
        }
        if (lineage) {
            b.append(", ").append(WorkspaceLayout.SOURCE_REF_COLUMN).append(" VARCHAR");
        }
        return b.toString();
    }

    /** Why a record does not fit the header, or null. Trailing empty fields (a trailing comma) are tolerated. */
    private static String shapeProblem(String[] fields, int width) {
        if (fields.length == width) {
            return null;
        }
        if (fields.length > width) {
            for (int i = width; i < fields.length; i++) {
                if (fields[i] != null) {
                    return "row has " + fields.length + " fields, the header has " + width;
                }
            }
            return null;
        }
        return "row has " + fields.length + " fields, the header has " + width + " (truncated or missing separators)";
    }

    /** A malformed record as a CSV line, NHS numbers masked before it is cut so no cut number escapes. */
    private static String render(String[] fields) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                b.append(',');
            }
            if (fields[i] != null) {
                b.append(CsvField.quote(fields[i]));
            }
        }
        String raw = NhsNumber.maskAll(b.toString());
        return raw.length() > 2000 ? raw.substring(0, 2000) + "…" : raw;
    }

    private static void appendNullable(DuckDBAppender a, String v) throws SQLException {
        if (v == null) {
            a.appendNull();
        } else {
            a.append(v);
        }
    }
}
