package org.openphm.analyses.performance;

import static org.openphm.analyses.catalogue.AnalysisTable.Column.bool;
import static org.openphm.analyses.catalogue.AnalysisTable.Column.integer;
import static org.openphm.analyses.catalogue.AnalysisTable.Column.number;
import static org.openphm.analyses.catalogue.AnalysisTable.Column.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openphm.analyses.catalogue.Analysis;
import org.openphm.analyses.catalogue.AnalysisContext;
import org.openphm.analyses.catalogue.AnalysisInfo;
import org.openphm.analyses.catalogue.AnalysisTable;
import org.openphm.analyses.icb.IcbProfile;
import org.openphm.model.results.ChartSpec;
import org.openphm.stats.Polarity;
import org.openphm.stats.spc.SpcChart;
import org.openphm.stats.spc.SpcPoint;

/**
 * One performance dashboard page (DP 7.2, 7.4-7.6, 8.12): for every metric and organisation, the series with
 * its threshold, regional and national values and Making Data Count SPC (table "series"); the page as the data
 * pack prints it, for its own month and for the latest month in the data: value against threshold, the DP's
 * trend arrow, year to date, ranks, SPC icons (table "summary"); and the lines of the dashboard's 12-month
 * window for the trend chart (table "benchmarks").
 */
public final class PerformanceDashboard implements Analysis {
    /** The measure the trend chart is about; threshold, regional and national are read against it, not ranked. */
    static final String ACHIEVEMENT = "Achievement";

    public static final String DATA_PACK_VIEW = "Data pack";
    public static final String LATEST_VIEW = "Latest";
    /** Ranks are among the East of England's six ICBs and England's 42 (since July 2022). */
    static final int ICBS_IN_REGION = 6;

    static final int ICBS_IN_ENGLAND = 42;

    private final DashboardPage page;

    public PerformanceDashboard(DashboardPage page) {
        this.page = page;
    }

    public DashboardPage page() {
        return page;
    }

    @Override
    public AnalysisInfo info() {
        List<String> caveats = new ArrayList<>(page.caveats());
        caveats.add("Year to date averages the months from April (a mean month against a mean plan), so counts, "
                + "bed numbers and percentages read alike; it is judged only when every month has a plan.");
        caveats.add("SPC (XmR, Making Data Count rules) uses every month in the feed, not only the 12 shown: "
                + "fewer than 15 points give a run chart with no limits or icons. Assurance is against the standing "
                + "target, not the month's plan.");
        caveats.add("Ranks are the feed's (1 = best) among the six East of England ICBs and England's 42 ICBs.");
        return new AnalysisInfo(
                page.id(),
                page.section(),
                page.title(),
                page.definition(),
                "Per metric and organisation: the value against the month's threshold (or the standing target "
                        + "where no threshold); the trend arrow as the data pack defines it (current month against "
                        + "the mean of the previous 6 points: up, down or level); financial year to date; regional "
                        + "and national rank as at the month; Making Data Count SPC from the statistics module "
                        + "(mean ± 2.66 × mean moving range, 7-point shift and trend, 2 of 3 beyond 2 sigma, "
                        + "variation and assurance icons), over the whole series and, for the data pack's own "
                        + "month, over the series up to that month.",
                "performance_metric feed (" + IcbProfile.current().icbLabel()
                        + " performance dashboard, NHS England published data; DP 7.2-7.6, " + "8.12).",
                caveats,
                charts());
    }

    private List<ChartSpec> charts() {
        List<ChartSpec> charts = new ArrayList<>();
        charts.add(ChartSpec.ofTable(
                "table",
                page.title() + ": dashboard as at the data pack's month",
                null,
                "summary",
                Map.of("view", DATA_PACK_VIEW),
                Map.of(),
                null));
        for (DashboardPage.PageMetric m : page.metrics()) {
            for (String org : m.orgCodes()) {
                Map<String, String> filter = Map.of("metric_id", m.id(), "org_code", org);
                String title = m.name() + " — " + Organisations.name(org);
                charts.add(ChartSpec.ofTable(
                        "spc",
                        title,
                        "Making Data Count XmR chart, every month in the data",
                        "series",
                        filter,
                        Map.of(
                                "x",
                                "month",
                                "y",
                                "value",
                                "centre",
                                "mean",
                                "lower",
                                "lower_limit",
                                "upper",
                                "upper_limit",
                                "target",
                                "target",
                                "flag",
                                "special_cause",
                                "variation",
                                "variation",
                                "assurance",
                                "assurance"),
                        m.unit()));
                Map<String, String> window = new HashMap<>(filter);
                window.put("dp_window", "yes");
                charts.add(ChartSpec.ofTable(
                        "trend",
                        title,
                        "Rolling 12 months as in the data pack: achievement, threshold, regional and national",
                        "benchmarks",
                        window,
                        Map.of("x", "month", "y", "value", "series", "measure", "focus", ACHIEVEMENT),
                        m.unit()));
            }
        }
        return charts;
    }

    @Override
    public List<AnalysisTable> compute(AnalysisContext context) {
        return tables(PerformanceMetrics.load(context.engine(), page.metricIds()));
    }

    /** The tables from series already read (the fidelity and specification tests feed series directly too). */
    public List<AnalysisTable> tables(List<MetricSeries> all) {
        List<List<Object>> series = new ArrayList<>();
        List<List<Object>> summary = new ArrayList<>();
        List<List<Object>> benchmarks = new ArrayList<>();
        for (MetricSeries s : all) {
            SpcChart spc = MetricSpc.of(s);
            addSeriesRows(s, spc, series, benchmarks);
            int dp = s.indexAtOrBefore(page.dataPackMonth());
            if (dp >= 0) {
                summary.add(summaryRow(DATA_PACK_VIEW, s, dp));
            }
            summary.add(summaryRow(LATEST_VIEW, s, s.points().size() - 1));
        }
        return List.of(
                new AnalysisTable(
                        "series", "Every month of every metric and organisation, with SPC", seriesColumns(), series),
                new AnalysisTable(
                        "summary",
                        "The dashboard as at the data pack's month and as at the latest month",
                        summaryColumns(),
                        summary),
                new AnalysisTable(
                        "benchmarks",
                        "Achievement, threshold, regional and national values as lines",
                        List.of(
                                text("metric_id", "Metric"),
                                text("org_code", "Organisation"),
                                text("month", "Month (yyyy-mm)"),
                                text("dp_window", "yes = in the data pack's 12-month window"),
                                text("measure", "Achievement, Threshold, Regional or National"),
                                number("value", "Value")),
                        benchmarks));
    }

    private void addSeriesRows(MetricSeries s, SpcChart spc, List<List<Object>> rows, List<List<Object>> benchmarks) {
        List<Double> values = s.values();
        int last = s.points().size() - 1;
        for (int i = 0; i <= last; i++) {
            MetricPoint p = s.points().get(i);
            SpcPoint q = spc.points().get(i);
            TrendArrow arrow = TrendArrow.at(values, i);
            String window = page.inWindow(p.month(), page.dataPackMonth()) ? "yes" : "no";
            rows.add(Arrays.asList(
                    s.metricId(),
                    s.name(),
                    s.unit(),
                    s.polarity().code(),
                    s.orgCode(),
                    Organisations.name(s.orgCode()),
                    p.month().toString(),
                    window,
                    p.value(),
                    p.threshold(),
                    p.target(),
                    s.polarity().meets(p.value(), p.benchmark()),
                    p.regional(),
                    p.national(),
                    p.regionalRank(),
                    p.nationalRank(),
                    arrow == null ? null : arrow.symbol(),
                    q.mean(),
                    q.lowerProcessLimit(),
                    q.upperProcessLimit(),
                    MetricSpc.flag(q),
                    MetricSpc.rules(q),
                    MetricSpc.variation(q.variation()),
                    i == last ? MetricSpc.assurance(spc.summary().assurance()) : null));
            benchmark(benchmarks, s, p, window, ACHIEVEMENT, p.value());
            benchmark(benchmarks, s, p, window, "Threshold", p.threshold());
            benchmark(benchmarks, s, p, window, "Regional", p.regional());
            benchmark(benchmarks, s, p, window, "National", p.national());
        }
    }

    private static void benchmark(
            List<List<Object>> rows, MetricSeries s, MetricPoint p, String window, String measure, Double value) {
        if (value != null) {
            rows.add(Arrays.asList(s.metricId(), s.orgCode(), p.month().toString(), window, measure, value));
        }
    }

    private List<Object> summaryRow(String view, MetricSeries s, int at) {
        MetricPoint p = s.points().get(at);
        List<Double> values = s.values();
        TrendArrow arrow = TrendArrow.at(values, at);
        YearToDate ytd = YearToDate.of(s, p.month());
        MetricSeries upTo = new MetricSeries(
                s.metricId(),
                s.name(),
                s.unit(),
                s.polarity(),
                s.orgCode(),
                s.points().subList(0, at + 1));
        SpcChart spc = MetricSpc.of(upTo);
        SpcPoint q = spc.points().get(at);
        int inWindow = 0;
        int meeting = 0;
        for (MetricPoint w : upTo.points()) {
            if (page.inWindow(w.month(), p.month())) {
                inWindow++;
                meeting += Boolean.TRUE.equals(s.polarity().meets(w.value(), w.benchmark())) ? 1 : 0;
            }
        }
        Long regionalRank = latestRank(upTo, true);
        Long nationalRank = latestRank(upTo, false);
        return Arrays.asList(
                view,
                p.month().toString(),
                s.metricId(),
                s.name(),
                s.unit(),
                s.polarity().code(),
                s.orgCode(),
                Organisations.name(s.orgCode()),
                p.value(),
                p.benchmark(),
                s.polarity().meets(p.value(), p.benchmark()),
                TrendArrow.previousMean(values, at),
                arrow == null ? null : arrow.symbol(),
                judgement(s.polarity(), values, at),
                ytd == null ? null : (long) ytd.points(),
                ytd == null ? null : ytd.mean(),
                ytd == null ? null : ytd.benchmark(),
                ytd == null || ytd.monthsMeeting() == null ? null : (long) ytd.monthsMeeting(),
                ytd == null ? null : ytd.meets(),
                (long) inWindow,
                (long) meeting,
                p.regional(),
                p.national(),
                regionalRank,
                regionalRank == null ? null : regionalRank + " / " + ICBS_IN_REGION,
                nationalRank,
                nationalRank == null ? null : nationalRank + " / " + ICBS_IN_ENGLAND,
                (long) upTo.points().size(),
                spc.summary().limitsShown(),
                q.mean(),
                q.lowerProcessLimit(),
                q.upperProcessLimit(),
                MetricSpc.variation(spc.summary().variation()),
                MetricSpc.assurance(spc.summary().assurance()));
    }

    /**
     * Whether the arrow's movement is good news. The DP's arrows may mean this rather than the raw direction
     * (DP 7.5 prints ↑ for out of area placements falling from a mean of 22.5 to 15, where lower is better), so
     * both are given.
     */
    private static String judgement(Polarity polarity, List<Double> values, int at) {
        Double mean = TrendArrow.previousMean(values, at);
        if (mean == null) {
            return null;
        }
        if (polarity == Polarity.NO_JUDGEMENT) {
            return "none";
        }
        int better = polarity.better(values.get(at) - mean);
        return better > 0 ? "better" : better < 0 ? "worse" : "level";
    }

    /** "As at latest data": the most recent rank published at or before the month. */
    private static Long latestRank(MetricSeries s, boolean regional) {
        for (int i = s.points().size() - 1; i >= 0; i--) {
            Long r = regional
                    ? s.points().get(i).regionalRank()
                    : s.points().get(i).nationalRank();
            if (r != null) {
                return r;
            }
        }
        return null;
    }

    private static List<AnalysisTable.Column> seriesColumns() {
        return List.of(
                text("metric_id", "Metric"),
                text("metric_name", "Metric name"),
                text("unit", "Unit"),
                text("polarity", "What good looks like: high, low or none"),
                text("org_code", "Organisation code"),
                text("org_name", "Organisation"),
                text("month", "Month (yyyy-mm)"),
                text("dp_window", "yes = in the data pack's 12-month window"),
                number("value", "Achievement"),
                number("threshold", "Monthly threshold / plan"),
                number("target", "Standing target"),
                bool("meets_benchmark", "At or better than the threshold (else the target)"),
                number("regional_value", "East of England value"),
                number("national_value", "England value"),
                integer("regional_rank", "Rank among the region's ICBs (1 = best)"),
                integer("national_rank", "Rank among England's ICBs (1 = best)"),
                text("trend_arrow", "Month against the mean of the previous 6 points"),
                number("mean", "SPC centre line"),
                number("lower_limit", "SPC lower process limit"),
                number("upper_limit", "SPC upper process limit"),
                text("special_cause", "improvement, concern, neither, or empty for common cause"),
                text("rules", "Special-cause rules that fired at the point"),
                text("variation", "Variation icon of the point"),
                text("assurance", "Assurance icon (last point only)"));
    }

    private static List<AnalysisTable.Column> summaryColumns() {
        return List.of(
                text("view", "Data pack (the page's month) or Latest (last month in the data)"),
                text("month", "Reference month: the series' last point at or before the view's month"),
                text("metric_id", "Metric"),
                text("metric_name", "Metric name"),
                text("unit", "Unit"),
                text("polarity", "What good looks like"),
                text("org_code", "Organisation code"),
                text("org_name", "Organisation"),
                number("value", "Achievement in the month"),
                number("benchmark", "Threshold of the month, else the standing target"),
                bool("meets_benchmark", "At or better than the benchmark"),
                number("previous_6_mean", "Mean of the 6 points before the month"),
                text("trend_arrow", "↑, ↓ or ↔: the month against the previous 6 points' mean (DP definition)"),
                text("trend_judgement", "The same movement read with the polarity: better, worse, level or none"),
                integer("ytd_points", "Points from April to the month"),
                number("ytd_mean", "Year-to-date mean"),
                number("ytd_benchmark", "Year-to-date mean threshold/target"),
                integer("ytd_points_meeting", "Year-to-date points at or better than their benchmark"),
                bool("ytd_meets", "Year-to-date mean at or better than the year-to-date benchmark"),
                integer("window_points", "Points in the 12 months to the month"),
                integer("window_points_meeting", "Of which at or better than their benchmark"),
                number("regional_value", "East of England value"),
                number("national_value", "England value"),
                integer("regional_rank", "Latest regional rank at or before the month"),
                text("regional_rank_of", "Regional rank as printed, e.g. 6 / 6"),
                integer("national_rank", "Latest national rank at or before the month"),
                text("national_rank_of", "National rank as printed, e.g. 27 / 42"),
                integer("spc_points", "Points the SPC chart uses (the series up to the month)"),
                bool("spc_limits_shown", "At least 15 points: limits and icons shown"),
                number("spc_mean", "SPC centre line"),
                number("spc_lower_limit", "Lower process limit"),
                number("spc_upper_limit", "Upper process limit"),
                text("variation", "Variation icon of the month"),
                text("assurance", "Assurance icon"));
    }
}
