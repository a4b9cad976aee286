package org.openphm.analyses.resources;

import static org.openphm.engine.query.Expr.and;
import static org.openphm.engine.query.Expr.col;
import static org.openphm.engine.query.Expr.isNull;
import static org.openphm.engine.query.Expr.lit;
import static org.openphm.engine.query.Expr.or;

import java.time.LocalDate;
import org.openphm.analyses.catalogue.AnalysisContext;
import org.openphm.engine.query.Query;
import org.openphm.model.CanonicalSchema;

/**
 * Staff in post on a census date (DP 12.3-12.6): started on or before it and not left by it. A successor who
 * starts the day the previous holder leaves is in post that day and the leaver is not, so a post is counted once.
 */
public final class StaffInPost {
    private StaffInPost() {}

    public static Query at(LocalDate census) {
        return Query.from(CanonicalSchema.WORKFORCE)
                .where(and(
                        col("start_date").le(lit(census)),
                        or(isNull(col("leave_date")), col("leave_date").gt(lit(census)))));
    }

    /** The census date of the workforce pages: the end of the latest financial year (DP 12.3: 31 March 2025). */
    public static LocalDate census(AnalysisContext context) {
        return context.latestYear().end();
    }
}
