package org.openphm.synth.population;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openphm.model.Progress;
import org.openphm.synth.PopulationGenerator;
import org.openphm.synth.SynthOptions;

/**
 * Generates a synthetic BLMK population and checks the raw figures against the data pack (targets in
 * {@link PackTargets}, tolerances as the data pack's fidelity rules state them), computing everything with SQL over the CSV
 * files, independently of the generator's internals. Counts are scaled by patients / 1,139,000.
 *
 * <p>Scale: 100,000 patients by default (CI); the full population with
 * {@code mvn -pl synth test -Dtest=PopulationCalibrationTest -Dopenphm.calibration.patients=1139000}.
 * Where a tolerance is about the population (e.g. +-10% relative), the sampling error of the reduced-scale
 * estimate (1.96 standard errors) is added to it, since a 100k sample cannot resolve a rare register's
 * prevalence to 10%; at full scale that allowance is small.
 */
class PopulationCalibrationTest {
    static final long PATIENTS = Long.getLong("openphm.calibration.patients", 100_000L);
    static final double SCALE = PATIENTS / (double) PackTargets.REGISTERED;
    static final String REF = "DATE '2025-03-31'";
    /** Annual fall in age/sex-specific mortality assumed for the DP 4.5 projection (see projectedDeaths). */
    static final double MORTALITY_IMPROVEMENT = 0.013;

    static Path dir;
    static Connection db;

    @BeforeAll
    static void generate() throws Exception {
        dir = Files.createTempDirectory("openphm-calibration");
        PopulationGenerator.generate(dir, new SynthOptions(PATIENTS, 20250331L, true), List.of(), Progress.SILENT);
        db = DriverManager.getConnection("jdbc:duckdb:");
        for (String t : List.of(
                "patient", "registration", "condition", "observation", "lsoa", "practice", "population_projection")) {
            exec("CREATE VIEW " + t + " AS SELECT * FROM read_csv('" + dir.resolve(t + ".csv")
                    + "', header = true, types = " + columnTypes(t) + ")");
        }
        // One row per person with their registration, Place and deprivation.
        exec("""
                CREATE VIEW person AS
                SELECT p.nhs_number AS id, p.sex, p.ethnicity, p.death_date,
                       CAST(substr(p.birth_month, 1, 4) AS INTEGER) AS birth_y, CAST(substr(p.birth_month, 6, 2) AS INTEGER) AS birth_m,
                       r.start_date, r.end_date, pr.place_code, l.imd_decile, l.imd_quintile
                FROM patient p JOIN registration r USING (nhs_number)
                JOIN practice pr USING (practice_code) JOIN lsoa l ON l.lsoa_code = p.lsoa""");
    }

    /** DuckDB column types as the canonical schema declares them (person_id arrives as nhs_number). */
    static String columnTypes(String table) {
        StringBuilder b = new StringBuilder("{");
        for (org.openphm.model.Column c :
                org.openphm.model.CanonicalSchema.table(table).orElseThrow().columns()) {
            String name = c.name().equals("person_id") ? "nhs_number" : c.name();
            b.append(b.length() > 1 ? ", " : "")
                    .append("'")
                    .append(name)
                    .append("': '")
                    .append(c.type().duckdbType())
                    .append("'");
        }
        return b.append("}").toString();
    }

    @AfterAll
    static void close() throws Exception {
        db.close();
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(dir);
    }

    /** People registered on a date, with their age then (birth taken as the first of the birth month). */
    static String registeredOn(String date) {
        return "(SELECT *, year(" + date + ") - birth_y - CASE WHEN month(" + date
                + ") < birth_m THEN 1 ELSE 0 END AS age FROM person "
                + "WHERE start_date <= " + date + " AND (end_date IS NULL OR end_date >= " + date + ") "
                + "AND (death_date IS NULL OR death_date > " + date + "))";
    }

    // ---- DP 1.2 population ------------------------------------------------------------------------------

    @Test
    void registeredPopulationOnTheReferenceDate() throws SQLException {
        double n = number("SELECT count(*) FROM " + registeredOn(REF));
        assertWithin(
                "registered 31 Mar 2025", n, PackTargets.REGISTERED * SCALE, 0.005 * PackTargets.REGISTERED * SCALE);
    }

    @Test
    void populationStructure() throws SQLException {
        String reg = registeredOn(REF);
        double n = number("SELECT count(*) FROM " + reg);
        double old = 100 * number("SELECT count(*) FROM " + reg + " WHERE age >= 65") / n;
        double white = 100 * number("SELECT count(*) FROM " + reg + " WHERE ethnicity IN ('A','B','C')") / n;
        double notStated =
                100 * number("SELECT count(*) FROM " + reg + " WHERE ethnicity IS NULL OR ethnicity IN ('Z','99')") / n;
        double deprived = 100 * number("SELECT count(*) FROM " + reg + " WHERE imd_quintile <= 2") / n;
        assertWithin("65+ %", old, PackTargets.AGED_65_PLUS, 0.5 + se(old, n));
        assertWithin("White %", white, PackTargets.WHITE, 1 + se(white, n));
        assertWithin("not stated %", notStated, PackTargets.NOT_STATED, 1 + se(notStated, n));
        assertWithin("IMD quintiles 1-2 %", deprived, PackTargets.MOST_DEPRIVED_TWO_QUINTILES, 1 + se(deprived, n));
    }

    @Test
    void growthSinceTheEndOf2019To20() throws SQLException {
        double now = number("SELECT count(*) FROM " + registeredOn(REF));
        double then = number("SELECT count(*) FROM " + registeredOn("DATE '2020-03-31'"));
        assertWithin("growth % since 31 Mar 2020", 100 * (now / then - 1), PackTargets.GROWTH_SINCE_2019_20, 0.6);
    }

    // ---- DP 3.7, 3.11, 3.12 conditions ------------------------------------------------------------------

    /** Person ids on a register on the reference date, among those registered then. */
    static String onRegister(String condition) {
        return "(SELECT DISTINCT nhs_number AS id FROM condition WHERE condition = '" + condition
                + "' AND diagnosis_date <= " + REF + " AND (resolved_date IS NULL OR resolved_date > " + REF + "))";
    }

    @Test
    void wholePopulationPrevalenceOfDp37() throws SQLException {
        double n = number("SELECT count(*) FROM " + registeredOn(REF));
        List<String> failures = new ArrayList<>();
        for (var e : PackTargets.WHOLE_POPULATION.entrySet()) {
            double pct = 100
                    * number("SELECT count(*) FROM " + registeredOn(REF) + " r JOIN " + onRegister(e.getKey())
                            + " USING (id)")
                    / n;
            double tol = 0.10 * e.getValue() + se(pct, n);
            if (Math.abs(pct - e.getValue()) > tol) {
                failures.add(String.format(
                        Locale.ROOT, "%s %.2f%% vs %.1f%% (tol %.2f)", e.getKey(), pct, e.getValue(), tol));
            }
        }
        assertTrue(failures.isEmpty(), "DP 3.7 prevalence: " + failures);
    }

    /** P(column | row) in % over people registered on the reference date, optionally within an age range. */
    static Map<String, Double> conditionalMatrix(List<String> conditions, String ageFilter, Map<String, Long> rowCounts)
            throws SQLException {
        StringBuilder flags = new StringBuilder();
        for (String c : conditions) {
            flags.append(", max(CASE WHEN c.condition = '")
                    .append(c)
                    .append("' THEN 1 ELSE 0 END) AS ")
                    .append(c);
        }
        exec("CREATE OR REPLACE TEMP TABLE flags AS SELECT r.id" + flags + " FROM " + registeredOn(REF) + " r "
                + "JOIN condition c ON c.nhs_number = r.id AND c.diagnosis_date <= " + REF
                + " AND (c.resolved_date IS NULL OR c.resolved_date > " + REF + ") WHERE " + ageFilter
                + " GROUP BY r.id");
        Map<String, Double> out = new HashMap<>();
        for (String row : conditions) {
            StringBuilder sums = new StringBuilder("count(*)");
            for (String col : conditions) {
                sums.append(", sum(").append(col).append(")");
            }
            try (Statement s = db.createStatement();
                    ResultSet rs = s.executeQuery("SELECT " + sums + " FROM flags WHERE " + row + " = 1")) {
                rs.next();
                long n = rs.getLong(1);
                rowCounts.put(row, n);
                for (int j = 0; j < conditions.size(); j++) {
                    out.put(row + ">" + conditions.get(j), n == 0 ? 0 : 100.0 * rs.getLong(j + 2) / n);
                }
            }
        }
        return out;
    }

    @Test
    void multimorbidityMatrixOfDp311() throws SQLException {
        Map<String, Long> rows = new HashMap<>();
        Map<String, Double> m = conditionalMatrix(PackTargets.MATRIX_CONDITIONS, "true", rows);
        List<String> failures = new ArrayList<>();
        int cells = 0;
        for (String row : PackTargets.MATRIX_CONDITIONS) {
            for (String col : PackTargets.MATRIX_CONDITIONS) {
                if (row.equals(col)) {
                    continue;
                }
                double target = PackTargets.matrix(row, col);
                double got = m.get(row + ">" + col);
                double tol = (target >= 10 ? 5 : 2) + se(got, rows.get(row));
                cells++;
                if (Math.abs(got - target) > tol) {
                    failures.add(
                            String.format(Locale.ROOT, "%s->%s %.1f vs %.1f (tol %.1f)", row, col, got, target, tol));
                }
            }
        }
        assertEquals(156, cells);
        assertTrue(failures.isEmpty(), failures.size() + " DP 3.11 cells out of tolerance: " + failures);
    }

    @Test
    void comorbidityColumnsOfDp37() throws SQLException {
        List<String> conditions = List.of("DEP", "LD", "SMI", "CPAIN", "EP", "PDIS");
        Map<String, Long> rows = new HashMap<>();
        Map<String, Double> m = conditionalMatrix(conditions, "true", rows);
        List<String> failures = new ArrayList<>();
        for (var row : PackTargets.DP_3_7_EXTRA.entrySet()) {
            for (var col : row.getValue().entrySet()) {
                double got = m.get(row.getKey() + ">" + col.getKey());
                double tol = (col.getValue() >= 10 ? 5 : 2) + se(got, rows.get(row.getKey()));
                if (Math.abs(got - col.getValue()) > tol) {
                    failures.add(String.format(
                            Locale.ROOT, "%s->%s %.1f vs %.1f", row.getKey(), col.getKey(), got, col.getValue()));
                }
            }
        }
        assertTrue(failures.isEmpty(), "DP 3.7 comorbidity: " + failures);
    }

    /** DP 3.12: among 75-84 year olds multimorbidity is higher: every row's mean number of other conditions rises. */
    @Test
    void multimorbidityRisesWithAgeAsInDp312() throws SQLException {
        Map<String, Long> all = new HashMap<>();
        Map<String, Long> old = new HashMap<>();
        Map<String, Double> mAll = conditionalMatrix(PackTargets.MATRIX_CONDITIONS, "true", all);
        Map<String, Double> mOld = conditionalMatrix(PackTargets.MATRIX_CONDITIONS, "r.age BETWEEN 75 AND 84", old);
        List<String> failures = new ArrayList<>();
        for (String row : PackTargets.MATRIX_CONDITIONS) {
            double a = 0;
            double o = 0;
            for (String col : PackTargets.MATRIX_CONDITIONS) {
                if (!col.equals(row)) {
                    a += mAll.get(row + ">" + col);
                    o += mOld.get(row + ">" + col);
                }
            }
            if (!(o > a) && old.get(row) >= 30) {
                failures.add(String.format(Locale.ROOT, "%s: %.2f at 75-84 vs %.2f all ages", row, o / 100, a / 100));
            }
        }
        assertTrue(failures.isEmpty(), "multimorbidity not higher at 75-84: " + failures);
        assertTrue(mOld.get("HF>HYP") > mAll.get("HF>HYP"), "DP 3.12: HF->HYP 88.0% at 75-84 vs 79.8%");
    }

    // ---- DP 5.x Place patterns, DP 3.5, DP 3.9 ----------------------------------------------------------

    /** Crude prevalence % by Place on the reference date, over the register's QOF age base. */
    static Map<String, Double> byPlace(String condition, int minAge, int maxAge) throws SQLException {
        Map<String, Double> out = new HashMap<>();
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT place_code, 100.0 * count(o.id) / count(*) FROM " + registeredOn(REF) + " r LEFT JOIN "
                                + onRegister(condition) + " o USING (id) WHERE age BETWEEN " + minAge + " AND " + maxAge
                                + " GROUP BY place_code")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getDouble(2));
            }
        }
        return out;
    }

    static final String BEDFORD = "E06000055";
    static final String CENTRAL_BEDS = "E06000056";
    static final String LUTON = "E06000032";
    static final String MK = "E06000042";

    /**
     * England comparators: QOF 2019/20 England prevalence (House of Commons Library modelled outputs, summed
     * over English regions: houseofcommonslibrary/local-health-data-from-QOF, output_region_prevalence.csv).
     */
    @Test
    void placePatternsOfDp5() throws SQLException {
        Map<String, Double> dm = byPlace("DM", 17, 200);
        assertTrue(
                dm.get(LUTON) > 7.07 && dm.get(BEDFORD) > 7.07,
                "DP 5.9 diabetes above England (7.07%) in Luton and Bedford: " + dm);
        for (String[] c : new String[][] {
            {"AF", "0", "2.05"},
            {"CKD", "18", "4.05"},
            {"COPD", "0", "1.94"},
            {"STIA", "0", "1.80"},
            {"PAD", "0", "0.60"}
        }) {
            Map<String, Double> p = byPlace(c[0], Integer.parseInt(c[1]), 200);
            double england = Double.parseDouble(c[2]);
            // 1.96 SE of the Place estimate at reduced scale.
            for (var e : p.entrySet()) {
                double n = PATIENTS * 0.25;
                assertTrue(
                        e.getValue() < england + se(e.getValue(), n),
                        "DP 5.x: " + c[0] + " below England " + england + "% in every Place: " + p);
            }
        }
        Map<String, Double> ost = byPlace("OST", 50, 200);
        assertTrue(
                ost.get(MK) < 0.5 * Math.min(ost.get(BEDFORD), ost.get(CENTRAL_BEDS)),
                "DP 5.15 osteoporosis very low in MK: " + ost);
        assertTrue(
                ost.get(BEDFORD) > ost.get(LUTON) && ost.get(BEDFORD) > ost.get(CENTRAL_BEDS),
                "DP 5.15 highest in Bedford: " + ost);
        Map<String, Double> ast = byPlace("AST", 6, 200);
        assertTrue(ast.get(LUTON) < ast.get(CENTRAL_BEDS), "DP 5.2 asthma Luton lowest, Central Beds highest: " + ast);
        Map<String, Double> dem = byPlace("DEM", 0, 200);
        assertTrue(dem.get(LUTON) < dem.get(CENTRAL_BEDS) && dem.get(MK) < dem.get(BEDFORD), "DP 5.8 dementia: " + dem);
        Map<String, Double> smi = byPlace("SMI", 0, 200);
        assertTrue(
                Math.min(smi.get(BEDFORD), smi.get(LUTON)) > Math.max(smi.get(MK), smi.get(CENTRAL_BEDS)),
                "DP 3.3 SMI highest in Bedford and Luton: " + smi);
    }

    /** DP 3.5: new depression diagnoses in 2024/25 per 100 adults: Bedford highest, MK lowest; CfC: 11% of adults. */
    @Test
    void depressionIncidenceAndPrevalence() throws SQLException {
        Map<String, Double> inc = new HashMap<>();
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery("SELECT place_code, 100.0 * count(c.nhs_number) / count(*) FROM "
                        + registeredOn(REF) + " r LEFT JOIN condition c "
                        + "ON c.nhs_number = r.id AND c.condition = 'DEP' AND c.diagnosis_date BETWEEN DATE '2024-04-01' AND "
                        + REF
                        + " WHERE age >= 18 GROUP BY place_code")) {
            while (rs.next()) {
                inc.put(rs.getString(1), rs.getDouble(2));
            }
        }
        double max = inc.values().stream().mapToDouble(d -> d).max().orElseThrow();
        double min = inc.values().stream().mapToDouble(d -> d).min().orElseThrow();
        assertEquals(max, inc.get(BEDFORD), "Bedford highest depression incidence: " + inc);
        assertEquals(min, inc.get(MK), "MK lowest depression incidence: " + inc);
        Map<String, Double> prev = byPlace("DEP", 18, 200);
        double adults = number("SELECT count(*) FROM " + registeredOn(REF) + " WHERE age >= 18");
        double dep = number("SELECT count(*) FROM " + registeredOn(REF) + " r JOIN " + onRegister("DEP")
                + " USING (id) WHERE age >= 18");
        assertWithin("CfC: adults with depression %", 100 * dep / adults, 11, 1.5);
        assertTrue(prev.get(BEDFORD) > prev.get(LUTON), "DP 3.4 depression prevalence Bedford above Luton: " + prev);
    }

    /** DP 3.9: autism and ADHD recorded in under-18s rising since 2019; autism lowest in Luton. */
    @Test
    void neurodiversityInChildren() throws SQLException {
        for (String c : List.of("AUT", "ADHD")) {
            double then = childPrevalence(c, "DATE '2020-03-31'");
            double now = childPrevalence(c, REF);
            assertTrue(now > then * 1.1, c + " under-18 prevalence rising: " + then + " -> " + now);
        }
        Map<String, Double> aut = byPlace("AUT", 0, 17);
        double min = aut.values().stream().mapToDouble(d -> d).min().orElseThrow();
        assertEquals(min, aut.get(LUTON), "Luton lowest autism: " + aut);
    }

    static double childPrevalence(String condition, String date) throws SQLException {
        return 100
                * number("SELECT count(*) FROM " + registeredOn(date)
                        + " r JOIN condition c ON c.nhs_number = r.id AND c.condition = '" + condition
                        + "' AND c.diagnosis_date <= " + date + " WHERE age < 18")
                / number("SELECT count(*) FROM " + registeredOn(date) + " WHERE age < 18");
    }

    /** Every register in the model is populated at a plausible level for its QOF age base. */
    @Test
    void otherRegistersArePlausible() throws SQLException {
        Object[][] ranges = {
            {"AST", 6, 5.0, 8.0},
            {"NDH", 18, 4.0, 11.0},
            {"OB", 18, 7.0, 16.0},
            {"OST", 50, 0.3, 1.5},
            {"PAD", 0, 0.25, 0.6},
            {"PC", 0, 0.2, 0.8},
            {"RA", 16, 0.5, 1.0},
            {"AF", 0, 1.5, 2.3}
        };
        List<String> failures = new ArrayList<>();
        for (Object[] r : ranges) {
            double n = number("SELECT count(*) FROM " + registeredOn(REF) + " WHERE age >= " + r[1]);
            double k = number("SELECT count(*) FROM " + registeredOn(REF) + " r JOIN " + onRegister((String) r[0])
                    + " USING (id) WHERE age >= " + r[1]);
            double pct = 100 * k / n;
            if (pct < (double) r[2] || pct > (double) r[3]) {
                failures.add(r[0] + String.format(Locale.ROOT, " %.2f%%", pct));
            }
        }
        assertTrue(failures.isEmpty(), "implausible prevalence: " + failures);
        double registers = number("SELECT count(DISTINCT condition) FROM condition");
        assertEquals(
                org.openphm.model.CodeSets.CONDITION.codes().size(),
                registers,
                "every register in CodeSets.CONDITION is used");
    }

    // ---- DP 4.3 blood pressure ----------------------------------------------------------------------------

    @Test
    void bloodPressureControlInHypertension() throws SQLException {
        exec("CREATE OR REPLACE TEMP TABLE lastbp AS SELECT r.id, r.age, r.ethnicity, "
                + "arg_max(CASE WHEN o.code = 'BP_SYS' THEN o.value END, CASE WHEN o.code = 'BP_SYS' THEN o.date END) AS sys, "
                + "arg_max(CASE WHEN o.code = 'BP_DIA' THEN o.value END, CASE WHEN o.code = 'BP_DIA' THEN o.date END) AS dia "
                + "FROM " + registeredOn(REF) + " r JOIN " + onRegister("HYP") + " h USING (id) "
                + "JOIN observation o ON o.nhs_number = r.id AND o.date <= " + REF
                + " AND o.code IN ('BP_SYS','BP_DIA') GROUP BY ALL");
        String ok = "sys <= CASE WHEN age >= 80 THEN 150 ELSE 140 END AND dia <= 90";
        double n = number("SELECT count(*) FROM lastbp");
        double all = 100 * number("SELECT count(*) FROM lastbp WHERE " + ok) / n;
        double nb = number("SELECT count(*) FROM lastbp WHERE ethnicity IN ('M','N','P')");
        double black = 100 * number("SELECT count(*) FROM lastbp WHERE ethnicity IN ('M','N','P') AND " + ok) / nb;
        assertWithin("BP controlled %", all, PackTargets.BP_CONTROLLED, 2 + se(all, n));
        assertWithin("BP controlled, Black %", black, PackTargets.BP_CONTROLLED_BLACK, 2 + se(black, nb));
    }

    // ---- DP 4.5 deaths, DP 2.4 / 4.1 mortality ------------------------------------------------------------

    @Test
    void deathsIn2024To25() throws SQLException {
        double deaths = number("SELECT count(*) FROM person WHERE death_date BETWEEN DATE '2024-04-01' AND " + REF);
        double expected = PackTargets.DEATHS_2024_25 * SCALE;
        assertWithin("deaths 2024/25", deaths, expected, 0.03 * expected + 1.96 * Math.sqrt(expected));
    }

    /** Directly standardised (ESP2013) death rate 2019/20-2024/25 per 100,000 person-years, by a grouping. */
    static Map<String, Double> standardisedMortality(String groupExpr) throws SQLException {
        // Person-years approximated by the mid-period registered population x 6 years.
        String mid = registeredOn("DATE '2022-03-31'");
        exec(
                "CREATE OR REPLACE TEMP TABLE esp AS SELECT * FROM (VALUES (0,5000),(1,5500),(2,5500),(3,5500),(4,6000),(5,6000),"
                        + "(6,6500),(7,7000),(8,7000),(9,7000),(10,7000),(11,6500),(12,6000),(13,5500),(14,5000),(15,4000),(16,2500),(17,1500),(18,1000)) e(band, w)");
        String deaths = "(SELECT " + groupExpr
                + " AS g, least(18, CAST(floor((year(death_date) - birth_y) / 5) AS INTEGER)) AS band, count(*) AS d "
                + "FROM person WHERE death_date BETWEEN DATE '2019-04-01' AND " + REF + " GROUP BY ALL)";
        String pop = "(SELECT " + groupExpr
                + " AS g, least(18, CAST(floor(age / 5) AS INTEGER)) AS band, 6.0 * count(*) AS py FROM " + mid
                + " GROUP BY ALL)";
        Map<String, Double> out = new HashMap<>();
        try (Statement s = db.createStatement();
                ResultSet rs =
                        s.executeQuery("SELECT p.g, 100000.0 * sum(e.w * coalesce(d.d, 0) / p.py) / sum(e.w) FROM "
                                + pop + " p JOIN esp e USING (band) " + "LEFT JOIN " + deaths
                                + " d ON d.g = p.g AND d.band = p.band GROUP BY p.g")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getDouble(2));
            }
        }
        return out;
    }

    @Test
    void mortalityHighestInLutonAndDeprivationGapWidestInBedford() throws SQLException {
        Map<String, Double> byPlace = standardisedMortality("place_code");
        double max = byPlace.values().stream().mapToDouble(d -> d).max().orElseThrow();
        assertEquals(max, byPlace.get(LUTON), "DP 2.4 mortality highest (life expectancy lowest) in Luton: " + byPlace);
        Map<String, Double> byQuintile = standardisedMortality(
                "place_code || '-' || CAST(CASE WHEN imd_quintile <= 2 THEN 1 WHEN imd_quintile >= 4 THEN 3 ELSE 2 END AS VARCHAR)");
        Map<String, Double> gap = new HashMap<>();
        for (String p : List.of(BEDFORD, CENTRAL_BEDS, LUTON, MK)) {
            gap.put(p, byQuintile.get(p + "-1") / byQuintile.get(p + "-3"));
        }
        double widest = gap.values().stream().mapToDouble(d -> d).max().orElseThrow();
        assertEquals(
                widest,
                gap.get(BEDFORD),
                "DP 4.1 deprivation gap widest in Bedford (rate ratio most/least deprived): " + gap);
        assertTrue(
                gap.values().stream().allMatch(g -> g > 1.2), "mortality higher in deprived areas everywhere: " + gap);
    }

    // ---- DP 1.3, 2.2, 2.3 projections; DP 4.5 projected deaths ---------------------------------------------

    /**
     * The pack's method: each Place's resident growth by age band and sex applied to its registered
     * population (31 Mar 2025). Returns projected registered counts by year for an age range.
     */
    static double projectedRegistered(int year, int minAge, int maxAge) throws SQLException {
        return number(
                "WITH reg AS (SELECT place_code, sex, least(18, CAST(floor(age / 5) AS INTEGER)) AS band, count(*) AS n FROM "
                        + registeredOn(REF) + " WHERE age BETWEEN " + minAge + " AND " + maxAge + " GROUP BY ALL), "
                        + "proj AS (SELECT area_code AS place_code, sex, CAST(CASE WHEN age_band = '90+' THEN 18 ELSE CAST(split_part(age_band, '-', 1) AS INTEGER) / 5 END AS INTEGER) AS band, "
                        + "sum(CASE WHEN year = " + year
                        + " THEN population END) / sum(CASE WHEN year = 2025 THEN population END) AS growth "
                        + "FROM population_projection GROUP BY ALL) "
                        + "SELECT sum(n * growth) FROM reg JOIN proj USING (place_code, sex, band)");
    }

    @Test
    void populationProjections() throws SQLException {
        double base = projectedRegistered(2025, 0, 200);
        assertWithin(
                "2043 registered population (scaled 1.382m)",
                projectedRegistered(2043, 0, 200),
                1_382_000 * SCALE,
                0.01 * 1_382_000 * SCALE);
        assertWithin(
                "65+ growth to 2043 %",
                100 * (projectedRegistered(2043, 65, 200) / projectedRegistered(2025, 65, 200) - 1), 53, 3);
        assertWithin(
                "80+ growth to 2035 %",
                100 * (projectedRegistered(2035, 80, 200) / projectedRegistered(2025, 80, 200) - 1), 47, 4);
        double eighty43 = projectedRegistered(2043, 80, 200) / projectedRegistered(2025, 80, 200);
        assertTrue(eighty43 > 1.85 && eighty43 < 2.15, "80+ nearly doubles by 2043: x" + eighty43);
        assertWithin(
                "under-20s growth to 2035 %",
                100 * (projectedRegistered(2035, 0, 19) / projectedRegistered(2025, 0, 19) - 1), 5, 2);
        double thirties = projectedRegistered(2035, 30, 39) / projectedRegistered(2025, 30, 39);
        assertTrue(thirties <= 1.01, "30-39 flat or falling to 2035: x" + thirties);
        assertWithin(
                "base year reproduces the registered population",
                base,
                number("SELECT count(*) FROM " + registeredOn(REF)),
                1);
    }

    /**
     * DP 4.5: "predicted mortality rates" applied to the projected registered population: +19% by 2034/35 and
     * +38% by 2042/43. With 80+ growing 47% by 2035, those figures imply falling age-specific mortality; we
     * apply 1.3% a year, the order of the long-run improvement assumed in ONS projections (CALIBRATION.md), to
     * the 2024/25 age/sex rates of the synthetic deaths.
     */
    @Test
    void projectedDeaths() throws SQLException {
        String rates =
                "(SELECT sex, least(18, CAST(floor((year(death_date) - birth_y) / 5) AS INTEGER)) AS band, count(*) AS d FROM person "
                        + "WHERE death_date BETWEEN DATE '2024-04-01' AND " + REF + " GROUP BY ALL)";
        String reg = "(SELECT place_code, sex, least(18, CAST(floor(age / 5) AS INTEGER)) AS band, count(*) AS n FROM "
                + registeredOn(REF) + " GROUP BY ALL)";
        String regAll = "(SELECT sex, band, sum(n) AS n FROM " + reg + " GROUP BY ALL)";
        String proj =
                "(SELECT area_code AS place_code, sex, CAST(CASE WHEN age_band = '90+' THEN 18 ELSE CAST(split_part(age_band, '-', 1) AS INTEGER) / 5 END AS INTEGER) AS band, "
                        + "sum(CASE WHEN year = %d THEN population END) / sum(CASE WHEN year = 2024 THEN population END) AS growth FROM population_projection GROUP BY ALL)";
        String sql = "SELECT sum(r.n * p.growth * coalesce(d.d, 0) / a.n) FROM " + reg + " r JOIN " + proj
                + " p USING (place_code, sex, band) " + "JOIN " + regAll + " a USING (sex, band) LEFT JOIN " + rates
                + " d USING (sex, band)";
        double base = number(String.format(Locale.ROOT, sql, 2024));
        double in2034 = number(String.format(Locale.ROOT, sql, 2034)) * Math.pow(1 - MORTALITY_IMPROVEMENT, 10);
        double in2042 = number(String.format(Locale.ROOT, sql, 2042)) * Math.pow(1 - MORTALITY_IMPROVEMENT, 18);
        assertWithin("projected deaths 2034/35 vs 2024/25 %", 100 * (in2034 / base - 1), 19, 6);
        assertWithin("projected deaths 2042/43 vs 2024/25 %", 100 * (in2042 / base - 1), 38, 8);
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    /** 1.96 standard errors of a percentage estimated from n people. */
    static double se(double pct, double n) {
        double p = pct / 100;
        return n <= 0 ? 0 : 196 * Math.sqrt(p * (1 - p) / n);
    }

    static void assertWithin(String what, double got, double target, double tolerance) {
        assertTrue(
                Math.abs(got - target) <= tolerance,
                String.format(Locale.ROOT, "%s: %.3f, target %.3f +- %.3f", what, got, target, tolerance));
    }

    static double number(String sql) throws SQLException {
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getDouble(1);
        }
    }

    static void exec(String sql) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute(sql);
        }
    }
}
