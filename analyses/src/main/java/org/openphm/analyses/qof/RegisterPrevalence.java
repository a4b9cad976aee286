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
import org.openphm.analyses.indicator.PersonYears;
import org.openphm.engine.Engine;
import org.openphm.engine.Result;
import org.openphm.engine.query.Measure;
import org.openphm.engine.query.Named;
import org.openphm.engine.query.Query;
import org.openphm.model.CanonicalSchema;
import org.openphm.model.FinancialYear;

/**
 * Counts of QOF register prevalence (DP 5.2–5.19, DP 3.3, 3.4): for each financial year, people on each register
 * at its end (31 March, as QOF counts) over the registered population of the register's age base, for every
 * area level and breakdown, by ESP2013 age band.
 *
 * <p>One engine query counts every year at once over {@link PersonYears}. A register entry becomes a range of year
 * indexes (from diagnosis to resolution), and the registers a person is on each year one whole number with a bit
 * per register, gathered per person before people are spread into years: the person-years carry one column
 * instead of forty and need no second join.
 */
public final class RegisterPrevalence {
    private RegisterPrevalence() {}

    /** The most registers one bit set can hold: a signed whole number has 63 usable bits. */
    static final int MAX_REGISTERS = 63;

    /**
     * The single grouped query over consecutive years: numerator and denominator columns per register, at the
     * two fine grains of {@link CellRollup} within each year.
     */
    public static Query query(List<FinancialYear> years, List<QofRegister> registers) {
        if (registers.size() > MAX_REGISTERS) {
            throw new IllegalArgumentException(
                    registers.size() + " registers: at most " + MAX_REGISTERS + " fit one query's bit set");
        }
        Query onRegisters = Query.from(CanonicalSchema.CONDITION)
                .where(in(
                        col("condition"),
                        registers.stream().map(QofRegister::id).toList()))
                .select(
                        Named.as("person_id", col("person_id")),
                        Named.as(
                                "register_bit",
                                bitOf(
                                        col("condition"),
                                        registers.stream().map(QofRegister::id).toList())),
                        Named.as("from_year", PersonYears.firstEndingOnOrAfter(col("diagnosis_date"), years)),
                        // on the register on a 31 March strictly before the resolution date
                        Named.as(
                                "to_year",
                                PersonYears.firstEndingOnOrAfter(col("resolved_date"), years)
                                        .minus(lit(1L))));
        List<Measure> yearSets = new ArrayList<>();
        for (long y = 0; y < years.size(); y++) {
            yearSets.add(bitOr(registersIn(y), col("register_bit"))
                    .where(and(col("from_year").le(lit(y)), col("to_year").ge(lit(y)))));
        }
        Query registerSets = onRegisters.aggregate(List.of("person_id"), yearSets.toArray(Measure[]::new));
        Query personYears = PersonYears.of(
                years,
                List.of(registerSets),
                Named.as("registers", coalesce(PersonYears.ofYear(years.size(), y -> col(registersIn(y))), lit(0L))));

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
        return personYears.aggregate(
                PersonYears.keysByYear(CellRollup.keys()),
                PersonYears.setsByYear(CellRollup.sets()),
                measures.toArray(Measure[]::new));
    }

    /**
     * Runs one query per run of consecutive years and files every row into its indicator cells at every area
     * level and breakdown.
     */
    public static Map<CellKey, AgeBandCounts> count(
            Engine engine, List<FinancialYear> years, List<QofRegister> registers, CellRollup rollup) {
        Map<CellKey, AgeBandCounts> cells = new HashMap<>();
        List<String> ids = registers.stream().map(QofRegister::indicatorId).toList();
        for (List<FinancialYear> run : PersonYears.consecutiveRuns(years)) {
            Result result = engine.execute(query(run, registers));
            int[] num = registers.stream()
                    .mapToInt(r -> result.columnIndex(numerator(r)))
                    .toArray();
            int[] den = registers.stream()
                    .mapToInt(r -> result.columnIndex(ageBase(r.minAge())))
                    .toArray();
            rollup.fileByYear(result, PersonYears.YEAR, run, ids, num, den, cells);
        }
        return cells;
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
