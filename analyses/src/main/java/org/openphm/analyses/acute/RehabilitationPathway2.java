package org.openphm.analyses.acute;

import static org.openphm.analyses.catalogue.AnalysisTable.Column.count;
import static org.openphm.analyses.catalogue.AnalysisTable.Column.number;
import static org.openphm.analyses.catalogue.AnalysisTable.Column.text;
import static org.openphm.engine.query.Expr.*;
import static org.openphm.engine.query.Measure.countRows;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.openphm.analyses.catalogue.Analysis;
import org.openphm.analyses.catalogue.AnalysisContext;
import org.openphm.analyses.catalogue.AnalysisInfo;
import org.openphm.analyses.catalogue.AnalysisTable;
import org.openphm.analyses.output.Percentages;
import org.openphm.engine.Result;
import org.openphm.engine.query.Named;
import org.openphm.engine.query.Query;
import org.openphm.model.CanonicalSchema;
import org.openphm.model.results.ChartSpec;
import org.openphm.model.results.Precision;

/**
 * DP 8.16: bed-based rehabilitation (discharge pathway 2). Stays in a rehabilitation unit are spells with
 * treatment function 314 (rehabilitation) admitted by transfer (admission method "other"); for each unit and
 * month: discharges, mean stay, occupied bed days and mean occupied beds, and emergency readmissions within 28
 * days of leaving the unit; and the last twelve months together, as the data pack reports them.
 */
public final class RehabilitationPathway2 implements Analysis {

    public static final String ID = "dp-8.16-rehabilitation-pathway-2";
    static final String TREATMENT_FUNCTION = "314";
    static final int READMISSION_DAYS = 28;

    record Stay(String unit, LocalDate admitted, LocalDate discharged, boolean readmitted) {}

    @Override
    public AnalysisInfo info() {
        return new AnalysisInfo(
                ID,
                "DP 8.16",
                "Rehabilitation pathway 2: bed-based intermediate care",
                "Stays in bed-based rehabilitation units (spells with treatment function 314, admitted by transfer): "
                        + "discharges, mean length of stay, mean occupied beds and emergency readmissions within "
                        + READMISSION_DAYS + " days of leaving, by unit and month of discharge, and over the last 12 "
                        + "months.",
                "Stay = discharge date - admission date (days). Occupied bed days of a month = the days of the "
                        + "month each stay covers (admission day counted, discharge day not; a stay still open at "
                        + "the end of the data runs to it); mean occupied beds = bed days / days in the month. A "
                        + "readmission is an emergency spell of the same person starting 1-" + READMISSION_DAYS
                        + " days after a discharge alive from the unit.",
                "spell (treatment_function, admission_method, provider_site, dates, discharge_destination)",
                List.of(
                        "Units are identified by site code; a unit's bed capacity is not in the data, so "
                                + "occupancy is given as occupied beds, not a percentage.",
                        "Readmissions to hospitals outside the extract are not seen."),
                List.of(
                        ChartSpec.ofTable(
                                "trend",
                                "Discharges from pathway 2 beds by month",
                                "By unit",
                                "by-month",
                                Map.of(),
                                Map.of("x", "month", "y", "discharges", "series", "unit"),
                                ""),
                        ChartSpec.ofTable(
                                "trend",
                                "Mean length of stay in pathway 2 beds by month",
                                "By unit",
                                "by-month",
                                Map.of(),
                                Map.of("x", "month", "y", "mean_stay_days", "series", "unit"),
                                "days")));
    }

    @Override
    public List<AnalysisTable> compute(AnalysisContext context) {
        LocalDate from = context.years().get(0).start();
        LocalDate to = context.latestYear().end();
        return tables(read(context.engine().execute(query(from, to))), from, to);
    }

    /** Unit stays overlapping the period, each with whether an emergency readmission followed within 28 days. */
    static Query query(LocalDate from, LocalDate to) {
        Query stays = Query.from(CanonicalSchema.SPELL)
                .where(and(
                        col("treatment_function").eq(TREATMENT_FUNCTION),
                        col("admission_method").eq("other"),
                        col("admission_date").le(lit(to)),
                        or(isNull(col("discharge_date")), col("discharge_date").ge(lit(from)))))
                .select(
                        Named.as("stay_id", col("spell_id")),
                        Named.as("person_id", col("person_id")),
                        Named.as("unit", coalesce(col("provider_site"), lit(Sites.NOT_RECORDED))),
                        Named.as("admitted", col("admission_date")),
                        Named.as("discharged", col("discharge_date")),
                        Named.as("died", coalesce(col("discharge_destination").eq("79"), lit(false))));
        Query emergencies = Query.from(CanonicalSchema.SPELL)
                .where(col("admission_method").eq("emergency"))
                .select(Named.as("person_id", col("person_id")), Named.as("readmitted_on", col("admission_date")));
        Query readmissions = stays.where(and(isNotNull(col("discharged")), not(col("died"))))
                .join(emergencies, "person_id")
                .where(and(
                        col("readmitted_on").gt(col("discharged")),
                        daysBetween(col("discharged"), col("readmitted_on")).le(lit((long) READMISSION_DAYS))))
                .aggregate(List.of("stay_id"), countRows("readmissions"));
        return stays.leftJoin(readmissions, "stay_id")
                .select(
                        Named.as("unit", col("unit")),
                        Named.as("admitted", col("admitted")),
                        Named.as("discharged", col("discharged")),
                        Named.as("readmitted", isNotNull(col("readmissions"))));
    }

    static List<Stay> read(Result r) {
        List<Stay> stays = new ArrayList<>();
        for (int i = 0; i < r.size(); i++) {
            stays.add(new Stay(
                    r.getString(i, "unit"),
                    r.getDate(i, "admitted"),
                    r.getDate(i, "discharged"),
                    Boolean.TRUE.equals(r.get(i, "readmitted"))));
        }
        return stays;
    }

    static List<AnalysisTable> tables(List<Stay> stays, LocalDate from, LocalDate to) {
        // unit -> month -> {discharges, stay days of discharges, readmissions, bed days}
        Map<String, Map<YearMonth, long[]>> cells = new TreeMap<>();
        for (Stay s : stays) {
            Map<YearMonth, long[]> months = cells.computeIfAbsent(s.unit(), u -> new TreeMap<>());
            for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
                months.computeIfAbsent(m, k -> new long[4]);
            }
            if (s.discharged() != null
                    && !s.discharged().isBefore(from)
                    && !s.discharged().isAfter(to)) {
                long[] c = months.get(YearMonth.from(s.discharged()));
                c[0]++;
                c[1] += ChronoUnit.DAYS.between(s.admitted(), s.discharged());
                c[2] += s.readmitted() ? 1 : 0;
            }
            LocalDate end = s.discharged() == null ? to.plusDays(1) : s.discharged();
            for (LocalDate d = s.admitted().isBefore(from) ? from : s.admitted();
                    d.isBefore(end) && !d.isAfter(to);
                    d = d.plusDays(1)) {
                months.get(YearMonth.from(d))[3]++;
            }
        }
        List<List<Object>> byMonth = new ArrayList<>();
        List<List<Object>> summary = new ArrayList<>();
        YearMonth last = YearMonth.from(to);
        cells.forEach((unit, months) -> {
            long[] year = new long[4];
            long yearDays = 0;
            for (Map.Entry<YearMonth, long[]> e : months.entrySet()) {
                long[] c = e.getValue();
                int days = e.getKey().lengthOfMonth();
                byMonth.add(Arrays.asList(
                        unit, e.getKey().toString(), c[0], mean(c[1], c[0]), c[2], c[3], c[3] / (double) days));
                if (e.getKey().isAfter(last.minusMonths(12))) {
                    for (int k = 0; k < 4; k++) {
                        year[k] += c[k];
                    }
                    yearDays += days;
                }
            }
            summary.add(Arrays.asList(
                    unit,
                    last.minusMonths(11) + " to " + last,
                    year[0],
                    mean(year[1], year[0]),
                    year[2],
                    Percentages.share(year[2], year[0]),
                    year[3] / (double) yearDays));
        });
        return List.of(
                new AnalysisTable(
                        "by-month",
                        "Pathway 2 unit activity by month of discharge",
                        List.of(
                                text("unit", "Unit (site code)"),
                                text("month", "Month, yyyy-mm"),
                                count("discharges", "Stays ending in the month"),
                                number("mean_stay_days", "Mean length of stay of those stays, days")
                                        .rounded(Precision.TWO_PLACES),
                                count("readmissions_28d", "Of them, emergency readmissions within 28 days"),
                                number("bed_days", "Occupied bed days in the month"),
                                number("mean_occupied_beds", "Bed days / days in the month")
                                        .rounded(Precision.TWO_PLACES)),
                        byMonth),
                new AnalysisTable(
                        "last-12-months",
                        "Pathway 2 unit activity over the last 12 months",
                        List.of(
                                text("unit", "Unit (site code)"),
                                text("period", "Months"),
                                count("discharges", "Stays ending in the period"),
                                number("mean_stay_days", "Mean length of stay, days")
                                        .rounded(Precision.TWO_PLACES),
                                count("readmissions_28d", "Emergency readmissions within 28 days of discharge"),
                                AnalysisTable.Column.derived(
                                        "readmission_pct",
                                        "Readmissions as a percentage of discharges",
                                        new AnalysisTable.Ratio("readmissions_28d", "discharges", 100)),
                                number("mean_occupied_beds", "Mean occupied beds")
                                        .rounded(Precision.TWO_PLACES)),
                        summary));
    }

    private static Double mean(long total, long n) {
        return n == 0 ? null : total / (double) n;
    }
}
