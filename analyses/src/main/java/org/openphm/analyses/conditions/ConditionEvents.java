package org.openphm.analyses.conditions;

import static org.openphm.engine.query.Expr.*;

import java.util.List;
import org.openphm.analyses.indicator.EventAttribution;
import org.openphm.engine.query.Expr;
import org.openphm.engine.query.Named;
import org.openphm.engine.query.Query;
import org.openphm.engine.query.ValueType;
import org.openphm.model.CanonicalSchema;
import org.openphm.model.FinancialYear;

/**
 * The events of a financial year behind the event rates of DP 3.8 and DP 4.3 — hospital spells and Mental Health
 * Act detentions — as one relation, attributed to the practice of registration on the day (so both are counted
 * in one scan): event_id, person_id, event_date, kind, admission_method, primary_diagnosis,
 * secondary_diagnoses, then
 * {@link EventAttribution#ADDED}.
 */
final class ConditionEvents {
    private ConditionEvents() {}

    static final String SPELL = "spell";
    static final String DETENTION = "detention";

    static Query of(FinancialYear year) {
        return of(List.of(year));
    }

    /** The events of the years (from the first's start to the last's end). */
    static Query of(List<FinancialYear> years) {
        return attributed()
                .where(and(
                        col("event_date").ge(lit(years.get(0).start())),
                        col("event_date").le(lit(years.get(years.size() - 1).end()))));
    }

    /**
     * Every spell and detention, attributed: a shared result the years filter, so the attribution (a join
     * with a window per event, independent of other events) runs once rather than once a year.
     */
    private static Query attributed() {
        Query spells = Query.from(CanonicalSchema.SPELL)
                .select(
                        Named.as("event_id", concat(lit("s|"), col("spell_id"))),
                        Named.as("person_id", col("person_id")),
                        Named.as("event_date", col("admission_date")),
                        Named.as("kind", lit(SPELL)),
                        Named.as("admission_method", col("admission_method")),
                        Named.as("primary_diagnosis", col("primary_diagnosis")),
                        Named.as("secondary_diagnoses", col("secondary_diagnoses")));
        // A detention's key is person, start and section (DATA_MODEL): its id is made from them.
        Query detentions = Query.from(CanonicalSchema.DETENTION)
                .select(
                        Named.as(
                                "event_id",
                                concat(
                                        lit("d|"),
                                        col("person_id"),
                                        lit("|"),
                                        cast(col("start_date"), ValueType.STRING),
                                        lit("|"),
                                        col("section"))),
                        Named.as("person_id", col("person_id")),
                        Named.as("event_date", col("start_date")),
                        Named.as("kind", lit(DETENTION)),
                        Named.as("admission_method", nullOf(ValueType.STRING)),
                        Named.as("primary_diagnosis", nullOf(ValueType.STRING)),
                        Named.as("secondary_diagnoses", nullOf(ValueType.STRING)));
        return EventAttribution.at(spells.unionAll(detentions), "event_id", "event_date")
                .shared("condition_events_attributed");
    }

    // ---- which events each rate counts ---------------------------------------------------------------

    /**
     * Admissions for mental health conditions: primary diagnosis in ICD-10 chapter V (F00-F99), any admission
     * method — the definition of the Fingertips indicator the data pack quotes (DP 3.8).
     */
    static Expr mentalHealthAdmission() {
        return and(col("kind").eq(SPELL), col("primary_diagnosis").startsWith("F"));
    }

    static Expr emergencyAdmission() {
        return and(col("kind").eq(SPELL), col("admission_method").eq("emergency"));
    }

    /**
     * Emergency admissions for intentional self-harm, as Fingertips counts them (DP 3.2, 3.6): an emergency
     * admission with a primary diagnosis of injury or poisoning (ICD-10 S00-T98) and an intentional self-harm
     * external cause (X60-X84) among the secondary diagnoses.
     */
    static Expr selfHarmAdmission() {
        Expr codes = concat(lit(";"), coalesce(col("secondary_diagnoses"), lit("")));
        Expr external = or(
                codes.like("%;X6%"),
                codes.like("%;X7%"),
                codes.like("%;X80%"),
                codes.like("%;X81%"),
                codes.like("%;X82%"),
                codes.like("%;X83%"),
                codes.like("%;X84%"));
        Expr injury = or(
                col("primary_diagnosis").startsWith("S"),
                col("primary_diagnosis").startsWith("T"));
        return and(emergencyAdmission(), injury, external);
    }

    static Expr detention() {
        return col("kind").eq(DETENTION);
    }
}
