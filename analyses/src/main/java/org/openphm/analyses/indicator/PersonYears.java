package org.openphm.analyses.indicator;

import static org.openphm.engine.query.Expr.*;
import static org.openphm.engine.query.Measure.countRows;
import static org.openphm.engine.query.Measure.sum;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.openphm.engine.query.Expr;
import org.openphm.engine.query.Expr.Case;
import org.openphm.engine.query.GroupKey;
import org.openphm.engine.query.Named;
import org.openphm.engine.query.Query;
import org.openphm.engine.query.SortKey;
import org.openphm.engine.query.ValueType;
import org.openphm.model.CanonicalSchema;
import org.openphm.model.FinancialYear;

/**
 * The registered population at the end (31 March) of each of several consecutive financial years, one row per
 * person-year: what {@link RegisteredPopulation#at} gives for one date, for every year in one query.
 *
 * <p>Asking "registered and alive on 31 March" of each year separately repeats the same joins and the "latest
 * registration" window once per year. Instead each dated fact becomes a range of year indexes (0 = the first
 * year) once — a registration covers the years from the first that ends after it starts to the last that ends
 * before it ends; life, the years ending before death — and people are spread into person-years only at the
 * end, after the joins. Age on each 31 March is the age on the first one plus the year index. Facts that change
 * from year to year (registers, readings) are gathered per person as one column per year before the spread
 * ({@link #ofYear}) and picked for the row's year after it, so the spread rows need no second join.
 */
public final class PersonYears {
    private PersonYears() {}

    /** The year-index column: 0 for the first year asked for. */
    public static final String YEAR = "year_index";

    /**
     * Columns: year_index, person_id, practice_code, pcn_code, neighbourhood_code, place_code, icb_code, sex,
     * ethnic_group, imd_quintile, imd_decile, age, age_band, then {@code perYear}.
     *
     * @param years     consecutive financial years, in order
     * @param perPerson queries of columns per person (keyed by person_id) left-joined before the spread
     * @param perYear   columns computed on each person-year, from {@link #YEAR} and {@code perPerson}'s columns
     */
    public static Query of(List<FinancialYear> years, List<Query> perPerson, Named... perYear) {
        return on(years, FinancialYear::end, perPerson, perYear);
    }

    /**
     * The same, counted on another day of each year than its 31 March: {@code day} gives it, the same day and month
     * every year (the mortality measures' mid-year population is counted on 30 September).
     */
    public static Query on(
            List<FinancialYear> years,
            Function<FinancialYear, LocalDate> day,
            List<Query> perPerson,
            Named... perYear) {
        List<Named> columns = new ArrayList<>(List.of(
                Named.as(YEAR, col(YEAR)),
                Named.as("person_id", col("person_id")),
                Named.as("practice_code", col("practice_code")),
                Named.as("pcn_code", col("pcn_code")),
                Named.as("neighbourhood_code", col("neighbourhood_code")),
                Named.as("place_code", col("place_code")),
                Named.as("icb_code", col("icb_code")),
                Named.as("sex", col("sex")),
                Named.as("ethnic_group", col("ethnic_group")),
                Named.as("imd_quintile", coalesce(col("lsoa_quintile"), lit(RegisteredPopulation.UNKNOWN_QUINTILE))),
                Named.as("imd_decile", coalesce(col("lsoa_decile"), lit(RegisteredPopulation.UNKNOWN_DECILE))),
                Named.as("age", col("first_age").plus(col(YEAR)))));
        columns.addAll(List.of(perYear));
        return spans(years, day, perPerson)
                .explode(YEAR, col(FIRST), col(LAST))
                .select(columns.toArray(Named[]::new))
                .derive("age_band", ageBand(col("age"), RegisteredPopulation.ESP_BAND_STARTS.toArray(Integer[]::new)));
    }

    /**
     * The registered population at the end (31 March) of each year, counted by columns that do not change from year
     * to year (any of practice_code, pcn_code, neighbourhood_code, place_code, icb_code, sex, ethnic_group): the
     * same counts as {@link #of} gives grouped by {@link #YEAR} and them, for less work. People whose years run
     * alike are counted together before the years are spread out, so a handful of rows is spread, not every person.
     * Columns: year_index, the keys, people.
     */
    public static Query counted(List<FinancialYear> years, List<String> keys) {
        List<String> spanKeys = new ArrayList<>(keys);
        spanKeys.addAll(List.of(FIRST, LAST));
        List<String> yearKeys = new ArrayList<>(List.of(YEAR));
        yearKeys.addAll(keys);
        return spans(years, FinancialYear::end, List.of())
                .where(col(FIRST).le(col(LAST)))
                .aggregate(spanKeys, countRows("people"))
                .explode(YEAR, col(FIRST), col(LAST))
                .aggregate(yearKeys, sum("people", col("people")));
    }

    /** The first and last year index a registration span counts in. */
    private static final String FIRST = "first_year", LAST = "last_year";

    /**
     * Each registration span that counts (the latest-starting one where several overlap) with its person, practice
     * areas and LSOA, and the first and last year index it counts in: from birth (age 0 on the day), while
     * registered and alive. People without a readable birth month have no age, and so no year to count in.
     */
    private static Query spans(
            List<FinancialYear> years, Function<FinancialYear, LocalDate> day, List<Query> perPerson) {
        requireConsecutive(years);
        List<LocalDate> days = years.stream().map(day).toList();
        requireOneYearApart(days);
        Query ranges = Query.from(CanonicalSchema.REGISTRATION)
                .select(
                        Named.as("person_id", col("person_id")),
                        Named.as("practice_code", col("practice_code")),
                        Named.as("start_date", col("start_date")),
                        Named.as("from_year", firstOnOrAfter(col("start_date"), days)),
                        // registered on the day up to and including the end date: the years whose day comes before
                        // the day after it (an open registration runs to the last year)
                        Named.as(
                                "to_year",
                                firstOnOrAfter(addDays(col("end_date"), lit(1L)), days)
                                        .minus(lit(1L))));
        Query people = Query.from(CanonicalSchema.PATIENT)
                .select(
                        Named.as("person_id", col("person_id")),
                        Named.as("sex", col("sex")),
                        Named.as("ethnic_group", ethnicGroup(col("ethnicity"))),
                        Named.as("lsoa_code", col("lsoa")),
                        Named.as("first_age", ageFromBirthMonth(col("birth_month"), lit(days.get(0)))),
                        // alive on the day strictly before the death date
                        Named.as(
                                "alive_to_year",
                                firstOnOrAfter(col("death_date"), days).minus(lit(1L))));
        Query practice = Query.from(CanonicalSchema.PRACTICE)
                .select("practice_code", "pcn_code", "neighbourhood_code", "place_code", "icb_code");
        Query lsoa = Query.from(CanonicalSchema.LSOA)
                .select(
                        Named.as("lsoa_code", col("lsoa_code")),
                        Named.as("lsoa_quintile", cast(col("imd_quintile"), ValueType.STRING)),
                        Named.as("lsoa_decile", cast(col("imd_decile"), ValueType.STRING)));
        Query joined = latestRegistrationWins(ranges)
                .join(people, "person_id")
                .join(practice, "practice_code")
                .leftJoin(lsoa, "lsoa_code");
        for (Query facts : perPerson) {
            joined = joined.leftJoin(facts, "person_id");
        }
        return joined.where(isNotNull(col("first_age")))
                .derive(
                        Named.as(FIRST, greatest(col("from_year"), lit(0L).minus(col("first_age")))),
                        Named.as(LAST, least(col("to_year"), col("alive_to_year"))));
    }

    /**
     * Overlapping registrations happen in real extracts (a transfer recorded before the old one ends): on each
     * 31 March the most recent start wins, so nobody is counted twice. Only people with more than one
     * registration can overlap, so only their registrations are spread into years and ranked; everyone else's
     * range passes through whole.
     */
    private static Query latestRegistrationWins(Query ranges) {
        Query counted = ranges.join(
                Query.from(CanonicalSchema.REGISTRATION).aggregate(List.of("person_id"), countRows("registrations")),
                "person_id");
        Query single = counted.where(col("registrations").eq(lit(1L)))
                .select("person_id", "practice_code", "from_year", "to_year");
        Query several = counted.where(col("registrations").gt(lit(1L)))
                .explode("year", col("from_year"), col("to_year"))
                .rowNumber(
                        "registration_rank",
                        List.of("person_id", "year"),
                        SortKey.desc("start_date"),
                        SortKey.asc("practice_code"))
                .where(col("registration_rank").eq(lit(1L)))
                .select(
                        Named.as("person_id", col("person_id")),
                        Named.as("practice_code", col("practice_code")),
                        Named.as("from_year", col("year")),
                        Named.as("to_year", col("year")));
        return single.unionAll(several);
    }

    /**
     * The index of the first of the years ending on or after the date: the first year whose 31 March count
     * includes something that starts on it. The number of years when none does, or when the date is NULL.
     */
    public static Expr firstEndingOnOrAfter(Expr date, List<FinancialYear> years) {
        return firstOnOrAfter(date, years.stream().map(FinancialYear::end).toList());
    }

    /** The index of the first of the days (in order) on or after the date; the number of days if none is. */
    private static Expr firstOnOrAfter(Expr date, List<LocalDate> days) {
        Case.Builder index = null;
        for (int i = 0; i < days.size(); i++) {
            Expr onOrAfter = date.le(lit(days.get(i)));
            index = index == null ? when(onOrAfter, lit((long) i)) : index.when(onOrAfter, lit((long) i));
        }
        return index.otherwise(lit((long) days.size()));
    }

    /** Group keys led by {@link #YEAR}, for counts of several years in one query. */
    public static List<GroupKey> keysByYear(List<GroupKey> keys) {
        List<GroupKey> byYear = new ArrayList<>();
        byYear.add(GroupKey.of(YEAR));
        byYear.addAll(keys);
        return byYear;
    }

    /** Grouping sets, each within the year ({@link #YEAR} added to every set). */
    public static List<List<String>> setsByYear(List<List<String>> sets) {
        List<List<String>> byYear = new ArrayList<>();
        for (List<String> set : sets) {
            List<String> withYear = new ArrayList<>();
            withYear.add(YEAR);
            withYear.addAll(set);
            byYear.add(withYear);
        }
        return byYear;
    }

    /** On a person-year row: the value for the row's year, {@code value.apply(i)} for year index i. */
    public static Expr ofYear(int years, IntFunction<Expr> value) {
        Case.Builder pick = null;
        for (int i = 0; i < years; i++) {
            Expr isYear = col(YEAR).eq(lit((long) i));
            pick = pick == null ? when(isYear, value.apply(i)) : pick.when(isYear, value.apply(i));
        }
        return pick.end();
    }

    /** The years split where one does not follow the last: ages and indexes assume consecutive 31 Marches. */
    public static List<List<FinancialYear>> consecutiveRuns(List<FinancialYear> years) {
        List<List<FinancialYear>> runs = new ArrayList<>();
        List<FinancialYear> run = new ArrayList<>();
        for (FinancialYear y : new TreeSet<>(years)) {
            if (!run.isEmpty() && run.get(run.size() - 1).startYear() + 1 != y.startYear()) {
                runs.add(run);
                run = new ArrayList<>();
            }
            run.add(y);
        }
        if (!run.isEmpty()) {
            runs.add(run);
        }
        return runs;
    }

    private static void requireConsecutive(List<FinancialYear> years) {
        List<List<FinancialYear>> runs = consecutiveRuns(years);
        if (runs.size() != 1 || !years.equals(runs.get(0))) {
            throw new IllegalArgumentException("consecutive financial years in order are needed, not " + years);
        }
    }

    /** Age on each day is the age on the first plus the year index only if the days are a calendar year apart. */
    private static void requireOneYearApart(List<LocalDate> days) {
        for (int i = 1; i < days.size(); i++) {
            if (!days.get(i).equals(days.get(i - 1).plusYears(1))) {
                throw new IllegalArgumentException("days a calendar year apart are needed, not " + days);
            }
        }
    }

    private static Expr greatest(Expr a, Expr b) {
        return when(b.gt(a), b).otherwise(a);
    }

    private static Expr least(Expr a, Expr b) {
        return when(b.lt(a), b).otherwise(a);
    }
}
