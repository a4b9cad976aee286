package org.openphm.ingest;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.duckdb.DuckDBConnection;
import org.openphm.engine.duckdb.DuckDbMemory;
import org.openphm.model.CanonicalSchema;
import org.openphm.model.Progress;
import org.openphm.model.Table;
import org.openphm.model.WorkspaceLayout;

/**
 * {@code phm ingest}: validates a folder of canonical files and rebuilds the workspace from them, atomically.
 *
 * <p>Every row read is loaded or quarantined ({@code _quarantine}: one row per failed check, with file,
 * line, field, value and reason) and the counts reconcile per table ({@code _reconciliation}). The
 * workspace reflects exactly the files given: re-ingesting replaces, never appends. Raw NHS numbers are
 * replaced by keyed pseudonyms before anything is written, and appear only masked (first 3 digits).
 * A file that cannot be used at all (unreadable, not CSV/Parquet, missing a required column), an output path
 * that cannot be written, or a table with more than {@link IngestOptions#maxQuarantinedShare} of its rows
 * quarantined stops the ingest with {@link UnusableInputException} and the previous workspace stays as it was.
 */
public final class Ingest {
    private static final String WS = "ws";
    /**
     * System property that, set to "false", stages every CSV file record by record instead of in bulk: for the
     * benchmark and the parity test that compare the two.
     */
    public static final String BULK_STAGING_PROPERTY = BulkStaging.PROPERTY;
    /** The field of a quarantined record that could not be split into fields. */
    static final String WHOLE_ROW = "(row)";

    private Ingest() {}

    public static IngestResult run(IngestOptions options, Progress progress)
            throws UnusableInputException, IOException, SQLException {
        long started = System.nanoTime();
        Instant ingestedAt = Instant.now();
        OutputPaths.check(options);
        Path workspace = options.workspace().toAbsolutePath();
        List<String> warnings = new ArrayList<>();
        Map<String, InputFile> files = InputFolder.scan(options.input(), warnings);

        try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
                Connection parquetReader = db.unwrap(DuckDBConnection.class).duplicate()) {
            Set<String> empty = new java.util.HashSet<>();
            Map<String, HeaderMapping> mappings = readHeaders(files, parquetReader, warnings, empty);
            IdentifierMode identifiers = identifierMode(mappings, empty);
            Map<String, String> previous = previousMeta(db, workspace);
            Path keyFile = WorkspaceKey.fileFor(workspace);
            Pseudonymiser pseudonymiser = null;
            String keyId = null;
            if (identifiers == IdentifierMode.NHS_NUMBER) {
                WorkspaceKey key = workspaceKey(keyFile, previous.get("key_id"));
                pseudonymiser = new Pseudonymiser(key);
                keyId = key.fingerprint();
            }
            warnings.forEach(w -> progress.message("warning: " + w));

            List<TableReconciliation> tables = new ArrayList<>();
            Map<String, String> meta = new LinkedHashMap<>();
            IngestResult result;
            try (AtomicWorkspace target = AtomicWorkspace.begin(workspace)) {
                execute(db, "SET temp_directory = " + Sql.literal(target.spill().toString()));
                DuckDbMemory.apply(db);
                execute(db, "ATTACH " + Sql.literal(target.temp().toString()) + " AS " + WS);
                WorkspaceTables.create(db, WS);
                TableLoader loader = new TableLoader(db, WS, options.asOf(), pseudonymiser, progress);
                for (Table t : CanonicalSchema.TABLES) {
                    HeaderMapping mapping = mappings.get(t.name());
                    if (mapping == null) {
                        tables.add(new TableReconciliation(t.name(), null, 0, 0, 0));
                        continue;
                    }
                    progress.message(t.name() + ": reading " + mapping.file().name());
                    TableLoader.Loaded loaded;
                    try (RecordSource source = mapping.file().open(parquetReader)) {
                        loaded = loader.load(source, mapping);
                    }
                    TableReconciliation r = loaded.reconciliation();
                    tables.add(r);
                    progress.message(String.format(
                            "%s: %,d read, %,d loaded, %,d quarantined",
                            t.name(), r.read(), r.loaded(), r.quarantined()));
                    refuseIfMostlyQuarantined(db, r, options.maxQuarantinedShare());
                    meta.put("file." + t.name() + ".name", mapping.file().name());
                    meta.put("file." + t.name() + ".sha256", loaded.sha256());
                    meta.put("file." + t.name() + ".rows", Long.toString(r.read()));
                }
                meta.put(WorkspaceLayout.META_SCHEMA_VERSION, Integer.toString(CanonicalSchema.VERSION));
                meta.put("ingested_at", ingestedAt.toString());
                meta.put("as_of", options.asOf().toString());
                SourceTranslation translation = options.translation();
                meta.put(
                        "input_dir",
                        (translation == null ? options.input() : translation.source())
                                .toAbsolutePath()
                                .toString());
                if (translation != null) {
                    meta.put("source_format", translation.format());
                    writeTranslation(db, translation);
                }
                meta.put("identifiers", identifiers.name().toLowerCase());
                if (keyId != null) {
                    meta.put("key_id", keyId);
                    meta.put("key_file", keyFile.getFileName().toString());
                }
                meta.putAll(ContentFingerprints.of(meta));
                writeBookkeeping(db, meta, tables);
                List<QuarantineGroup> groups = quarantineGroups(db);
                execute(db, "DETACH " + WS);
                db.close(); // every handle on the temporary file is gone before it is renamed
                result = new IngestResult(
                        workspace,
                        keyId == null ? null : keyFile,
                        options.asOf(),
                        ingestedAt,
                        tables,
                        groups,
                        warnings,
                        Duration.ofNanos(System.nanoTime() - started),
                        translation);
                writeOutputs(result, target.temp(), options);
                target.commit();
            }
            return result;
        }
    }

    /**
     * The report and the supplier's export, from the new workspace before it replaces the old one: if either
     * cannot be written (a full disk), the workspace is still the one the last outputs describe.
     */
    private static void writeOutputs(IngestResult result, Path newWorkspace, IngestOptions options)
            throws UnusableInputException, SQLException {
        if (options.report() != null) {
            try {
                IngestReport.write(result, options.report());
            } catch (IOException e) {
                throw new UnusableInputException(
                        "--report",
                        0,
                        null,
                        "cannot write the report " + options.report().toAbsolutePath() + " (" + e.getMessage() + ")",
                        "make room on the disk or choose another --report path");
            }
        }
        if (options.quarantineOut() != null) {
            try {
                QuarantineExport.export(newWorkspace, options.quarantineOut());
            } catch (IOException e) {
                throw new UnusableInputException(
                        "--quarantine-out",
                        0,
                        null,
                        "cannot write the quarantined rows into "
                                + options.quarantineOut().toAbsolutePath() + " (" + e.getMessage() + ")",
                        "make room on the disk or choose another --quarantine-out folder");
            }
        }
    }

    /**
     * Reads every header (and the first record) first, so an unusable file stops the ingest before any heavy
     * work; tables whose file has no rows are added to {@code empty}.
     */
    private static Map<String, HeaderMapping> readHeaders(
            Map<String, InputFile> files, Connection parquetReader, List<String> warnings, Set<String> empty)
            throws UnusableInputException, IOException {
        Map<String, HeaderMapping> mappings = new LinkedHashMap<>();
        for (InputFile f : files.values()) {
            refuseUnreadable(f);
            try (RecordSource source = f.open(parquetReader)) {
                mappings.put(f.table().name(), HeaderMapping.of(f, source.header(), warnings));
                if (source.next() == null) {
                    empty.add(f.table().name());
                }
            }
        }
        return mappings;
    }

    /** "Cannot be read" has three causes a user fixes differently, so each is named. */
    private static void refuseUnreadable(InputFile f) throws UnusableInputException, IOException {
        Path p = f.path();
        if (Files.isSymbolicLink(p) && !Files.exists(p)) {
            throw new UnusableInputException(
                    f.name(),
                    0,
                    null,
                    "is a link to "
                            + p.resolveSibling(Files.readSymbolicLink(p)).normalize() + ", which does not exist",
                    "restore the file it points at, or replace the link with the file itself");
        }
        if (!Files.exists(p)) {
            throw new UnusableInputException(
                    f.name(),
                    0,
                    null,
                    "was removed or moved while the ingest started",
                    "put the file back in " + p.toAbsolutePath().getParent() + " and ingest again");
        }
        if (!Files.isReadable(p)) {
            throw new UnusableInputException(
                    f.name(), 0, null, "cannot be read (permission denied)", "make the file readable by this user");
        }
    }

    /**
     * All person-linked files with rows must carry the same identifier, or their rows could never be linked
     * (a header-only file links nothing, so its header does not matter).
     */
    private static IdentifierMode identifierMode(Map<String, HeaderMapping> mappings, Set<String> empty)
            throws UnusableInputException {
        Set<IdentifierMode> modes = EnumSet.noneOf(IdentifierMode.class);
        Map<IdentifierMode, String> example = new HashMap<>();
        for (HeaderMapping m : mappings.values()) {
            if (m.identifiers() != IdentifierMode.NONE
                    && !empty.contains(m.file().table().name())) {
                modes.add(m.identifiers());
                example.putIfAbsent(m.identifiers(), m.file().name());
            }
        }
        if (modes.size() > 1) {
            throw new UnusableInputException(
                    example.get(IdentifierMode.PERSON_ID),
                    1,
                    CanonicalSchema.PERSON_ID,
                    "carries person_id while " + example.get(IdentifierMode.NHS_NUMBER) + " carries nhs_number; "
                            + "the two cannot be linked",
                    "supply the same identifier in every patient-level file");
        }
        return modes.isEmpty() ? IdentifierMode.NONE : modes.iterator().next();
    }

    private static Map<String, String> previousMeta(Connection db, Path workspace) throws UnusableInputException {
        Map<String, String> meta = new HashMap<>();
        if (!Files.exists(workspace)) {
            return meta;
        }
        try {
            execute(db, "ATTACH " + Sql.literal(workspace.toString()) + " AS previous (READ_ONLY)");
            try (Statement st = db.createStatement();
                    ResultSet rs = st.executeQuery("SELECT key, value FROM previous." + WorkspaceLayout.META_TABLE)) {
                while (rs.next()) {
                    meta.put(rs.getString(1), rs.getString(2));
                }
            } finally {
                execute(db, "DETACH previous");
            }
        } catch (SQLException e) {
            throw new UnusableInputException(
                    workspace.getFileName().toString(),
                    0,
                    null,
                    "the workspace exists but cannot be read as an OpenPHM workspace ("
                            + String.valueOf(e.getMessage()).split("\n")[0] + ")",
                    "stop any program using it, or choose a new --workspace path (the file is left untouched)");
        }
        return meta;
    }

    /** The existing key; a missing or different key would silently change every pseudonym, so it stops here. */
    private static WorkspaceKey workspaceKey(Path keyFile, String previousKeyId)
            throws IOException, UnusableInputException {
        String name = keyFile.getFileName().toString();
        if (previousKeyId != null && !Files.exists(keyFile)) {
            throw new UnusableInputException(
                    name,
                    0,
                    null,
                    "the workspace was pseudonymised with a key that is no longer next to it",
                    "restore " + keyFile
                            + " from your backup so pseudonyms stay stable, or ingest into a new --workspace path");
        }
        WorkspaceKey key = WorkspaceKey.loadOrCreate(keyFile);
        if (previousKeyId != null && !previousKeyId.equals(key.fingerprint())) {
            throw new UnusableInputException(
                    name,
                    0,
                    null,
                    "this key (id " + key.fingerprint() + ") is not the one the workspace was built with (id "
                            + previousKeyId + ")",
                    "restore the original key file, or ingest into a new --workspace path");
        }
        return key;
    }

    private static void writeBookkeeping(Connection db, Map<String, String> meta, List<TableReconciliation> tables)
            throws SQLException {
        try (PreparedStatement ps =
                db.prepareStatement("INSERT INTO " + WS + "." + WorkspaceLayout.META_TABLE + " VALUES (?, ?)")) {
            for (Map.Entry<String, String> e : meta.entrySet()) {
                ps.setString(1, e.getKey());
                ps.setString(2, e.getValue());
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = db.prepareStatement(
                "INSERT INTO " + WS + "." + WorkspaceLayout.RECONCILIATION_TABLE + " VALUES (?, ?, ?, ?, ?)")) {
            for (TableReconciliation t : tables) {
                ps.setString(1, t.table());
                ps.setString(2, t.file());
                ps.setLong(3, t.read());
                ps.setLong(4, t.loaded());
                ps.setLong(5, t.quarantined());
                ps.executeUpdate();
            }
        }
    }

    /**
     * The adapter's account of the source: its mapping counts, and the source records it refused whole, which
     * join the canonical quarantine (masked like every quarantined value) under the source table's name.
     */
    private static void writeTranslation(Connection db, SourceTranslation t) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(
                "INSERT INTO " + WS + "." + WorkspaceLayout.SOURCE_MAPPING_TABLE + " VALUES (?, ?, ?, ?, ?, ?)")) {
            for (SourceTranslation.Mapping m : t.mapping()) {
                ps.setString(1, m.sourceTable());
                ps.setString(2, m.target());
                ps.setString(3, m.outcome().label());
                ps.setString(4, m.field());
                ps.setString(5, m.reason());
                ps.setLong(6, m.rows());
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = db.prepareStatement(
                "INSERT INTO " + WS + "." + WorkspaceLayout.QUARANTINE_TABLE + " VALUES (?, ?, ?, ?, ?, ?, NULL)")) {
            for (SourceTranslation.Quarantined q : t.quarantined()) {
                ps.setString(1, q.sourceTable());
                ps.setString(2, q.file());
                ps.setLong(3, q.line());
                ps.setString(4, q.field());
                ps.setString(5, q.value() == null ? null : NhsNumber.maskAll(q.value()));
                ps.setString(6, q.reason());
                ps.executeUpdate();
            }
        }
    }

    /** Stops the ingest, before the workspace is replaced, when a table lost more than the allowed share. */
    private static void refuseIfMostlyQuarantined(Connection db, TableReconciliation r, double maxShare)
            throws SQLException, UnusableInputException {
        double share = r.read() == 0 ? 0 : (double) r.quarantined() / r.read();
        if (share <= maxShare) {
            return;
        }
        QuarantineGroup top = quarantineGroups(db).stream()
                .filter(g -> g.table().equals(r.table()))
                .findFirst()
                .orElseThrow();
        List<String> lines = top.exampleLines().stream().map(String::valueOf).toList();
        String where = (top.rows() > lines.size() ? "first lines " : lines.size() > 1 ? "lines " : "line ")
                + String.join(", ", lines);
        // top.file() is the file the supplier can open: the source file when an adapter wrote the table.
        throw new UnusableInputException(
                top.file(),
                0,
                null,
                String.format(
                        "%,d of the %,d rows of table %s (%.1f%%) would be quarantined, more than the %s%% allowed; most often %s%s"
                                + " (%,d rows, %s)",
                        r.quarantined(),
                        r.read(),
                        r.table(),
                        100 * share,
                        BigDecimal.valueOf(maxShare)
                                .movePointRight(2)
                                .stripTrailingZeros()
                                .toPlainString(),
                        top.field().equals(WHOLE_ROW) ? "" : "field '" + top.field() + "': ",
                        top.reason(),
                        top.rows(),
                        where),
                "correct the file (or ask the supplier for a corrected extract) and ingest again, or add"
                        + " --accept-quarantine to load the other rows anyway");
    }

    private static List<QuarantineGroup> quarantineGroups(Connection db) throws SQLException {
        List<QuarantineGroup> groups = new ArrayList<>();
        try (Statement st = db.createStatement();
                ResultSet rs = st.executeQuery("SELECT table_name, file, field, reason, count(*) AS n, "
                        + "array_to_string(list(line ORDER BY line)[1:5], ',') FROM " + WS + "."
                        + WorkspaceLayout.QUARANTINE_TABLE
                        + " GROUP BY ALL ORDER BY n DESC, field, reason")) {
            while (rs.next()) {
                List<Long> lines = new ArrayList<>();
                for (String l : rs.getString(6).split(",")) {
                    lines.add(Long.parseLong(l));
                }
                groups.add(new QuarantineGroup(
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5), lines));
            }
        }
        List<String> order = CanonicalSchema.TABLES.stream().map(Table::name).toList();
        groups.sort(Comparator.comparingInt(g -> order.indexOf(g.table())));
        return groups;
    }

    private static void execute(Connection db, String sql) throws SQLException {
        try (Statement st = db.createStatement()) {
            st.execute(sql);
        }
    }
}
