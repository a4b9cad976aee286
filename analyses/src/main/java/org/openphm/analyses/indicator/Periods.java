package org.openphm.analyses.indicator;

import static org.openphm.engine.query.Measure.max;
import static org.openphm.engine.query.Measure.min;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.openphm.engine.Engine;
import org.openphm.engine.Result;
import org.openphm.engine.query.Expr;
import org.openphm.engine.query.Query;
import org.openphm.model.CanonicalSchema;
import org.openphm.model.FinancialYear;

/** Which financial years a workspace supports: complete years only, at most the last seven (2019/20 on in BLMK). */
public final class Periods {
    private Periods() {}

    public static final int MAX_YEARS = 7;

    public static List<FinancialYear> of(Engine engine) {
        Result r = engine.execute(Query.from(CanonicalSchema.REGISTRATION)
                .aggregate(
                        List.of(),
                        min("first_start", Expr.col("start_date")),
                        max("last_start", Expr.col("start_date"))));
        Result c = engine.execute(Query.from(CanonicalSchema.CONDITION)
                .aggregate(List.of(), max("last_diagnosis", Expr.col("diagnosis_date"))));
        LocalDate first = r.getDate(0, "first_start");
        LocalDate last = latest(r.getDate(0, "last_start"), c.getDate(0, "last_diagnosis"));
        if (first == null || last == null) {
            throw new IllegalStateException("the workspace has no registrations: ingest data before building");
        }
        FinancialYear latest = FinancialYear.containing(last);
        if (latest.end().isAfter(last)) {
            latest = latest.previous(); // the year in progress is incomplete
        }
        FinancialYear earliest = FinancialYear.containing(first);
        List<FinancialYear> years = new ArrayList<>();
        for (FinancialYear y = latest; years.size() < MAX_YEARS && y.compareTo(earliest) >= 0; y = y.previous()) {
            years.add(0, y);
        }
        return years;
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
