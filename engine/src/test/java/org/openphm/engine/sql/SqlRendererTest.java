package org.openphm.engine.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openphm.engine.query.Expr.*;
import static org.openphm.engine.query.Measure.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openphm.engine.query.GroupKey;
import org.openphm.engine.query.Query;
import org.openphm.model.CanonicalSchema;

/** The shape of the generated SQL: what a human would write, one scan per table, errors at definition time. */
class SqlRendererTest {

    private final SqlRenderer renderer = new SqlRenderer(DuckDbDialect.INSTANCE);

    @Test
    void numeratorDenominatorAndTotalsComeFromOneScan() {
        Query q = Query.from(CanonicalSchema.PATIENT)
                .aggregate(
                        List.of(GroupKey.of("sex").totalAs("Persons")),
                        Query.rollup("sex"),
                        countRows("denominator"),
                        countIf("numerator", isNull(col("death_date"))));
        String sql = renderer.render(q);
        // one scan of patient to the finest grain, whose few rows the grouping sets then roll up
        assertEquals(
                "WITH q1 AS (\n  SELECT \"sex\", COUNT(*) AS \"denominator\", "
                        + "COUNT(CASE WHEN (\"death_date\" IS NULL) THEN 1 END) AS \"numerator\" FROM \"patient\"\n"
                        + "  GROUP BY \"sex\"\n)\n"
                        + "SELECT CASE WHEN GROUPING(\"sex\") = 1 THEN 'Persons' ELSE \"sex\" END AS \"sex\", "
                        + "COALESCE(SUM(\"denominator\"), 0) AS \"denominator\", COALESCE(SUM(\"numerator\"), 0) AS "
                        + "\"numerator\" FROM q1\nGROUP BY GROUPING SETS ((\"sex\"), ())",
                sql);
    }

    @Test
    void stepsBecomeNamedCtes() {
        Query q = Query.from(CanonicalSchema.PATIENT)
                .where(col("sex").eq("F"))
                .aggregate(List.of("lsoa"), countRows("n"));
        assertEquals(
                "WITH q1 AS (\n  SELECT \"person_id\", \"sex\", \"birth_month\", \"ethnicity\", \"lsoa\", "
                        + "\"death_date\", \"death_cause_icd10\" FROM \"patient\"\n  WHERE (\"sex\" = 'F')\n)\n"
                        + "SELECT \"lsoa\", COUNT(*) AS \"n\" FROM q1\nGROUP BY \"lsoa\"",
                renderer.render(q));
    }

    @Test
    void unknownColumnsFailWhenTheQueryIsBuiltOrRendered() {
        IllegalArgumentException built = assertThrows(
                IllegalArgumentException.class,
                () -> Query.from(CanonicalSchema.PATIENT).aggregate(List.of("gender"), countRows("n")));
        assertTrue(built.getMessage().contains("gender") && built.getMessage().contains("sex"), built.getMessage());
        IllegalArgumentException rendered = assertThrows(
                IllegalArgumentException.class,
                () -> renderer.render(
                        Query.from(CanonicalSchema.PATIENT).where(col("gender").eq("F"))));
        assertTrue(rendered.getMessage().contains("gender"), rendered.getMessage());
    }

    @Test
    void rollupAndCubeListTheirGroupingSets() {
        assertEquals(List.of(List.of("a", "b"), List.of("a"), List.of()), Query.rollup("a", "b"));
        assertEquals(List.of(List.of("a", "b"), List.of("a"), List.of("b"), List.of()), Query.cube("a", "b"));
    }
}
