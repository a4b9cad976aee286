package org.openphm.analyses.performance;

import static org.openphm.engine.query.Expr.and;
import static org.openphm.engine.query.Expr.col;
import static org.openphm.engine.query.Expr.financialYear;
import static org.openphm.engine.query.Expr.lit;
import static org.openphm.engine.query.Expr.month;
import static org.openphm.engine.query.Measure.countIf;
import static org.openphm.engine.query.Measure.countRows;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.openphm.analyses.indicator.EventAttribution;
import org.openphm.engine.Engine;
import org.openphm.engine.Result;
import org.openphm.engine.query.Query;
import org.openphm.model.CanonicalSchema;
import org.openphm.model.FinancialYear;

/**
 * Children and young people's mental health (CAMHS) referrals, counted in the engine: MHSDS referrals of people
 * under 18 on the referral date, attributed to the Place of their GP registration that day, by provider, Place,
 * financial year and calendar month (months become quarters in Java). One scan serves DP 8.2 and 8.3.
 */
public final class CamhsReferrals {
    private CamhsReferrals() {}

    public static final String DATASET = "MHSDS";
    public static final long ADULT_AGE = 18;

    /** Referrals and accepted referrals in one cell. */
    public record Cell(
            String provider,
            String icb,
            String place,
            FinancialYear year,
            int quarter,
            long referrals,
            long accepted) {}

    public static List<Cell> count(Engine engine, List<FinancialYear> years) {
        Query referrals = Query.from(CanonicalSchema.REFERRAL)
                .where(and(
                        col("dataset").eq(DATASET),
                        col("referral_date").ge(lit(years.get(0).start())),
                        col("referral_date").le(lit(years.get(years.size() - 1).end()))))
                .select("referral_id", "person_id", "provider_code", "referral_date", "accepted");
        Result r = engine.execute(EventAttribution.at(referrals, "referral_id", "referral_date")
                .where(col("age").lt(lit(ADULT_AGE)))
                .derive("fy", financialYear(col("referral_date")))
                .derive("calendar_month", month(col("referral_date")))
                .aggregate(
                        List.of("provider_code", "icb_code", "place_code", "fy", "calendar_month"),
                        countRows("referrals"),
                        countIf("accepted_referrals", col("accepted"))));
        Set<String> wanted = years.stream().map(FinancialYear::label).collect(Collectors.toSet());
        List<Cell> cells = new ArrayList<>();
        for (int i = 0; i < r.size(); i++) {
            String fy = r.getString(i, "fy");
            if (wanted.contains(fy)) {
                cells.add(new Cell(
                        r.getString(i, "provider_code"),
                        r.getString(i, "icb_code"),
                        r.getString(i, "place_code"),
                        FinancialYear.parse(fy),
                        quarter(r.getLong(i, "calendar_month").intValue()),
                        r.getLong(i, "referrals"),
                        r.getLong(i, "accepted_referrals")));
            }
        }
        return cells;
    }

    /** Financial quarter: April-June is Q1, January-March Q4. */
    static int quarter(int calendarMonth) {
        return (calendarMonth + 8) % 12 / 3 + 1;
    }
}
