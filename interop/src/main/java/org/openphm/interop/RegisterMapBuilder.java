package org.openphm.interop;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Builds the register map from an OMOP vocabulary (the CONCEPT, CONCEPT_RELATIONSHIP and, when populated,
 * CONCEPT_ANCESTOR files of a CDM or an Athena download): every SNOMED CT concept that is a named root of
 * {@code interop/register_roots.csv} or descends from one. The output states its method and vocabulary and is
 * deterministic, so a reviewer can diff two versions.
 */
public final class RegisterMapBuilder {
    public static final String ROOTS = "interop/register_roots.csv";

    private RegisterMapBuilder() {}

    /** The map's text, built from the vocabulary files in {@code vocabulary}. */
    public static String build(Path vocabulary) throws IOException, SQLException {
        Path concept = vocabularyFile(vocabulary, "CONCEPT");
        Path relationship = vocabularyFile(vocabulary, "CONCEPT_RELATIONSHIP");
        Path ancestor = optionalFile(vocabulary, "CONCEPT_ANCESTOR");
        Path versions = optionalFile(vocabulary, "VOCABULARY");
        Path roots = Files.createTempFile("register_roots", ".csv");
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
                Statement st = db.createStatement()) {
            Files.writeString(roots, rootsText());
            st.execute(
                    "CREATE TABLE roots AS SELECT * FROM read_csv(" + lit(roots) + ", header=true, all_varchar=true)");
            st.execute("CREATE TABLE concept AS SELECT TRY_CAST(concept_id AS BIGINT) AS id, concept_code AS code, "
                    + "concept_name AS name, vocabulary_id AS vocab FROM " + csv(concept));
            st.execute(
                    "CREATE TABLE isa AS SELECT TRY_CAST(concept_id_1 AS BIGINT) AS child, TRY_CAST(concept_id_2 AS BIGINT)"
                            + " AS parent FROM " + csv(relationship)
                            + " WHERE relationship_id = 'Is a' AND COALESCE(invalid_reason, '') = ''");
            boolean useAncestor = ancestor != null && count(st, "SELECT count(*) FROM " + csv(ancestor)) > 0;
            st.execute("CREATE TABLE root_ids AS SELECT r.register, r.snomed_code AS root_code, "
                    + "COALESCE(c.id, TRY_CAST(NULLIF(r.omop_concept_id, '') AS BIGINT)) AS id FROM roots r "
                    + "LEFT JOIN concept c ON c.code = r.snomed_code AND c.vocab = 'SNOMED'");
            String descendants = useAncestor
                    ? "SELECT r.register, r.root_code, CAST(a.descendant_concept_id AS BIGINT) AS id FROM root_ids r JOIN "
                            + csv(ancestor) + " a ON CAST(a.ancestor_concept_id AS BIGINT) = r.id"
                    : "WITH RECURSIVE down(register, root_code, id) AS (SELECT register, root_code, id FROM root_ids"
                            + " WHERE id IS NOT NULL UNION SELECT d.register, d.root_code, i.child FROM down d JOIN isa i"
                            + " ON i.parent = d.id) SELECT * FROM down";
            // Roots by code (a FHIR source may use the root itself) and every SNOMED descendant the vocabulary names.
            String sql = "SELECT DISTINCT register, snomed_code, omop_concept_id, concept_name, root_code FROM ("
                    + "SELECT r.register, r.snomed_code, CAST(COALESCE(c.id, TRY_CAST(NULLIF(r.omop_concept_id, '') AS BIGINT))"
                    + " AS VARCHAR) AS omop_concept_id, COALESCE(c.name, r.concept_name) AS concept_name, r.snomed_code AS root_code"
                    + " FROM roots r LEFT JOIN concept c ON c.code = r.snomed_code AND c.vocab = 'SNOMED'"
                    + " UNION ALL SELECT d.register, c.code, CAST(c.id AS VARCHAR), c.name, d.root_code FROM ("
                    + descendants
                    + ") d JOIN concept c ON c.id = d.id WHERE c.vocab = 'SNOMED')"
                    + " ORDER BY register, snomed_code, root_code";
            List<String> header = new ArrayList<>();
            header.add("OpenPHM register map: SNOMED CT code -> condition register (reviewed before use)");
            header.add("version: 1 (roots " + ROOTS + ")");
            header.add("vocabulary: " + vocabularyVersion(st, versions));
            header.add("method: a code is on a register when it is a named root or descends from one, by "
                    + (useAncestor
                            ? "CONCEPT_ANCESTOR"
                            : "the transitive closure of 'Is a' in CONCEPT_RELATIONSHIP"
                                    + " (CONCEPT_ANCESTOR is empty)")
                    + "; only concepts the vocabulary names are listed");
            StringWriter out = new StringWriter();
            for (String h : header) {
                out.write("# " + h + "\n");
            }
            try (CSVPrinter p = CSVFormat.RFC4180
                            .builder()
                            .setRecordSeparator("\n")
                            .setHeader(RegisterMap.COLUMNS)
                            .get()
                            .print(out);
                    ResultSet rs = st.executeQuery(sql)) {
                while (rs.next()) {
                    p.printRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5));
                }
            }
            return out.toString();
        } finally {
            Files.deleteIfExists(roots);
        }
    }

    static String rootsText() throws IOException {
        try (InputStream in = RegisterMapBuilder.class.getClassLoader().getResourceAsStream(ROOTS)) {
            if (in == null) {
                throw new IOException(ROOTS + " is missing from the build");
            }
            StringBuilder b = new StringBuilder();
            new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(l -> !l.startsWith("#"))
                    .forEach(l -> b.append(l).append('\n'));
            return b.toString();
        }
    }

    private static String vocabularyVersion(Statement st, Path versions) throws SQLException {
        if (versions == null) {
            return "not stated (no VOCABULARY file)";
        }
        try (ResultSet rs =
                st.executeQuery("SELECT string_agg(DISTINCT vocabulary_version, '; ' ORDER BY vocabulary_version)"
                        + " FROM " + csv(versions) + " WHERE vocabulary_id IN ('None', 'SNOMED')")) {
            rs.next();
            return rs.getString(1) == null ? "not stated" : rs.getString(1);
        }
    }

    private static Path vocabularyFile(Path dir, String table) throws IOException {
        Path p = optionalFile(dir, table);
        if (p == null) {
            throw new IOException(dir + " has no " + table + ".csv: give the folder of an OMOP vocabulary "
                    + "(CONCEPT, CONCEPT_RELATIONSHIP and, if you have it, CONCEPT_ANCESTOR)");
        }
        return p;
    }

    static Path optionalFile(Path dir, String table) {
        for (String name : new String[] {table + ".csv", table.toLowerCase() + ".csv"}) {
            Path p = dir.resolve(name);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }

    private static long count(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String csv(Path p) {
        return "read_csv(" + lit(p) + ", header=true, all_varchar=true)";
    }

    private static String lit(Path p) {
        return "'" + p.toAbsolutePath().toString().replace("'", "''") + "'";
    }
}
