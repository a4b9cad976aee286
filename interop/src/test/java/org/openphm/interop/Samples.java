package org.openphm.interop;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Test inputs: the two external samples others produced, OHDSI's Synthea27Nj OMOP CDM sample and a SMART on FHIR
 * Bulk Data export of 10 Synthea patients (read from the folder {@link #external()} finds beside the
 * repository, never copied into it; the tests that need them are skipped, saying so, where it is absent), and a
 * small hand-made geography.
 */
public final class Samples {
    private Samples() {}

    static final String PRACTICE_A = "A81001";
    static final String PRACTICE_B = "A81002";

    /** The samples' folder: $OPENPHM_EXTERNAL_SAMPLES, or reference/external in the shared folder found walking up. */
    public static Path external() {
        String env = System.getenv("OPENPHM_EXTERNAL_SAMPLES");
        if (env != null && Files.isDirectory(Path.of(env))) {
            return Path.of(env);
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared/reference/external");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        assumeTrue(
                false,
                "shared/reference/external (the OMOP and FHIR samples) is not beside this checkout; "
                        + "set OPENPHM_EXTERNAL_SAMPLES to run these tests");
        return null;
    }

    /** The OMOP CDM 5.4 Synthea27Nj sample, unzipped into {@code dir}. */
    public static Path omop(Path dir) throws IOException {
        Path zip = external().resolve("omop-synthea27nj/Synthea27Nj_5.4.zip");
        assumeTrue(Files.isRegularFile(zip), zip + " is missing");
        Path out = dir.resolve("omop");
        if (Files.isDirectory(out)) {
            return out;
        }
        Files.createDirectories(out);
        try (InputStream in = Files.newInputStream(zip);
                ZipInputStream z = new ZipInputStream(in)) {
            ZipEntry e;
            while ((e = z.getNextEntry()) != null) {
                String name = Path.of(e.getName()).getFileName().toString();
                if (!e.isDirectory() && !e.getName().startsWith("__MACOSX") && name.endsWith(".csv")) {
                    Files.copy(z, out.resolve(name));
                }
            }
        }
        return out;
    }

    public static Path fhir() {
        Path dir = external().resolve("fhir-bulk-synthea-10");
        assumeTrue(Files.isDirectory(dir), dir + " is missing");
        return dir;
    }

    /** Two practices in one Place, one LSOA, a header-only projection: enough to ingest, not to build. */
    static Path geography(Path dir) throws IOException {
        Path g = Files.createDirectories(dir.resolve("geography"));
        Files.writeString(g.resolve("practice.csv"), """
                practice_code,practice_name,pcn_code,pcn_name,neighbourhood_code,neighbourhood_name,place_code,place_name,icb_code,icb_name
                A81001,Practice A,U1,PCN One,N1,Neighbourhood One,E06000032,Luton,QHG,Test ICB
                A81002,Practice B,U1,PCN One,N1,Neighbourhood One,E06000032,Luton,QHG,Test ICB
                """);
        Files.writeString(g.resolve("lsoa.csv"), """
                lsoa_code,lsoa_name,imd_decile,imd_quintile,place_code
                E01000001,Luton 001A,1,1,E06000032
                """);
        Files.writeString(g.resolve("population_projection.csv"), "area_code,year,sex,age_band,population\n");
        return g;
    }

    /** Rows per value of {@code sql}'s first column (its second column is the count). */
    static Map<String, Long> counts(Path workspace, String sql) throws SQLException {
        Map<String, Long> out = new LinkedHashMap<>();
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:" + workspace, readOnly());
                Statement st = db.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
            }
        }
        return out;
    }

    private static java.util.Properties readOnly() {
        java.util.Properties p = new java.util.Properties();
        p.setProperty("duckdb.read_only", "true");
        return p;
    }

    static long count(Path workspace, String sql) throws SQLException {
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:" + workspace, readOnly());
                Statement st = db.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
