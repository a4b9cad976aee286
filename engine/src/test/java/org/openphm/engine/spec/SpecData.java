package org.openphm.engine.spec;

import static java.time.LocalDate.parse;
import static org.openphm.model.ColumnType.*;

import java.util.List;
import org.openphm.model.CanonicalSchema;

/**
 * The specification suite's input: a few canonical tables and some ad-hoc ones, small enough to derive
 * every answer by hand. Loaded once per engine, so a Spark session serves every case.
 */
public final class SpecData {
    private SpecData() {}

    /** Ad-hoc values for the arithmetic, text and NULL cases. */
    static final SpecTable VALUES = SpecTable.adHoc("spec_values")
            .col("id", BIGINT)
            .col("i", INTEGER)
            .col("j", INTEGER)
            .col("d", DOUBLE)
            .col("s", STRING)
            .col("b", BOOLEAN)
            .row(1L, 7, 2, 2.5, "abc", true)
            .row(2L, -7, 2, -2.5, "I21", false)
            .row(3L, 3, 0, 3.7, null, null)
            .row(4L, null, 4, 0.125, "12", true)
            .row(5L, 10, 3, -3.7, "O'Brien \\ x", false)
            .build();

    /** Dates around the boundaries the dialects disagree on (month ends, leap days, financial years). */
    static final SpecTable DATES = SpecTable.adHoc("spec_dates")
            .col("id", BIGINT)
            .col("d", DATE)
            .col("e", DATE)
            .col("n", INTEGER)
            .col("birth_month", MONTH)
            .row(1L, parse("2024-03-31"), parse("2024-04-01"), 1, "1950-03")
            .row(2L, parse("2024-04-01"), parse("2024-03-31"), -1, "1950-04")
            .row(3L, parse("2024-02-28"), parse("2024-03-01"), 2, "2000-02")
            .row(4L, parse("2023-02-28"), parse("2023-03-01"), 365, "2024-13")
            .row(5L, parse("2000-01-01"), parse("1999-12-31"), -366, null)
            .row(6L, null, parse("2024-11-24"), null, "1999-12")
            .row(7L, parse("2024-11-25"), null, 0, "2024-03")
            .build();

    /** Ages and ethnic codes for the classification cases. */
    static final SpecTable PEOPLE = SpecTable.adHoc("spec_people")
            .col("id", BIGINT)
            .col("age", INTEGER)
            .col("ethnicity", STRING)
            .row(1L, 0, "A")
            .row(2L, 4, "H")
            .row(3L, 5, "R")
            .row(4L, 89, "Z")
            .row(5L, 90, "")
            .row(6L, 104, null)
            .row(7L, -1, "M")
            .row(8L, null, "S")
            .row(9L, 17, "D")
            .row(10L, 18, "C")
            .row(11L, 64, "P")
            .row(12L, 65, "X")
            .build();

    /** Identifiers that are reserved words or would be string literals if double-quoted in Spark (trap 12). */
    static final SpecTable AWKWARD = SpecTable.adHoc("spec_awkward")
            .col("place", STRING)
            .col("order", INTEGER)
            .col("group", STRING)
            .row("Luton", 2, "b")
            .row("Bedford", 1, "a")
            .build();

    /** A table with no rows, for aggregates over nothing. */
    static final SpecTable EMPTY =
            SpecTable.adHoc("spec_empty").col("k", STRING).col("x", INTEGER).build();

    static final SpecTable PATIENT = SpecTable.canonical(
                    CanonicalSchema.PATIENT, "person_id", "sex", "birth_month", "ethnicity", "lsoa", "death_date")
            .row("p1", "F", "1950-03", "A", "E01000001", null)
            .row("p2", "M", "1950-04", "H", "E01000001", null)
            .row("p3", "F", "2000-12", null, "E01000002", parse("2024-06-01"))
            .row("p4", "M", "1990-01", "Z", "E01000002", null)
            .row("p5", "F", "2020-07", "M", "E01000003", null)
            .row("p6", "M", "1934-05", "A", "E01000003", null)
            .build();

    static final SpecTable PRACTICE = SpecTable.canonical(CanonicalSchema.PRACTICE, "practice_code", "place_code")
            .row("K81001", "E06000055")
            .row("K81002", "E06000055")
            .row("E81001", "E06000032")
            .build();

    static final SpecTable REGISTRATION = SpecTable.canonical(
                    CanonicalSchema.REGISTRATION, "person_id", "practice_code", "start_date", "end_date")
            .row("p1", "K81001", parse("2010-01-01"), null)
            .row("p2", "K81002", parse("2015-06-01"), null)
            .row("p3", "E81001", parse("2020-01-01"), parse("2024-06-01"))
            .row("p4", "E81001", parse("2024-04-01"), null)
            .row("p5", "Z99999", parse("2021-01-01"), null)
            .row("p6", "K81001", parse("2000-01-01"), parse("2019-12-31"))
            .row("p6", "E81001", parse("2020-01-01"), null)
            .build();

    static final SpecTable CONDITION = SpecTable.canonical(
                    CanonicalSchema.CONDITION, "person_id", "condition", "diagnosis_date", "resolved_date")
            .row("p1", "HYP", parse("2015-05-05"), null)
            .row("p2", "HYP", parse("2025-01-01"), null)
            .row("p4", "HYP", parse("2019-01-01"), parse("2023-01-01"))
            .row("p6", "HYP", parse("2001-01-01"), null)
            .row("p6", "DM", parse("2005-01-01"), null)
            .build();

    static final SpecTable SPELL = SpecTable.canonical(
                    CanonicalSchema.SPELL,
                    "spell_id",
                    "person_id",
                    "admission_method",
                    "admission_date",
                    "discharge_date",
                    "cost_gbp",
                    "primary_diagnosis")
            .row("s1", "p1", "emergency", parse("2024-03-31"), parse("2024-04-03"), 1000.0, "I21")
            .row("s2", "p1", "elective", parse("2024-04-01"), parse("2024-04-01"), 250.5, "K40")
            .row("s3", "p2", "emergency", parse("2024-04-02"), parse("2024-04-12"), 3000.0, "J44")
            .row("s4", "p6", "emergency", parse("2025-03-31"), null, 500.0, "I50")
            .row("s5", "p6", "emergency", parse("2024-10-10"), parse("2024-10-11"), 750.0, "J18")
            .row("s6", "p3", "other", parse("2023-05-05"), parse("2023-05-06"), 0.0, "O80")
            .build();

    public static final List<SpecTable> ALL =
            List.of(VALUES, DATES, PEOPLE, AWKWARD, EMPTY, PATIENT, PRACTICE, REGISTRATION, CONDITION, SPELL);
}
