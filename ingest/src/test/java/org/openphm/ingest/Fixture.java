package org.openphm.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.openphm.model.CanonicalSchema;
import org.openphm.model.Progress;
import org.openphm.model.Table;

/**
 * A small, hand-made input folder whose every answer is known: two practices, two LSOAs, three patients
 * (p2 died on 2024-06-30), header-only files for the other mandatory tables. Tests overwrite single files.
 */
final class Fixture {
    static final LocalDate AS_OF = LocalDate.of(2025, 3, 31);

    static final String PRACTICE = """
            practice_code,practice_name,pcn_code,pcn_name,neighbourhood_code,neighbourhood_name,place_code,place_name,icb_code,icb_name
            E81001,Practice One,U1,PCN One,N1,Neighbourhood One,E06000032,Luton,QHG,BLMK
            E81002,"Practice Two, Bedford",U2,PCN Two,N2,Neighbourhood Two,E06000055,Bedford Borough,QHG,BLMK
            """;
    static final String LSOA = """
            lsoa_code,lsoa_name,imd_decile,imd_quintile,place_code
            E01000001,Luton 001A,1,1,E06000032
            E01000002,Bedford 001A,10,5,E06000055
            """;
    static final String PATIENT = """
            person_id,sex,birth_month,ethnicity,lsoa,death_date,death_cause_icd10
            p1,F,1950-01,A,E01000001,,
            p2,M,1980-06,,E01000002,2024-06-30,I21.9
            p3,U,2001-12,Z,E01000001,,
            """;

    final Path dir;
    final Path workspace;

    Fixture(Path root) throws IOException {
        this(root, "in");
    }

    /** @param folder the name of the folder the files are in */
    Fixture(Path root, String folder) throws IOException {
        this.dir = root.resolve(folder);
        this.workspace = root.resolve("ws").resolve("phm.duckdb");
        Files.createDirectories(dir);
        for (Table t : CanonicalSchema.TABLES) {
            if (t.mandatory()) {
                write(t.name() + ".csv", String.join(",", t.columnNames()) + "\n");
            }
        }
        write("practice.csv", PRACTICE);
        write("lsoa.csv", LSOA);
        write("patient.csv", PATIENT);
    }

    Fixture write(String file, String content) throws IOException {
        Files.writeString(dir.resolve(file), content, StandardCharsets.UTF_8);
        return this;
    }

    /** Header of a table followed by the given data lines. */
    Fixture table(Table t, String... lines) throws IOException {
        return write(t.name() + ".csv", String.join(",", t.columnNames()) + "\n" + String.join("\n", lines) + "\n");
    }

    /**
     * In tables this small one bad row is far above the default quarantine limit, and the tests are about the
     * quarantine itself, so it is accepted.
     */
    IngestOptions options(Path report, Path quarantineOut) {
        return new IngestOptions(dir, workspace, AS_OF, report, quarantineOut, IngestOptions.ACCEPT_ANY_QUARANTINE);
    }

    IngestResult ingest() throws Exception {
        return Ingest.run(options(null, null), Progress.SILENT);
    }

    /** Rows of a query on the workspace, each row's values as text (null as null). */
    List<List<String>> query(String sql) throws SQLException {
        Properties readOnly = new Properties();
        readOnly.setProperty("duckdb.read_only", "true");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + workspace, readOnly);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            List<List<String>> rows = new ArrayList<>();
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    /** The quarantine as "line field reason" strings, ordered, for compact assertions. */
    List<String> quarantine(String table) throws SQLException {
        return query("SELECT line || ' ' || field || ' ' || reason FROM _quarantine WHERE table_name = '" + table
                        + "' ORDER BY line, field, reason")
                .stream()
                .map(r -> r.get(0))
                .toList();
    }
}
