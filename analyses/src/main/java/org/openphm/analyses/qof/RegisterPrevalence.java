package org.openphm.analyses.qof;

import static org.openphm.engine.query.Expr.*;
import static org.openphm.engine.query.Measure.bitOr;
import static org.openphm.engine.query.Measure.countIf;
import static org.openphm.engine.query.Measure.countRows;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.openphm.analyses.indicator.AgeBandCounts;
import org.openphm.analyses.indicator.CellKey;
import org.openphm.analyses.indicator.CellRollup;
import org.openphm.analyses.indicator.RegisteredPopulation;
import org.openphm.engine.Engine;
import org.openphm.engine.Result;
import org.openphm.engine.query.Expr;
import org.openphm.engine.query.Expr.Case;
import org.openphm.engine.query.GroupKey;
import org.openphm.engine.query.Measure;
import org.openphm.engine.query.Named;
import org.openphm.engine.query.Query;
import org.openphm.engine.query.SortKey;
import org.openphm.engine.query.ValueType;
import org.openphm.model.CanonicalSchema;
import org.openphm.model.FinancialYear;

/**
 * Counts of QOF register prevalence (DP 5.2–5.19, DP 3.3, 3.4): for each financial year, people on each register
 * at its end (31 March, as QOF counts) over the registered population of the register's age base, for every
 * area level and breakdown, by ESP2013 age band.
 *
 * <p>One engine query counts every year at once. Asking "registered, alive and on the register on 31 March" of
 * each year separately repeats the same joins and the "latest registration" window once per year. Instead each
 * dated fact becomes a range of year indexes (0 = the first year) once — a registration covers the years from
 * the first that ends after it starts to the last that ends before it ends; a register entry, from diagnosis to
 * resolution; life, to death — and a person is spread into person-years only at the end, after the joins. The
 * registers a person is on become one whole number per year with a bit per register, so the person-years carry
 * one column instead of forty. Age on each 31 March is the age on the first one plus the year index.
 */
public final class RegisterPrevalence {
    private RegisterPrevalence() {}

    /** The year-index column of the counts: 0 for the first year asked for. */
    static final String YEAR = "year_index";

    /** The most registers one bit set can hold: a signed whole number has 63 usable bits. */
    static final int MAX_REGISTERS = 63;

    /**
     * The single grouped query over consecutive years: numerator and denominator columns per register, at the
     * two fine grains of {@link CellRollup} within each year.
     */
    public static Query query(List<FinancialYear> years, List<QofRegister> registers) {
        requireConsecutive(years);
        if (registers.size() > MAX_REGISTERS) {
            throw new IllegalArgumentException(
                    registers.size() + " registers: at most " + MAX_REGISTERS + " fit one query's bit set");
        }
        long lastYear = years.size() - 1;

        Query ranges = Query.from(CanonicalSchema.REGISTRATION)
                .select(
                        Named.as("person_id", col("person_id")),
                        Named.as("practice_code", col("practice_code")),
                        Named.as("start_date", col("start_date")),
                        Named.as("from_year", firstEndingOnOrAfter(col("start_date"), years)),
                        // registered on a 31 March up to and including the end date: the years ending before the
                        // day after it (an open registration runs to the last year)
                        Named.as(
                                "to_year",
                                firstEndingOnOrAfter(addDays(col("end_date"), lit(1L)), years)
                                        .minus(lit(1L))));
        Query registered = latestRegistrationWins(ranges);

        Query people = Query.from(CanonicalSchema.PATIENT)
                .select(
                        Named.as("person_id", col("person_id")),
                        Named.as("sex", col("sex")),
                        Named.as("ethnic_group", ethnicGroup(col("ethnicity"))),
                        Named.as("lsoa_code", col("lsoa")),
                        Named.as(
                                "first_age",
                                ageFromBirthMonth(
                                        col("birth_month"), lit(years.get(0).end()))),
                        // alive on a 31 March strictly before the death date
                        Named.as(
                                "alive_to_year",
                                firstEndingOnOrAfter(col("death_date"), years).minus(lit(1L))));

        Query onRegisters = Query.from(CanonicalSchema.CONDITION)
                .where(in(
                        col("condition"),
                        registers.stream().map(QofRegister::id).toList()))
                .select(
                        Named.as("person_id", col("person_id")),
                        Named.as("register_bit", registerBit(registers)),
                        Named.as("from_year", firstEndingOnOrAfter(col("diagnosis_date"), years)),
                        // on the register on a 31 March strictly before the resolution date
                        Named.as(
                                "to_year",
                                firstEndingOnOrAfter(col("resolved_date"), years)
                                        .minus(lit(1L))));
        List<Measure> yearSets = new ArrayList<>();
        for (long y = 0; y <= lastYear; y++) {
            yearSets.add(bitOr(registersIn(y), col("register_bit"))
                    .where(and(col("from_year").le(lit(y)), col("to_year").ge(lit(y)))));
        }
        Query registerSets = onRegisters.aggregate(List.of("person_id"), yearSets.toArray(Measure[]::new));

        Query practice = Query.from(CanonicalSchema.PRACTICE).select("practice_code", "neighbourhood_code");
        Query lsoa = Query.from(CanonicalSchema.LSOA)
                .select(
                        Named.as("lsoa_code", col("lsoa_code")),
                        Named.as("lsoa_quintile", cast(col("imd_quintile"), ValueType.STRING)));

        Case.Builder registersThatYear = null;
        for (long y = 0; y <= lastYear; y++) {
            Expr set = coalesce(col(registersIn(y)), lit(0L));
            registersThatYear = registersThatYear == null
                    ? when(col(YEAR).eq(lit(y)), set)
                    : registersThatYear.when(col(YEAR).eq(lit(y)), set);
        }
        Query personYears = registered
                .join(people, "person_id")
                .join(practice, "practice_code")
                .leftJoin(lsoa, "lsoa_code")
                .leftJoin(registerSets, "person_id")
                // an unreadable birth month has no age, and so no year it could count in
                .where(isNotNull(col("first_age")))
                // a year counts from birth (age 0 on its 31 March), while registered and alive
                .explode(
                        YEAR,
                        greatest(col("from_year"), lit(0L).minus(col("first_age"))),
                        least(col("to_year"), col("alive_to_year")))
                .select(
                        Named.as(YEAR, col(YEAR)),
                        Named.as("practice_code", col("practice_code")),
                        Named.as("neighbourhood_code", col("neighbourhood_code")),
                        Named.as("sex", col("sex")),
                        Named.as("ethnic_group", col("ethnic_group")),
                        Named.as(
                                "imd_quintile",
                                coalesce(col("lsoa_quintile"), lit(RegisteredPopulation.UNKNOWN_QUINTILE))),
                        Named.as("age", col("first_age").plus(col(YEAR))),
                        Named.as("registers", registersThatYear.otherwise(lit(0L))))
                .derive("age_band", ageBand(col("age"), RegisteredPopulation.ESP_BAND_STARTS.toArray(Integer[]::new)));

        List<Measure> measures = new ArrayList<>();
        for (int i = 0; i < registers.size(); i++) {
            QofRegister r = registers.get(i);
            measures.add(countIf(numerator(r), and(col("age").ge(lit(r.minAge())), bitSet(col("registers"), i))));
        }
        // one denominator per age base, not per register: most registers share a base
        for (int minAge : ageBases(registers)) {
            measures.add(
                    minAge == 0
                            ? countRows(ageBase(minAge))
                            : countIf(ageBase(minAge), col("age").ge(lit(minAge))));
        }
        List<GroupKey> keys = new ArrayList<>();
        keys.add(GroupKey.of(YEAR));
        keys.addAll(CellRollup.keys());
        List<List<String>> sets = new ArrayList<>();
        for (List<String> set : CellRollup.sets()) {
            List<String> withYear = new ArrayList<>();
            withYear.add(YEAR);
            withYear.addAll(set);
            sets.add(withYear);
        }
        return personYears.aggregate(keys, sets, measures.toArray(Measure[]::new));
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
    static Expr firstEndingOnOrAfter(Expr date, List<FinancialYear> years) {
        Case.Builder index = null;
        for (int i = 0; i < years.size(); i++) {
            Expr endsOnOrAfter = date.le(lit(years.get(i).end()));
            index = index == null ? when(endsOnOrAfter, lit((long) i)) : index.when(endsOnOrAfter, lit((long) i));
        }
        return index.otherwise(lit((long) years.size()));
    }

    /** The register's bit: 2 to the power of its position in the list. */
    private static Expr registerBit(List<QofRegister> registers) {
        Case.Builder bit = null;
        for (int i = 0; i < registers.size(); i++) {
            Expr is = col("condition").eq(registers.get(i).id());
            bit = bit == null ? when(is, lit(1L << i)) : bit.when(is, lit(1L << i));
        }
        return bit.end();
    }

    private static Expr greatest(Expr... values) {
        Expr max = values[0];
        for (int i = 1; i < values.length; i++) {
            max = when(values[i].gt(max), values[i]).otherwise(max);
        }
        return max;
    }

    private static Expr least(Expr... values) {
        Expr min = values[0];
        for (int i = 1; i < values.length; i++) {
            min = when(values[i].lt(min), values[i]).otherwise(min);
        }
        return min;
    }

    /**
     * Runs one query per run of consecutive years and files every row into its indicator cells at every area
     * level and breakdown.
     */
    public static Map<CellKey, AgeBandCounts> count(
            Engine engine, List<FinancialYear> years, List<QofRegister> registers, CellRollup rollup) {
        Map<CellKey, AgeBandCounts> cells = new HashMap<>();
        for (List<FinancialYear> run : consecutiveRuns(years)) {
            Result result = engine.execute(query(run, registers));
            int year = result.columnIndex(YEAR);
            List<Integer> keyIndex =
                    CellRollup.FINE_KEYS.stream().map(result::columnIndex).toList();
            int[] num = registers.stream()
                    .mapToInt(r -> result.columnIndex(numerator(r)))
                    .toArray();
            int[] den = registers.stream()
                    .mapToInt(r -> result.columnIndex(ageBase(r.minAge())))
                    .toArray();
            List<CellRollup.Batch> batches = new ArrayList<>();
            List<String> ids = registers.stream().map(QofRegister::indicatorId).toList();
            for (FinancialYear y : run) {
                batches.add(rollup.batch(ids, y.label()));
            }
            for (List<Object> row : result.rows()) {
                CellRollup.Batch batch = batches.get(((Long) row.get(year)).intValue());
                List<Object> keys = keyIndex.stream().map(row::get).toList();
                for (int i = 0; i < registers.size(); i++) {
                    long d = (Long) row.get(den[i]);
                    if (d > 0) {
                        batch.add(keys, i, (Long) row.get(num[i]), d);
                    }
                }
            }
            batches.forEach(b -> b.fileInto(cells));
        }
        return cells;
    }

    /** The years split where one does not follow the last: ages and indexes assume consecutive 31 Marches. */
    static List<List<FinancialYear>> consecutiveRuns(List<FinancialYear> years) {
        List<FinancialYear> sorted = new ArrayList<>(new TreeSet<>(years));
        List<List<FinancialYear>> runs = new ArrayList<>();
        List<FinancialYear> run = new ArrayList<>();
        for (FinancialYear y : sorted) {
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
        if (years.isEmpty()
                || consecutiveRuns(years).size() != 1
                || !years.equals(consecutiveRuns(years).get(0))) {
            throw new IllegalArgumentException("consecutive financial years in order are needed, not " + years);
        }
    }

    private static TreeSet<Integer> ageBases(List<QofRegister> registers) {
        TreeSet<Integer> bases = new TreeSet<>();
        registers.forEach(r -> bases.add(r.minAge()));
        return bases;
    }

    static String registersIn(long yearIndex) {
        return "registers_" + yearIndex;
    }

    static String numerator(QofRegister r) {
        return "n_" + r.id().toLowerCase();
    }

    static String ageBase(int minAge) {
        return "d_" + minAge + "_plus";
    }
}
