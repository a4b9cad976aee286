package org.openphm.engine.duckdb;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * How DuckDB plans the query model's SQL: joins run in the order the definitions write them, not reordered by
 * DuckDB's cost model.
 *
 * <p>Why: the definitions join person-level facts onto a population in a deliberate order (the population on the
 * left, each smaller set of facts built into a hash table on the right). DuckDB's join-order optimiser estimates
 * a filtered window ("the latest registration", about 3 million rows at 3.2 million patients) at a few thousand
 * rows, and so builds its hash tables on the wide population side instead; several such tables in one pipeline
 * then exceed the memory limit, which DuckDB cannot spill its way out of. Measured on the 3.2-million-patient
 * workspace (DP 2.4's SMI population, 768 MB): reordered, out of memory (and out of memory at 1 GB, passing at
 * 700 MB and 1.5 GB); as written, 3.3 s. Set {@code openphm.duckdb.reorder-joins=true} to let DuckDB reorder
 * again (to compare plans: {@code phm bench} reports which was in force).
 */
public final class DuckDbPlanner {
    private DuckDbPlanner() {}

    public static final String REORDER_PROPERTY = "openphm.duckdb.reorder-joins";

    /** Whether DuckDB may reorder joins in this process (by default it may not). */
    public static boolean reordersJoins() {
        return Boolean.getBoolean(REORDER_PROPERTY);
    }

    /** Applies the planning settings to a connection the engine runs on. */
    public static void apply(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET disabled_optimizers = '" + (reordersJoins() ? "" : "join_order") + "'");
        }
    }
}
