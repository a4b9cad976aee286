package org.openphm.analyses.acute;

import static org.openphm.engine.query.Expr.*;
import static org.openphm.engine.query.Measure.countIf;
import static org.openphm.engine.query.Measure.countRows;
import static org.openphm.engine.query.Measure.sum;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openphm.analyses.catalogue.AnalysisContext;
import org.openphm.engine.Result;
import org.openphm.engine.query.Expr;
import org.openphm.engine.query.GroupKey;
import org.openphm.engine.query.Query;
import org.openphm.model.FinancialYear;
import org.openphm.model.Totals;

/**
 * One grouped scan of the year's emergency spells giving every figure of DP 8.4-8.11: ACSC admissions, all
 * emergency admissions (the share's denominator), admissions with no procedure, cost and bed days, for the ICB
 * and each Place, all ages / adults / children, in total, by ACSC group and by condition, for every year.
 */
public final class AcscCounts {

    /** Label of a grouping-set total (never a real code, group or condition). */
    static final String ALL = "*";

    /**
     * One cell. {@code group} and {@code condition} are {@link #ALL} for the total over them; the emergency
     * count is only meaningful there (in a group's row it counts that group's spells).
     */
    public record Cell(
            String year,
            String areaCode,
            String cohort,
            String group,
            String condition,
            long emergency,
            long acsc,
            long noProcedure,
            double cost,
            long bedDays,
            long discharged) {

        public boolean total() {
            return ALL.equals(group) && ALL.equals(condition);
        }

        /** Year, area and cohort: the cells a share or a rank is taken within. */
        public String cohortKey() {
            return year + "|" + areaCode + "|" + cohort;
        }
    }

    private final List<Cell> cells;

    private AcscCounts(List<Cell> cells) {
        this.cells = cells;
    }

    public static AcscCounts compute(AnalysisContext context, AcscClassification acsc) {
        return new AcscCounts(read(context.engine().execute(query(context.years(), acsc))));
    }

    static Query query(List<FinancialYear> years, AcscClassification acsc) {
        Expr isAcsc = isNotNull(col("acsc_group"));
        List<List<String>> sets = new ArrayList<>();
        for (boolean byPlace : new boolean[] {false, true}) {
            for (boolean byCohort : new boolean[] {false, true}) {
                for (List<String> detail :
                        List.of(List.<String>of(), List.of("acsc_group"), List.of("acsc_group", "acsc_condition"))) {
                    List<String> set = new ArrayList<>(List.of("fy", "icb_code"));
                    if (byPlace) {
                        set.add("place_code");
                    }
                    if (byCohort) {
                        set.add("cohort");
                    }
                    set.addAll(detail);
                    sets.add(set);
                }
            }
        }
        return AcuteSpells.emergency(years, acsc)
                .aggregate(
                        List.of(
                                GroupKey.of("fy"),
                                GroupKey.of("icb_code"),
                                GroupKey.of("place_code").totalAs(ALL),
                                GroupKey.of("cohort").totalAs(Totals.ALL_AGES),
                                GroupKey.of("acsc_group").totalAs(ALL),
                                GroupKey.of("acsc_condition").totalAs(ALL)),
                        sets,
                        countRows("emergency"),
                        countIf("acsc", isAcsc),
                        countIf("no_procedure", and(isAcsc, isNull(col("primary_procedure")))),
                        sum("cost", col("cost_gbp")).where(isAcsc),
                        sum("bed_days", col("los")).where(isAcsc),
                        countIf("discharged", and(isAcsc, isNotNull(col("los")))));
    }

    private static List<Cell> read(Result r) {
        List<Cell> cells = new ArrayList<>();
        for (int i = 0; i < r.size(); i++) {
            String group = r.getString(i, "acsc_group");
            if (group == null) {
                continue; // the emergency spells that are not ACSC, grouped by group: not needed
            }
            String place = r.getString(i, "place_code");
            Double cost = r.getDouble(i, "cost");
            Long bedDays = r.getLong(i, "bed_days");
            cells.add(new Cell(
                    r.getString(i, "fy"),
                    ALL.equals(place) ? r.getString(i, "icb_code") : place,
                    r.getString(i, "cohort"),
                    group,
                    r.getString(i, "acsc_condition"),
                    r.getLong(i, "emergency"),
                    r.getLong(i, "acsc"),
                    r.getLong(i, "no_procedure"),
                    cost == null ? 0 : cost,
                    bedDays == null ? 0 : bedDays,
                    r.getLong(i, "discharged")));
        }
        return cells;
    }

    public List<Cell> cells() {
        return cells;
    }

    /** Totals over groups and conditions. */
    public List<Cell> totals() {
        return cells.stream().filter(Cell::total).toList();
    }

    /** Rows for each group (condition total). */
    public List<Cell> byGroup() {
        return cells.stream()
                .filter(c -> !ALL.equals(c.group()) && ALL.equals(c.condition()))
                .toList();
    }

    /** Rows for each condition. */
    public List<Cell> byCondition() {
        return cells.stream().filter(c -> !ALL.equals(c.condition())).toList();
    }

    /** The same cell a year earlier, if counted. */
    public Optional<Cell> previous(Cell c) {
        String before = FinancialYear.parse(c.year()).previous().label();
        return cells.stream()
                .filter(x -> x.year().equals(before)
                        && x.areaCode().equals(c.areaCode())
                        && x.cohort().equals(c.cohort())
                        && x.group().equals(c.group())
                        && x.condition().equals(c.condition()))
                .findFirst();
    }
}
