package org.openphm.server;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * A workspace holding only a risk_score table, as phm risk score writes it: six people, practice P1 (neighbourhood
 * N1) with ranks 1, 3, 5 (pid01, pid03, pid05) and practice P2 (neighbourhood N2) with ranks 2, 4, 6; pid01 is in
 * the top 0.5%, pid02-pid03 in 0.5-5%, the rest in 5-20%.
 */
final class RiskListFixture {
    private RiskListFixture() {}

    static Path workspace(Path dir) throws Exception {
        Path workspace = dir.resolve("phm.duckdb");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + workspace);
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE risk_score (person_id VARCHAR, index_date DATE, risk DOUBLE, risk_rank BIGINT, "
                    + "stratum VARCHAR, practice_code VARCHAR, neighbourhood_code VARCHAR, age INTEGER, sex VARCHAR, "
                    + "ltc_count BIGINT, emergency_12m BIGINT, bed_days_12m BIGINT)");
            for (int k = 1; k <= 6; k++) {
                String practice = k % 2 == 1 ? "P1" : "P2";
                s.execute(String.format(
                        "INSERT INTO risk_score VALUES ('pid%02d', DATE '2025-04-01', %s, %d, '%s', "
                                + "'%s', '%s', %d, 'F', %d, %d, %d)",
                        k,
                        0.9 - k / 10.0,
                        k,
                        k <= 1 ? "Top 0.5%" : k <= 3 ? "0.5-5%" : "5-20%",
                        practice,
                        practice.equals("P1") ? "N1" : "N2",
                        60 + k,
                        k % 3,
                        k % 2,
                        2 * k));
            }
        }
        return workspace;
    }
}
