package org.openphm.analyses.acute;

import static org.openphm.engine.query.Expr.*;

import java.util.List;
import org.openphm.analyses.indicator.EventAttribution;
import org.openphm.engine.query.Expr;
import org.openphm.engine.query.Named;
import org.openphm.engine.query.Query;
import org.openphm.model.CanonicalSchema;
import org.openphm.model.FinancialYear;

/**
 * The spells every acute-flow analysis starts from. Decisions shared by all of them:
 * <ul>
 * <li>a spell belongs to the financial year of its admission (a stay still open at the year's end is in
 *     the year it began; its length of stay is unknown until discharge);</li>
 * <li>"adults" are 18 or over at admission, "children" under 18;</li>
 * <li>length of stay is discharge date minus admission date in days (a same-day stay is 0); bed days are the
 *     sum of stays of discharged spells.</li>
 * </ul>
 */
public final class AcuteSpells {
    private AcuteSpells() {}

    public static final String ADULTS = "Adults";
    public static final String CHILDREN = "Children";

    /**
     * Emergency spells admitted in the years, attributed to the area of the person's registration on the day
     * of admission (DP 8.5-8.9 count "admissions by adults from" a Place), with fy, cohort, los, and the CCG OIS
     * 2.6 acsc_condition and acsc_group (NULL when not an ACSC admission).
     */
    public static Query emergency(List<FinancialYear> years, AcscClassification acsc) {
        return attributedEmergency(acsc).where(inYears(years));
    }

    /**
     * Every emergency spell, attributed and classified: a shared result, so the rates of each year and the
     * DP 8 analyses read one attribution (a spell's attribution depends on that spell alone, so filtering
     * to the years afterwards gives the rows filtering first would).
     */
    private static Query attributedEmergency(AcscClassification acsc) {
        Query spells = Query.from(CanonicalSchema.SPELL)
                .where(col("admission_method").eq("emergency"))
                .select(
                        "spell_id",
                        "person_id",
                        "provider_site",
                        "admission_date",
                        "discharge_date",
                        "primary_diagnosis",
                        "secondary_diagnoses",
                        "primary_procedure",
                        "treatment_function",
                        "cost_gbp");
        return EventAttribution.at(spells, "spell_id", "admission_date")
                .derive(
                        Named.as("fy", financialYear(col("admission_date"))),
                        Named.as("cohort", cohort(col("age"))),
                        Named.as("los", daysBetween(col("admission_date"), col("discharge_date"))),
                        Named.as("acsc_condition", acsc.condition()))
                .derive("acsc_group", acsc.group(col("acsc_condition")))
                .shared("emergency_spells_attributed");
    }

    /** Admission between the first year's start and the last year's end. */
    static Expr inYears(List<FinancialYear> years) {
        return and(
                col("admission_date").ge(lit(years.get(0).start())),
                col("admission_date").le(lit(years.get(years.size() - 1).end())));
    }

    static Expr cohort(Expr age) {
        return when(age.lt(lit(18L)), lit(CHILDREN)).otherwise(lit(ADULTS));
    }
}
