package org.openphm.analyses.conditions;

import static org.openphm.engine.query.Expr.*;

import java.time.LocalDate;
import java.util.List;
import org.openphm.engine.query.Query;
import org.openphm.model.CanonicalSchema;

/**
 * Who is on which register on a date: the building block of the multimorbidity analyses (DP 3.7, 3.11, 3.12) and
 * of the risk model's condition features.
 */
public final class ConditionRegisters {
    private ConditionRegisters() {}

    /**
     * One row per person and register for the given registers: diagnosed on or before the date and not resolved
     * by it (a second entry for the same register counts once). Columns: person_id, condition.
     */
    public static Query on(LocalDate date, List<String> registers) {
        Lit ref = lit(date);
        return Query.from(CanonicalSchema.CONDITION)
                .where(and(
                        in(col("condition"), registers),
                        col("diagnosis_date").le(ref),
                        or(isNull(col("resolved_date")), col("resolved_date").gt(ref))))
                .aggregate(List.of("person_id", "condition"));
    }
}
