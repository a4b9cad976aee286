package org.openphm.synth.population;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * QOF register prevalence over the financial years the synthetic data covers (end of 2019/20 to end of
 * 2025/26) must move as the Data Pack seed says the real registers did (DP 5.1-5.19, "QOF prevalence" pages,
 * 2019/20-2023/24), not rise towards the year the population was calibrated in (issue 16, item 4).
 *
 * <p>Computed from the generated canonical tables with SQL (people registered and alive on 31 March, in the
 * register's QOF age base; on the register = diagnosed by then and not resolved), independently of the
 * generator's internals.
 *
 * <p>Bounds. Every register: |year-on-year relative change| at most {@value #MAX_YEARLY} (8% a year) plus the
 * sampling allowance 1.96 sqrt(m)/k, where m is the number of people on the register in exactly one of the two
 * years and k the earlier count (the year-on-year change is a difference of flows, not of two independent
 * samples). The seed's registers move by a few percent a year at most: "fairly steady" (asthma 5.2,
 * epilepsy 5.10, palliative care 5.17), "fluctuated a little ... no large changes" (CKD 5.6, COPD 5.7),
 * "rising slowly" / "increasing steadily" / "gradually" (AF 5.3, cancer 5.4, dementia 5.8, diabetes 5.9,
 * heart failure 5.11, hypertension 5.12, osteoporosis 5.15, RA 5.18, stroke 5.19), "falling gradually"
 * (CHD 5.5, PAD 5.16); England's QOF registers changed by under 5% a year over 2019/20-2023/24 except
 * depression and NDH (about 4-6% and more). Obesity (5.14) is on the same bound, so it cannot appear from
 * nowhere in one year. Named directions are asserted on the mean annual change 2019/20-2025/26:
 * asthma within +-2%/year, CHD and PAD not rising, the "rising" registers not falling, CKD, COPD,
 * epilepsy and palliative care within +-3%/year.
 */
class PrevalenceTrendTest {
    static final long PATIENTS = Long.getLong("openphm.trend.patients", 60_000L);
    static final double MAX_YEARLY = 0.08;
    /** QOF age base of each register (QOF 2023-24, as analyses' QofRegisters). */
    static final Map<String, Integer> AGE_BASE = new LinkedHashMap<>();

    static {
        for (String r : List.of("AF", "CAN", "CHD", "COPD", "DEM", "HF", "HYP", "LD", "PAD", "PC", "STIA", "SMI")) {
            AGE_BASE.put(r, 0);
        }
        AGE_BASE.put("AST", 6);
        AGE_BASE.put("RA", 16);
        AGE_BASE.put("DM", 17);
        for (String r : List.of("CKD", "EP", "OB", "NDH", "DEP")) {
            AGE_BASE.put(r, 18);
        }
        AGE_BASE.put("OST", 50);
    }

    static final int FIRST_YEAR = 2020;
    static final int LAST_YEAR = 2026;

    static Path dir;
    static Connection db;
    /** register -> year end (March of) -> {on register, denominator, changed since the year before}. */
    static final Map<String, Map<Integer, long[]>> counts = new LinkedHashMap<>();

    @BeforeAll
    static void generate() throws Exception {
        dir = Files.createTempDirectory("openphm-trend");
        PopulationGenerator.generate(dir, new SynthOptions(PATIENTS, 20250331L, true), List.of(), Progress.SILENT);
        db = DriverManager.getConnection("jdbc:duckdb:");
        for (String t : List.of("patient", "registration", "condition")) {
            exec("CREATE VIEW " + t + " AS SELECT * FROM read_csv('" + dir.resolve(t + ".csv")
                    + "', header = true, types = " + PopulationCalibrationTest.columnTypes(t) + ")");
        }
        exec("CREATE TABLE person AS SELECT p.nhs_number AS id, p.death_date, "
                + "CAST(substr(p.birth_month, 1, 4) AS INTEGER) AS birth_y, CAST(substr(p.birth_month, 6, 2) AS INTEGER) AS birth_m, "
                + "r.start_date, r.end_date FROM patient p JOIN registration r USING (nhs_number)");
        exec("CREATE TABLE reg AS SELECT y, id, y - birth_y - CASE WHEN birth_m > 3 THEN 1 ELSE 0 END AS age "
                + "FROM range(" + FIRST_YEAR + ", " + (LAST_YEAR + 1) + ") t(y) JOIN person "
                + "ON start_date <= make_date(y, 3, 31) AND (end_date IS NULL OR end_date >= make_date(y, 3, 31)) "
                + "AND (death_date IS NULL OR death_date > make_date(y, 3, 31))");
        exec("CREATE TABLE flags AS SELECT DISTINCT r.y, r.id, r.age, c.condition FROM reg r JOIN condition c "
                + "ON c.nhs_number = r.id AND c.diagnosis_date <= make_date(r.y, 3, 31) "
                + "AND (c.resolved_date IS NULL OR c.resolved_date > make_date(r.y, 3, 31))");
        for (var e : AGE_BASE.entrySet()) {
            String reg = e.getKey();
            Map<Integer, long[]> byYear = new LinkedHashMap<>();
            for (int y = FIRST_YEAR; y <= LAST_YEAR; y++) {
                long on = number("SELECT count(DISTINCT id) FROM flags WHERE y = " + y + " AND condition = '" + reg
                        + "' AND age >= " + e.getValue());
                long den = number("SELECT count(*) FROM reg WHERE y = " + y + " AND age >= " + e.getValue());
                long changed = y == FIRST_YEAR
                        ? 0
                        : number("SELECT count(*) FROM ((SELECT id FROM flags WHERE y = " + y
                                        + " AND condition = '" + reg + "' AND age >= " + e.getValue()
                                        + ") EXCEPT (SELECT id FROM flags WHERE y = "
                                        + (y - 1) + " AND condition = '" + reg + "' AND age >= " + e.getValue()
                                        + ")) s")
                                + number("SELECT count(*) FROM ((SELECT id FROM flags WHERE y = " + (y - 1)
                                        + " AND condition = '" + reg
                                        + "' AND age >= " + e.getValue() + ") EXCEPT (SELECT id FROM flags WHERE y = "
                                        + y + " AND condition = '"
                                        + reg + "' AND age >= " + e.getValue() + ")) s");
                byYear.put(y, new long[] {on, den, changed});
            }
            counts.put(reg, byYear);
        }
        StringBuilder table = new StringBuilder("QOF register prevalence % at 31 March (" + PATIENTS + " patients):\n");
        for (var e : counts.entrySet()) {
            table.append(String.format(Locale.ROOT, "%-5s", e.getKey()));
            for (long[] c : e.getValue().values()) {
                table.append(String.format(Locale.ROOT, " %6.2f", pct(c)));
            }
            table.append(
                    String.format(Locale.ROOT, "   mean annual change %+.1f%%%n", 100 * meanAnnualChange(e.getKey())));
        }
        table.append("65+ % ");
        for (int y = FIRST_YEAR; y <= LAST_YEAR; y++) {
            table.append(String.format(
                    Locale.ROOT,
                    " %6.2f",
                    100.0
                            * number("SELECT count(*) FROM reg WHERE age >= 65 AND y = " + y)
                            / number("SELECT count(*) FROM reg WHERE y = " + y)));
        }
        System.out.println(table);
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

    static double pct(long[] c) {
        return 100.0 * c[0] / c[1];
    }

    /** (p_last / p_first)^(1/6) - 1. */
    static double meanAnnualChange(String reg) {
        Map<Integer, long[]> c = counts.get(reg);
        return Math.pow(pct(c.get(LAST_YEAR)) / pct(c.get(FIRST_YEAR)), 1.0 / (LAST_YEAR - FIRST_YEAR)) - 1;
    }

    /** Sampling allowance on the mean annual change: 1.96 sqrt(people who changed status over the period)/k/years. */
    static double meanAnnualAllowance(String reg) throws SQLException {
        String a = "(SELECT id FROM flags WHERE y = " + FIRST_YEAR + " AND condition = '" + reg + "' AND age >= "
                + AGE_BASE.get(reg) + ")";
        String b = "(SELECT id FROM flags WHERE y = " + LAST_YEAR + " AND condition = '" + reg + "' AND age >= "
                + AGE_BASE.get(reg) + ")";
        long m = number("SELECT count(*) FROM (" + a + " EXCEPT " + b + ") s")
                + number("SELECT count(*) FROM (" + b + " EXCEPT " + a + ") s");
        long k = counts.get(reg).get(FIRST_YEAR)[0];
        return 1.96 * Math.sqrt(m) / Math.max(1, k) / (LAST_YEAR - FIRST_YEAR);
    }

    @Test
    void everyRegisterChangesByAtMostEightPercentAYear() {
        List<String> failures = new ArrayList<>();
        for (var e : counts.entrySet()) {
            for (int y = FIRST_YEAR + 1; y <= LAST_YEAR; y++) {
                long[] before = e.getValue().get(y - 1);
                long[] now = e.getValue().get(y);
                assertTrue(before[0] > 0, e.getKey() + " empty at 31 March " + (y - 1));
                double change = pct(now) / pct(before) - 1;
                double allowance = 1.96 * Math.sqrt(now[2]) / before[0];
                if (Math.abs(change) > MAX_YEARLY + allowance) {
                    failures.add(String.format(
                            Locale.ROOT,
                            "%s %d/%02d -> %d/%02d: %.2f%% -> %.2f%% (%+.1f%%, bound %.1f%%)",
                            e.getKey(),
                            y - 2,
                            (y - 1) % 100,
                            y - 1,
                            y % 100,
                            pct(before),
                            pct(now),
                            100 * change,
                            100 * (MAX_YEARLY + allowance)));
                }
            }
        }
        assertTrue(failures.isEmpty(), "registers moving faster than the seed allows:\n" + String.join("\n", failures));
    }

    @Test
    void theSeedsNamedTrends() throws SQLException {
        List<String> failures = new ArrayList<>();
        // DP 5.2 asthma "remained fairly steady over time since 2020/21".
        within(failures, "AST", -0.02, 0.02);
        // DP 5.5 CHD "falling gradually"; DP 5.16 PAD "falling gradually ... since 2018/19".
        within(failures, "CHD", -0.05, 0.0);
        within(failures, "PAD", -0.05, 0.0);
        // DP 5.3 AF rising slowly, 5.4 cancer increasing steadily, 5.8 dementia rising slowly, 5.9 diabetes
        // rising steadily, 5.11 heart failure increasing, 5.15 osteoporosis increasing (most areas).
        for (String r : List.of("AF", "CAN", "DEM", "DM", "HF", "OST")) {
            within(failures, r, 0.0, MAX_YEARLY);
        }
        // DP 5.6 CKD and 5.7 COPD "no large changes", 5.10 epilepsy "fairly stable", 5.17 palliative care
        // "has not fluctuated very much since 2019/20".
        for (String r : List.of("CKD", "COPD", "EP", "PC")) {
            within(failures, r, -0.03, 0.03);
        }
        assertTrue(failures.isEmpty(), "trends against the seed:\n" + String.join("\n", failures));
    }

    static void within(List<String> failures, String reg, double lo, double hi) throws SQLException {
        double change = meanAnnualChange(reg);
        double allowance = meanAnnualAllowance(reg);
        if (change < lo - allowance || change > hi + allowance) {
            failures.add(String.format(
                    Locale.ROOT,
                    "%s mean annual change %+.2f%% outside [%+.1f%%, %+.1f%%] (+-%.2f%% sampling)",
                    reg,
                    100 * change,
                    100 * lo,
                    100 * hi,
                    100 * allowance));
        }
    }

    static void exec(String sql) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute(sql);
        }
    }

    static long number(String sql) throws SQLException {
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
