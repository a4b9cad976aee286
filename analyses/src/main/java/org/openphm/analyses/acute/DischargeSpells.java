package org.openphm.analyses.acute;

import static org.openphm.engine.query.Expr.*;

import java.util.List;
import org.openphm.engine.query.Expr;
import org.openphm.engine.query.Named;
import org.openphm.engine.query.Query;
import org.openphm.model.CanonicalSchema;
import org.openphm.model.FinancialYear;

/**
 * Adults' inpatient spells (every admission method) for the clinically-ready-for-discharge analyses (DP 8.13,
 * 11.6). These are counted by hospital site, not by where the patient is registered, so no registration is
 * needed: only the age at admission. Delay days = discharge date - clinically-ready date, for spells with both
 * (a spell whose ready date is missing contributes none: DP 8.13 notes "an unusual number of nulls").
 */
final class DischargeSpells {
    private DischargeSpells() {}

    /** Columns: fy, site, discharge_month (yyyy-mm), los, has_ready, delay_days (null when not recorded). */
    static Query adults(List<FinancialYear> years) {
        Query patient = Query.from(CanonicalSchema.PATIENT)
                .select(Named.as("person_id", col("person_id")), Named.as("birth_month", col("birth_month")));
        Expr ready = col("discharge_ready_date");
        Expr discharge = col("discharge_date");
        return Query.from(CanonicalSchema.SPELL)
                .where(and(AcuteSpells.inYears(years), isNotNull(discharge)))
                .select("person_id", "provider_site", "admission_date", "discharge_date", "discharge_ready_date")
                .join(patient, "person_id")
                .where(ageFromBirthMonth(col("birth_month"), col("admission_date"))
                        .ge(lit(18L)))
                .select(
                        Named.as("fy", financialYear(col("admission_date"))),
                        Named.as("site", coalesce(col("provider_site"), lit(Sites.NOT_RECORDED))),
                        Named.as(
                                "discharge_month",
                                new Substr(cast(discharge, org.openphm.engine.query.ValueType.STRING), 1, 7)),
                        Named.as("los", daysBetween(col("admission_date"), discharge)),
                        Named.as("has_ready", isNotNull(ready)),
                        Named.as(
                                "delay_days",
                                when(and(isNotNull(ready), ready.le(discharge)), daysBetween(ready, discharge))
                                        .end()));
    }
}
