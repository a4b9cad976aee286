package org.openphm.analyses.quality;

import static org.openphm.analyses.catalogue.AnalysisTable.Column.bool;
import static org.openphm.analyses.catalogue.AnalysisTable.Column.integer;
import static org.openphm.analyses.catalogue.AnalysisTable.Column.number;
import static org.openphm.analyses.catalogue.AnalysisTable.Column.text;
import static org.openphm.engine.query.Expr.and;
import static org.openphm.engine.query.Expr.col;
import static org.openphm.engine.query.Expr.lit;
import static org.openphm.engine.query.Expr.month;
import static org.openphm.engine.query.Expr.year;
import static org.openphm.engine.query.Measure.countIf;
import static org.openphm.engine.query.Measure.countRows;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.openphm.analyses.catalogue.Analysis;
import org.openphm.analyses.catalogue.AnalysisContext;
import org.openphm.analyses.catalogue.AnalysisInfo;
import org.openphm.analyses.catalogue.AnalysisTable;
import org.openphm.analyses.output.Percentages;
import org.openphm.engine.Result;
import org.openphm.engine.query.Expr;
import org.openphm.engine.query.Measure;
import org.openphm.engine.query.Query;
import org.openphm.engine.query.SortKey;
import org.openphm.model.CanonicalSchema;
import org.openphm.model.FinancialYear;
import org.openphm.model.Table;
import org.openphm.model.results.ChartSpec;
import org.openphm.model.results.Precision;

/**
 * DP 9.1-9.2: completeness and validity of the patient-level datasets by dataset, provider, field and month; a
 * score per provider and its trend; volume steps that betray under-reporting; months a provider submitted
 * nothing. The problems are found from the data, not listed in advance: a field missing for most of a
 * provider's rows, a level shift confirmed by SPC, a hole in a provider's months.
 */
public final class DataQuality implements Analysis {

    public static final String ID = "dp-9-data-quality";
    /** A provider's field missing or invalid for at least this share of its rows is a finding. */
    static final double FINDING_PCT = 50.0;
    /** ...provided the provider has this many rows: a share of three rows says nothing. */
    static final long FINDING_MIN_ROWS = 20;
    /** A month with no records is a finding only for a provider submitting at least this many a month. */
    static final double GAP_MIN_MONTHLY_RECORDS = 10;

    /** A patient-level dataset: the table, the label of its dataset, and the provider and date it is judged by. */
    record Dataset(Table table, Expr label, String providerColumn, String dateColumn) {}

    static final List<Dataset> DATASETS = List.of(
            new Dataset(CanonicalSchema.REFERRAL, col("dataset"), "provider_code", "referral_date"),
            new Dataset(CanonicalSchema.SPELL, lit("SUS APC"), "provider_code", "admission_date"));

    /** One provider-month of one dataset, with the rows failing each of its checks (in check order). */
    record Cell(Dataset dataset, String label, String provider, YearMonth month, long records, long[] failing) {}

    @Override
    public AnalysisInfo info() {
        return new AnalysisInfo(
                ID,
                "DP 9.1",
                "Data quality: completeness, validity, volumes and submission gaps (DP 9)",
                "For community and mental health referrals (CSDS, MHSDS) and inpatient spells (SUS APC): the share "
                        + "of records failing each completeness or validity check by provider and month; a score "
                        + "per provider and year; monthly volumes (records, and the count metrics of the "
                        + "performance feed such as care contacts) tested for a step change; months with no records "
                        + "between a provider's first and last.",
                "Completeness: field empty. Validity: dates out of order (see the checks table). Score = 100 x the "
                        + "mean over checks of the share of records passing. Step change: best two-segment split of "
                        + "the monthly series, flagged when the levels differ by 30% or more and the Making Data "
                        + "Count XmR chart (all months, shift rule 7 points) shows special cause on the low side. "
                        + "Findings: any provider check failing for " + (int) FINDING_PCT + "% or more of at least "
                        + FINDING_MIN_ROWS + " records; referrals with no team type; flagged steps; gaps in providers "
                        + "averaging " + (int) GAP_MIN_MONTHLY_RECORDS + " or more records a month.",
                "referral, spell, performance_metric (count series); DP 9.2 local challenges.",
                List.of(
                        "Ingest has already quarantined rows that break the canonical schema (required fields, "
                                + "code sets, date formats): these checks are the ones a valid row can still fail.",
                        "A step in volume can be a real change in service (a new team, a contract change); a "
                                + "flagged step is a question for the provider, not a verdict."),
                List.of(
                        ChartSpec.ofTable(
                                "trend",
                                "Data-quality score by provider",
                                null,
                                "score-by-year",
                                Map.of(),
                                Map.of("x", "year", "y", "score", "series", "provider"),
                                "%"),
                        ChartSpec.ofTable("table", "Data-quality findings", null, "findings", Map.of(), Map.of(), null),
                        ChartSpec.ofTable(
                                "heatmap",
                                "Share of records failing each check by provider",
                                null,
                                "by-provider",
                                Map.of(),
                                Map.of("x", "check", "y", "provider", "value", "failing_pct"),
                                "%")));
    }

    @Override
    public List<AnalysisTable> compute(AnalysisContext context) {
        LocalDate from = context.years().get(0).start();
        LocalDate to = context.latestYear().end();
        List<Cell> cells = new ArrayList<>();
        for (Dataset d : DATASETS) {
            cells.addAll(cells(context, d, from, to));
        }
        List<String> findings = new ArrayList<>();
        List<AnalysisTable> out = new ArrayList<>();
        out.add(checksTable());
        out.add(byMonth(cells));
        out.add(byProvider(cells, findings));
        out.add(scoreByYear(cells));
        out.add(volumeShifts(context, cells, findings));
        out.add(submissionGaps(cells, findings));
        out.add(Tables.table(
                "findings",
                "Problems found in the data, in words",
                List.of(text("finding", "What was found")),
                findings.stream().map(f -> List.<Object>of(f)).toList()));
        return out;
    }

    static List<Cell> cells(AnalysisContext context, Dataset d, LocalDate from, LocalDate to) {
        List<DataQualityCheck> checks = DataQualityCheck.of(d.table());
        List<Measure> measures = new ArrayList<>();
        measures.add(countRows("records"));
        for (DataQualityCheck c : checks) {
            measures.add(countIf("fail_" + c.name(), c.failing()));
        }
        Expr date = col(d.dateColumn());
        Query q = Query.from(d.table())
                .where(and(date.ge(lit(from)), date.le(lit(to))))
                .derive(new org.openphm.engine.query.Named[] {
                    org.openphm.engine.query.Named.as("dq_dataset", d.label()),
                    org.openphm.engine.query.Named.as("dq_provider", col(d.providerColumn())),
                    org.openphm.engine.query.Named.as(
                            "dq_month", year(date).times(lit(100L)).plus(month(date)))
                })
                .aggregate(List.of("dq_dataset", "dq_provider", "dq_month"), measures.toArray(Measure[]::new))
                .orderBy(SortKey.asc("dq_dataset"), SortKey.asc("dq_provider"), SortKey.asc("dq_month"));
        Result r = context.engine().execute(q);
        List<Cell> cells = new ArrayList<>();
        for (int i = 0; i < r.size(); i++) {
            long key = r.getLong(i, "dq_month");
            long[] failing = new long[checks.size()];
            for (int c = 0; c < checks.size(); c++) {
                failing[c] = Tables.asLong(r.get(i, "fail_" + checks.get(c).name()));
            }
            cells.add(new Cell(
                    d,
                    r.getString(i, "dq_dataset"),
                    r.getString(i, "dq_provider"),
                    YearMonth.of((int) (key / 100), (int) (key % 100)),
                    Tables.asLong(r.get(i, "records")),
                    failing));
        }
        return cells;
    }

    private static AnalysisTable checksTable() {
        List<List<Object>> rows = new ArrayList<>();
        for (Dataset d : DATASETS) {
            for (DataQualityCheck c : DataQualityCheck.of(d.table())) {
                rows.add(Arrays.asList(
                        c.table(),
                        c.name(),
                        c.kind().name().toLowerCase(Locale.ROOT),
                        c.description(),
                        c.consequence()));
            }
        }
        return Tables.table(
                "checks",
                "The checks applied",
                List.of(
                        text("table", "Canonical table"),
                        text("check", "Check"),
                        text("kind", "completeness or validity"),
                        text("description", "Fails when"),
                        text("consequence", "What a failing record does to the analyses")),
                rows);
    }

    private static List<AnalysisTable.Column> checkColumns(String periodColumn, String periodDescription) {
        return List.of(
                text("dataset", "CSDS, MHSDS or SUS APC"),
                text("provider", "Provider code"),
                text(periodColumn, periodDescription),
                text("check", "Check (see the checks table)"),
                text("kind", "completeness or validity"),
                integer("records", "Records"),
                integer("failing", "Records failing the check"),
                number("failing_pct", "Share failing, %"));
    }

    private static AnalysisTable byMonth(List<Cell> cells) {
        List<List<Object>> rows = new ArrayList<>();
        for (Cell c : cells) {
            List<DataQualityCheck> checks = DataQualityCheck.of(c.dataset().table());
            for (int k = 0; k < checks.size(); k++) {
                rows.add(Arrays.asList(
                        c.label(),
                        c.provider(),
                        c.month().toString(),
                        checks.get(k).name(),
                        checks.get(k).kind().name().toLowerCase(Locale.ROOT),
                        c.records(),
                        c.failing()[k],
                        Percentages.share(c.failing()[k], c.records())));
            }
        }
        return Tables.table(
                "by-month",
                "Records failing each check by dataset, provider and month",
                checkColumns("month", "Month (yyyy-mm) of the referral or admission"),
                rows);
    }

    /** Sums cells to one per (dataset label, provider, period) in time order. */
    private static Map<List<String>, Cell> sum(List<Cell> cells, java.util.function.Function<Cell, String> period) {
        Map<List<String>, Cell> out =
                new TreeMap<>((a, b) -> String.join("\u0000", a).compareTo(String.join("\u0000", b)));
        for (Cell c : cells) {
            out.merge(List.of(c.label(), c.provider(), period.apply(c)), c, (a, b) -> {
                long[] f = a.failing().clone();
                for (int k = 0; k < f.length; k++) {
                    f[k] += b.failing()[k];
                }
                return new Cell(a.dataset(), a.label(), a.provider(), a.month(), a.records() + b.records(), f);
            });
        }
        return out;
    }

    private static AnalysisTable byProvider(List<Cell> cells, List<String> findings) {
        List<List<Object>> rows = new ArrayList<>();
        Map<String, long[]> noTeamType = new LinkedHashMap<>();
        sum(cells, c -> "all").forEach((key, c) -> {
            List<DataQualityCheck> checks = DataQualityCheck.of(c.dataset().table());
            for (int k = 0; k < checks.size(); k++) {
                DataQualityCheck check = checks.get(k);
                Double pct = Percentages.share(c.failing()[k], c.records());
                rows.add(Arrays.asList(
                        c.label(),
                        c.provider(),
                        "all years",
                        check.name(),
                        check.kind().name().toLowerCase(Locale.ROOT),
                        c.records(),
                        c.failing()[k],
                        pct));
                if (pct != null && pct >= FINDING_PCT && c.records() >= FINDING_MIN_ROWS) {
                    findings.add(String.format(
                            Locale.UK,
                            "%s %s: %s for %.1f%% of %,d records; %s.",
                            c.label(),
                            c.provider(),
                            check.description(),
                            pct,
                            c.records(),
                            check.consequence()));
                }
                if (check.table().equals(CanonicalSchema.REFERRAL.name())
                        && check.name().equals("service")) {
                    long[] t = noTeamType.computeIfAbsent(c.label(), x -> new long[2]);
                    t[0] += c.failing()[k];
                    t[1] += c.records();
                }
            }
        });
        noTeamType.forEach((dataset, t) -> {
            if (t[0] > 0) {
                findings.add(String.format(
                        Locale.UK,
                        "%s referrals with no team type recorded: %,d of %,d (%.1f%%): "
                                + "they appear as the 'N/A' row of DP 4.7/4.9 and are missing from every service line.",
                        dataset,
                        t[0],
                        t[1],
                        100.0 * t[0] / t[1]));
            }
        });
        return Tables.table(
                "by-provider",
                "Records failing each check by dataset and provider, all years analysed",
                checkColumns("period", "all years"),
                rows);
    }

    /** Mean share passing over the dataset's checks, as a percentage. */
    static double score(Cell c) {
        if (c.failing().length == 0 || c.records() == 0) {
            return 100;
        }
        double passing = 0;
        for (long f : c.failing()) {
            passing += 1 - (double) f / c.records();
        }
        // rounded here, not only when published: the change is taken between published scores
        return Precision.ONE_PLACE.round(100 * passing / c.failing().length);
    }

    private static AnalysisTable scoreByYear(List<Cell> cells) {
        Map<List<String>, Cell> byYear =
                sum(cells, c -> FinancialYear.containing(c.month().atDay(1)).label());
        List<List<Object>> rows = new ArrayList<>();
        byYear.forEach((key, c) -> {
            String previous = FinancialYear.parse(key.get(2)).previous().label();
            Cell before = byYear.get(List.of(key.get(0), key.get(1), previous));
            double score = score(c);
            rows.add(Arrays.asList(
                    key.get(0),
                    key.get(1),
                    key.get(2),
                    c.records(),
                    score,
                    before == null ? null : Precision.ONE_PLACE.round(score - score(before))));
        });
        return Tables.table(
                "score-by-year",
                "Data-quality score by dataset, provider and financial year",
                List.of(
                        text("dataset", "CSDS, MHSDS or SUS APC"),
                        text("provider", "Provider code"),
                        text("year", "Financial year"),
                        integer("records", "Records"),
                        number("score", "100 x mean share of records passing the dataset's checks")
                                .rounded(Precision.ONE_PLACE),
                        number("change", "Change in score on the year before, points")
                                .rounded(Precision.ONE_PLACE)),
                rows);
    }

    private static AnalysisTable volumeShifts(AnalysisContext context, List<Cell> cells, List<String> findings) {
        Map<List<String>, TreeMap<String, Double>> series = new LinkedHashMap<>();
        for (Cell c : cells) {
            series.computeIfAbsent(List.of(c.label() + " records", c.provider()), k -> new TreeMap<>())
                    .put(c.month().toString(), (double) c.records());
        }
        Result r = context.engine()
                .execute(Query.from(CanonicalSchema.PERFORMANCE_METRIC)
                        .where(col("unit").eq("count"))
                        .select("metric_id", "org_code", "month", "value"));
        for (int i = 0; i < r.size(); i++) {
            series.computeIfAbsent(
                            List.of(r.getString(i, "metric_id"), r.getString(i, "org_code")), k -> new TreeMap<>())
                    .put(r.getString(i, "month"), r.getDouble(i, "value"));
        }
        List<List<Object>> rows = new ArrayList<>();
        series.forEach((key, values) -> {
            List<String> months = new ArrayList<>(values.keySet());
            VolumeShift s = VolumeShift.detect(new ArrayList<>(values.values()));
            if (s == null) {
                return;
            }
            String step = months.get(s.stepIndex());
            rows.add(Arrays.asList(
                    key.get(0),
                    key.get(1),
                    months.get(0),
                    months.get(months.size() - 1),
                    step,
                    s.meanBefore(),
                    s.meanAfter(),
                    s.ratio(),
                    s.confirmed(),
                    s.flagged()));
            if (s.flagged()) {
                findings.add(String.format(
                        Locale.UK,
                        "%s, %s: monthly volume before %s is %.0f%% of the level from %s "
                                + "(mean %,.0f vs %,.0f), a step confirmed by SPC: %s.",
                        key.get(0),
                        key.get(1),
                        step,
                        100 * s.ratio(),
                        step,
                        s.meanBefore(),
                        s.meanAfter(),
                        s.ratio() < 1
                                ? "the earlier months look under-reported; trends across " + step + " are unreliable"
                                : "the later months look under-reported, or activity fell"));
            }
        });
        return Tables.table(
                "volume-shifts",
                "Step changes in monthly volumes",
                List.of(
                        text("series", "Metric id, or '<dataset> records'"),
                        text("org", "Provider or organisation"),
                        text("first_month", "First month"),
                        text("last_month", "Last month"),
                        text("step_month", "First month of the later level"),
                        number("mean_before", "Mean before the step").rounded(Precision.ONE_PLACE),
                        number("mean_after", "Mean from the step").rounded(Precision.ONE_PLACE),
                        number("ratio", "Mean before / mean after").rounded(Precision.THREE_PLACES),
                        bool("spc_confirmed", "XmR chart shows special cause on the low side in the low segment"),
                        bool("flagged", "Step of 30% or more, confirmed by SPC")),
                rows);
    }

    private static AnalysisTable submissionGaps(List<Cell> cells, List<String> findings) {
        Map<List<String>, TreeMap<YearMonth, Long>> months = new LinkedHashMap<>();
        cells.forEach(c -> months.computeIfAbsent(List.of(c.label(), c.provider()), k -> new TreeMap<>())
                .put(c.month(), c.records()));
        List<List<Object>> rows = new ArrayList<>();
        months.forEach((key, m) -> {
            List<String> missing = new ArrayList<>();
            double mean =
                    m.values().stream().mapToLong(Long::longValue).average().orElse(0);
            for (YearMonth ym = m.firstKey(); ym.isBefore(m.lastKey()); ym = ym.plusMonths(1)) {
                if (!m.containsKey(ym)) {
                    missing.add(ym.toString());
                    rows.add(Arrays.asList(key.get(0), key.get(1), ym.toString(), mean));
                }
            }
            // a provider with a handful of records a month has empty months by chance (Poisson zero at a mean of
            // 10 is 1 in 22,000): only a gap in a steady flow is a finding
            if (!missing.isEmpty() && mean >= GAP_MIN_MONTHLY_RECORDS) {
                findings.add(String.format(
                        "%s %s: no records in %s, between months with records.",
                        key.get(0), key.get(1), String.join(", ", missing)));
            }
        });
        return Tables.table(
                "submission-gaps",
                "Months with no records between a provider's first and last month",
                List.of(
                        text("dataset", "CSDS, MHSDS or SUS APC"),
                        text("provider", "Provider code"),
                        text("month", "Month with no records"),
                        number("mean_monthly_records", "Mean records in the provider's months with records")
                                .rounded(Precision.ONE_PLACE)),
                rows);
    }
}
