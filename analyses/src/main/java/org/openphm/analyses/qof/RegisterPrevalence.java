package org.openphm.analyses.qof;

import static org.openphm.engine.query.Expr.*;
import static org.openphm.engine.query.Measure.countIf;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openphm.analyses.indicator.AgeBandCounts;
import org.openphm.analyses.indicator.CellKey;
import org.openphm.analyses.indicator.CellRollup;
import org.openphm.analyses.indicator.RegisteredPopulation;
import org.openphm.engine.Engine;
import org.openphm.engine.Result;
import org.openphm.engine.query.Measure;
import org.openphm.engine.query.Query;
import org.openphm.model.CanonicalSchema;
import org.openphm.model.FinancialYear;

/**
 * Counts of QOF register prevalence (DP 5.2–5.19, DP 3.3, 3.4): for a financial year, people on each register
 * at its end (31 March, as QOF counts) over the registered population of the register's age base, for every
 * area level and breakdown, by ESP2013 age band. One engine query per year covers every register, area and
 * breakdown: the registers become per-person flags, and grouping sets give all the cuts from one scan.
 */
public final class RegisterPrevalence {
    private RegisterPrevalence() {}

    /** People on each register on the date: one row per person, a 0/1-like count column per register. */
    static Query registerFlags(LocalDate date, List<QofRegister> registers) {
        Lit ref = lit(date);
        List<Measure> flags = new ArrayList<>();
        for (QofRegister r : registers) {
            flags.add(countIf(flag(r), col("condition").eq(r.id())));
        }
        return Query.from(CanonicalSchema.CONDITION)
                .where(and(
                        in(
                                col("condition"),
                                registers.stream().map(QofRegister::id).toList()),
                        col("diagnosis_date").le(ref),
                        or(isNull(col("resolved_date")), col("resolved_date").gt(ref))))
                .aggregate(List.of("person_id"), flags.toArray(Measure[]::new));
    }

    /** The single grouped query of a year: numerator and denominator columns per register, at the fine grain. */
    public static Query query(FinancialYear year, List<QofRegister> registers) {
        LocalDate ref = year.end();
        List<Measure> measures = new ArrayList<>();
        for (QofRegister r : registers) {
            var inAgeBase = col("age").ge(lit(r.minAge()));
            measures.add(countIf(
                    numerator(r), and(inAgeBase, coalesce(col(flag(r)), lit(0L)).gt(lit(0L)))));
            measures.add(countIf(denominator(r), inAgeBase));
        }
        return RegisteredPopulation.at(ref)
                .leftJoin(registerFlags(ref, registers), "person_id")
                .aggregate(CellRollup.keys(), CellRollup.sets(), measures.toArray(Measure[]::new));
    }

    /** Runs the year's query and files every row into its indicator cells at every area level and breakdown. */
    public static Map<CellKey, AgeBandCounts> count(
            Engine engine, FinancialYear year, List<QofRegister> registers, CellRollup rollup) {
        Result result = engine.execute(query(year, registers));
        Map<CellKey, AgeBandCounts> cells = new HashMap<>();
        List<Integer> keyIndex =
                CellRollup.FINE_KEYS.stream().map(result::columnIndex).toList();
        int[] num = registers.stream()
                .mapToInt(r -> result.columnIndex(numerator(r)))
                .toArray();
        int[] den = registers.stream()
                .mapToInt(r -> result.columnIndex(denominator(r)))
                .toArray();
        CellRollup.Batch batch =
                rollup.batch(registers.stream().map(QofRegister::indicatorId).toList(), year.label());
        for (List<Object> row : result.rows()) {
            List<Object> keys = keyIndex.stream().map(row::get).toList();
            for (int i = 0; i < registers.size(); i++) {
                long d = (Long) row.get(den[i]);
                if (d > 0) {
                    batch.add(keys, i, (Long) row.get(num[i]), d);
                }
            }
        }
        batch.fileInto(cells);
        return cells;
    }

    static String flag(QofRegister r) {
        return "on_" + r.id().toLowerCase();
    }

    static String numerator(QofRegister r) {
        return "n_" + r.id().toLowerCase();
    }

    static String denominator(QofRegister r) {
        return "d_" + r.id().toLowerCase();
    }
}
