package org.openphm.engine.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openphm.engine.query.Expr.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openphm.engine.query.Query;
import org.openphm.engine.query.SortKey;
import org.openphm.engine.sql.SqlRenderer;
import org.openphm.model.CanonicalSchema;

/** The Spark SQL text itself, for the traps whose wrong form would silently give a different answer. */
class SparkDialectTest {

    private final SqlRenderer renderer = new SqlRenderer(SparkDialect.INSTANCE);

    @Test
    void identifiersAreBacktickedNeverDoubleQuoted() {
        // trap 12: "place_code" would be the string 'place_code' in Spark, and every row would match it
        String sql = renderer.render(
                Query.from(CanonicalSchema.PRACTICE).where(col("place_code").eq("E06000055")));
        assertTrue(sql.contains("`place_code` = 'E06000055'"), sql);
        assertFalse(sql.contains("\""), sql);
    }

    @Test
    void stringLiteralsEscapeBackslashAndQuote() {
        assertEquals("'O\\'Brien \\\\ x'", SparkDialect.INSTANCE.stringLiteral("O'Brien \\ x"));
    }

    @Test
    void orderingStatesNullPlacement() {
        String sql = renderer.render(Query.from(CanonicalSchema.PATIENT)
                .orderBy(SortKey.asc("death_date"), SortKey.desc("sex").nullsFirst()));
        assertTrue(sql.endsWith("ORDER BY `death_date` ASC NULLS LAST, `sex` DESC NULLS FIRST"), sql);
    }

    @Test
    void datesUseSparksFunctions() {
        Query q = Query.from(CanonicalSchema.SPELL)
                .select("spell_id")
                .derive("los", daysBetween(date("2024-01-01"), date("2024-01-31")));
        assertTrue(renderer.render(q).contains("datediff(DATE '2024-01-31', DATE '2024-01-01')"), renderer.render(q));
        Query first = Query.from(CanonicalSchema.SPELL)
                .rowNumber("n", List.of("person_id"), SortKey.asc("admission_date"))
                .where(col("n").eq(1));
        assertFalse(renderer.render(first).contains("QUALIFY"));
    }
}
