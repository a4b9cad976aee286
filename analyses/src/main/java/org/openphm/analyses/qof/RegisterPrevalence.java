package org.openphm.analyses.qof;

import static org.openphm.engine.query.Expr.*;
import static org.openphm.engine.query.Measure.countIf;
import static org.openphm.engine.query.Measure.countRows;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openphm.analyses.indicator.AgeBandCounts;
import org.openphm.analyses.indicator.AreaType;
import org.openphm.analyses.indicator.Breakdown;
import org.openphm.analyses.indicator.BreakdownGrouping;
import org.openphm.analyses.indicator.CellKey;
import org.openphm.analyses.indicator.FinancialYear;
import org.openphm.analyses.population.RegisteredPopulation;
import org.openphm.engine.Engine;
import org.openphm.engine.Result;
import org.openphm.engine.query.Measure;
import org.openphm.engine.query.Query;
import org.openphm.model.CanonicalSchema;

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
                .where(and(in(col("condition"), registers.stream().map(QofRegister::id).toList()),
                        col("diagnosis_date").le(ref),
                        or(isNull(col("resolved_date")), col("resolved_date").gt(ref))))
                .aggregate(List.of("person_id"), flags.toArray(Measure[]::new));
    }

    /** The single grouped query of a year: numerator and denominator columns per register. */
    public static Query query(FinancialYear year, List<QofRegister> registers, List<AreaType> levels,
                              List<Breakdown> breakdowns) {
        LocalDate ref = year.end();
        List<Measure> measures = new ArrayList<>();
        for (QofRegister r : registers) {
            var inAgeBase = col("age").ge(lit(r.minAge()));
            measures.add(countIf(numerator(r), and(inAgeBase, coalesce(col(flag(r)), lit(0L)).gt(lit(0L)))));
            measures.add(countIf(denominator(r), inAgeBase));
        }
        measures.add(countRows("all_persons"));
        return RegisteredPopulation.at(ref)
                .leftJoin(registerFlags(ref, registers), "person_id")
                .aggregate(BreakdownGrouping.keys(levels, breakdowns), BreakdownGrouping.sets(levels, breakdowns),
                        measures.toArray(Measure[]::new));
    }

    /** Runs the year's query and files every row into its indicator cell. */
    public static Map<CellKey, AgeBandCounts> count(Engine engine, FinancialYear year, List<QofRegister> registers,
                                                    List<AreaType> levels, List<Breakdown> breakdowns) {
        Result result = engine.execute(query(year, registers, levels, breakdowns));
        Map<CellKey, AgeBandCounts> cells = new LinkedHashMap<>();
        for (int i = 0; i < result.size(); i++) {
            final int row = i;
            BreakdownGrouping.Position p = BreakdownGrouping.position(c -> result.get(row, c), levels, breakdowns);
            if (p.ageBand() == null) {
                continue;
            }
            int band = AgeBandCounts.bandOf(p.ageBand());
            for (QofRegister r : registers) {
                double den = result.getLong(row, denominator(r));
                if (den == 0) {
                    continue;
                }
                double num = result.getLong(row, numerator(r));
                // The age-band breakdown is the headline set read band by band.
                file(cells, new CellKey(r.indicatorId(), p.areaCode(), p.level(), year.label(), p.breakdown(),
                        p.category()), band, num, den);
                if (p.breakdown() == Breakdown.NONE && breakdowns.contains(Breakdown.AGE_BAND)) {
                    file(cells, new CellKey(r.indicatorId(), p.areaCode(), p.level(), year.label(),
                            Breakdown.AGE_BAND, p.ageBand()), band, num, den);
                }
            }
        }
        return cells;
    }

    private static void file(Map<CellKey, AgeBandCounts> cells, CellKey key, int band, double num, double den) {
        cells.computeIfAbsent(key, k -> new AgeBandCounts()).add(band, num, den);
    }

    static String flag(QofRegister r) { return "on_" + r.id().toLowerCase(); }

    static String numerator(QofRegister r) { return "n_" + r.id().toLowerCase(); }

    static String denominator(QofRegister r) { return "d_" + r.id().toLowerCase(); }
}
