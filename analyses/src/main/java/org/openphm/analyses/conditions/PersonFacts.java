package org.openphm.analyses.conditions;

import static org.openphm.engine.query.Expr.*;
import static org.openphm.engine.query.Measure.countIf;
import static org.openphm.engine.query.Measure.max;
import static org.openphm.engine.query.Measure.min;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.openphm.analyses.indicator.PersonYears;
import org.openphm.analyses.indicator.RegisteredPopulation;
import org.openphm.engine.query.Expr;
import org.openphm.engine.query.Measure;
import org.openphm.engine.query.Named;
import org.openphm.engine.query.Query;
import org.openphm.engine.query.SortKey;
import org.openphm.model.CanonicalSchema;
import org.openphm.model.FinancialYear;

/**
 * The registered population at a financial year's end with the per-person facts the person-based indicators
 * of DP 3.5, 3.9 and 4.3 read: first depression diagnosis, current autism, ADHD and hypertension registers, and
 * the last blood pressure of the preceding 12 months. One row per person, so one grouped scan counts them all.
 */
final class PersonFacts {
    private PersonFacts() {}

    /** RegisteredPopulation's columns plus first_dep, on_aut, on_adhd, on_hyp, bp_sys, bp_dia (NULL = none). */
    static Query at(FinancialYear year) {
        LocalDate ref = year.end();
        return RegisteredPopulation.at(ref)
                .leftJoin(registers(ref), "person_id")
                .leftJoin(lastBloodPressure(ref), "person_id");
    }

    /**
     * The same facts for each of several consecutive years at once, one row per person-year ({@link PersonYears}):
     * registers and readings are gathered per person as one column per year, each by the rule above for that
     * year's 31 March, and the row takes its year's.
     */
    static Query overYears(List<FinancialYear> years) {
        int n = years.size();
        Query entries = Query.from(CanonicalSchema.CONDITION)
                .where(in(col("condition"), "DEP", "AUT", "ADHD", "HYP"))
                .select(
                        Named.as("person_id", col("person_id")),
                        Named.as("condition", col("condition")),
                        Named.as("diagnosis_date", col("diagnosis_date")),
                        Named.as("from_year", PersonYears.firstEndingOnOrAfter(col("diagnosis_date"), years)),
                        Named.as(
                                "to_year",
                                PersonYears.firstEndingOnOrAfter(col("resolved_date"), years)
                                        .minus(lit(1L))));
        List<Measure> registers = new ArrayList<>();
        // the first depression ever recorded; a year sees it once it is on or before that year's end
        registers.add(min("first_dep_ever", col("diagnosis_date"))
                .where(col("condition").eq("DEP")));
        for (String register : List.of("AUT", "ADHD", "HYP")) {
            for (long y = 0; y < n; y++) {
                registers.add(countIf(
                        registerColumn(register, y),
                        and(
                                col("condition").eq(register),
                                col("from_year").le(lit(y)),
                                col("to_year").ge(lit(y)))));
            }
        }
        Query registerFacts = entries.aggregate(List.of("person_id"), registers.toArray(Measure[]::new));

        // a pair in the 12 months to 31 March of year y is one dated after 31 March of the year before, so its
        // year is the first ending on or after it
        Query pairs = Query.from(CanonicalSchema.OBSERVATION)
                .where(and(
                        in(col("code"), "BP_SYS", "BP_DIA"),
                        col("date").gt(lit(years.get(0).end().minusMonths(12))),
                        col("date").le(lit(years.get(n - 1).end()))))
                .aggregate(
                        List.of("person_id", "date"),
                        max("bp_sys", col("value")).where(col("code").eq("BP_SYS")),
                        max("bp_dia", col("value")).where(col("code").eq("BP_DIA")))
                .where(and(isNotNull(col("bp_sys")), isNotNull(col("bp_dia"))))
                .derive("reading_year", PersonYears.firstEndingOnOrAfter(col("date"), years))
                .rowNumber("bp_rank", List.of("person_id", "reading_year"), SortKey.desc("date"))
                .where(col("bp_rank").eq(1));
        List<Measure> readings = new ArrayList<>();
        for (long y = 0; y < n; y++) {
            readings.add(
                    max("bp_sys_" + y, col("bp_sys")).where(col("reading_year").eq(lit(y))));
            readings.add(
                    max("bp_dia_" + y, col("bp_dia")).where(col("reading_year").eq(lit(y))));
        }
        Query readingFacts = pairs.aggregate(List.of("person_id"), readings.toArray(Measure[]::new));

        return PersonYears.of(
                years,
                List.of(registerFacts, readingFacts),
                Named.as(
                        "first_dep",
                        PersonYears.ofYear(
                                n,
                                y -> when(
                                                col("first_dep_ever")
                                                        .le(lit(years.get(y).end())),
                                                col("first_dep_ever"))
                                        .end())),
                Named.as("on_aut", PersonYears.ofYear(n, y -> col(registerColumn("AUT", y)))),
                Named.as("on_adhd", PersonYears.ofYear(n, y -> col(registerColumn("ADHD", y)))),
                Named.as("on_hyp", PersonYears.ofYear(n, y -> col(registerColumn("HYP", y)))),
                Named.as("bp_sys", PersonYears.ofYear(n, y -> col("bp_sys_" + y))),
                Named.as("bp_dia", PersonYears.ofYear(n, y -> col("bp_dia_" + y))));
    }

    private static String registerColumn(String register, long year) {
        return "on_" + register.toLowerCase() + "_" + year;
    }

    static Query registers(LocalDate ref) {
        Lit date = lit(ref);
        Expr current = or(isNull(col("resolved_date")), col("resolved_date").gt(date));
        return Query.from(CanonicalSchema.CONDITION)
                .where(and(
                        in(col("condition"), "DEP", "AUT", "ADHD", "HYP"),
                        col("diagnosis_date").le(date)))
                .aggregate(
                        List.of("person_id"),
                        // "first diagnosis" is the first ever recorded, resolved or not (DP 3.5)
                        min("first_dep", col("diagnosis_date"))
                                .where(col("condition").eq("DEP")),
                        countIf("on_aut", and(col("condition").eq("AUT"), current)),
                        countIf("on_adhd", and(col("condition").eq("ADHD"), current)),
                        countIf("on_hyp", and(col("condition").eq("HYP"), current)));
    }

    /**
     * The most recent day in the 12 months to {@code ref} with both a systolic and a diastolic reading: QOF
     * HYP008/HYP009 judge "the last blood pressure reading (measured in the preceding 12 months)", a pair taken
     * together, so a lone systolic value on a later day does not replace the pair.
     */
    static Query lastBloodPressure(LocalDate ref) {
        Query readings = Query.from(CanonicalSchema.OBSERVATION)
                .where(and(
                        in(col("code"), "BP_SYS", "BP_DIA"),
                        col("date").gt(lit(ref.minusMonths(12))),
                        col("date").le(lit(ref))))
                .aggregate(
                        List.of("person_id", "date"),
                        max("bp_sys", col("value")).where(col("code").eq("BP_SYS")),
                        max("bp_dia", col("value")).where(col("code").eq("BP_DIA")));
        return readings.where(and(isNotNull(col("bp_sys")), isNotNull(col("bp_dia"))))
                .rowNumber("bp_rank", List.of("person_id"), SortKey.desc("date"))
                .where(col("bp_rank").eq(1))
                .select(
                        Named.as("person_id", col("person_id")),
                        Named.as("bp_sys", col("bp_sys")),
                        Named.as("bp_dia", col("bp_dia")));
    }

    // ---- conditions over the rows of at(year) ----------------------------------------------------------

    static Expr adult() {
        return col("age").ge(lit(18L));
    }

    static Expr child() {
        return col("age").lt(lit(18L));
    }

    static Expr firstDepressionIn(FinancialYear year) {
        return and(col("first_dep").ge(lit(year.start())), col("first_dep").le(lit(year.end())));
    }

    static Expr onRegister(String flag) {
        return coalesce(col(flag), lit(0L)).gt(lit(0L));
    }

    static Expr bloodPressureMeasured() {
        return and(onRegister("on_hyp"), isNotNull(col("bp_sys")));
    }

    /** To target: ≤ 140/90 mmHg under 80, ≤ 150/90 mmHg from 80 (QOF HYP008/HYP009, DP 4.3). */
    static Expr bloodPressureControlled() {
        Expr systolicTarget = when(col("age").ge(lit(80L)), lit(150.0)).otherwise(lit(140.0));
        return and(
                bloodPressureMeasured(),
                col("bp_sys").le(systolicTarget),
                col("bp_dia").le(lit(90.0)));
    }
}
