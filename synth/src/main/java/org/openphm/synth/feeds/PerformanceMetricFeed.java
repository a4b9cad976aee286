package org.openphm.synth.feeds;

import java.io.IOException;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.openphm.model.CanonicalSchema;
import org.openphm.model.Table;

/**
 * performance_metric: the DP dashboards (DP 7.2, 7.4-7.6, 8.12) monthly from 2023-04 to 2025-09, the DP 7.3
 * regional benchmarking table, the DP 9.2 care-contact series with its under-reporting defect, and single-period
 * benchmarks (MH vacancy by sector, spend per head). Published cells are written as published; other months are
 * extended from them ({@link SeriesExtension}); ranks come from simulated peers ({@link PeerRanking}) except where
 * the DP prints them.
 */
final class PerformanceMetricFeed implements Feed {

    /** The DP 7.3 table's reference month (rolling periods to May-25). */
    static final YearMonth BENCHMARK_MONTH = YearMonth.of(2025, 5);

    static final String EAST_OF_ENGLAND = "Y61";

    private record Cell(Double value, Double threshold, Double regional, Double national) {}

    private record Ranked(Integer regional, Integer national) {}

    @Override
    public Table table() {
        return CanonicalSchema.PERFORMANCE_METRIC;
    }

    @Override
    public void write(FeedContext ctx, FeedRows out) throws IOException {
        Map<String, Map<String, NavigableMap<YearMonth, Cell>>> published = published();
        Map<String, Ranked> printedRanks = printedRanks();
        for (Psv.Row r : Psv.read("performance_metrics.psv")) {
            MetricSpec spec = MetricSpec.of(r);
            if (spec.id().equals("care_contacts")) {
                writeCareContacts(ctx, spec, out);
                continue;
            }
            for (var series : published.getOrDefault(spec.id(), Map.of()).entrySet()) {
                writeSeries(ctx, spec, series.getKey(), series.getValue(), printedRanks, out);
            }
        }
        writeRegionalBenchmarking(out);
        writeBenchmarks(out);
    }

    private void writeSeries(
            FeedContext ctx,
            MetricSpec spec,
            String org,
            NavigableMap<YearMonth, Cell> cells,
            Map<String, Ranked> printedRanks,
            FeedRows out)
            throws IOException {
        SplittableRandom rng = ctx.random("performance:" + spec.id() + ":" + org);
        NavigableMap<YearMonth, Double> values = column(cells, Cell::value);
        NavigableMap<YearMonth, Double> thresholds = column(cells, Cell::threshold);
        NavigableMap<YearMonth, Double> regionals = column(cells, Cell::regional);
        NavigableMap<YearMonth, Double> nationals = column(cells, Cell::national);
        double scale = spec.scaled() ? ctx.scale() : 1;
        for (int i = 0; i < FeedContext.monthCount(); i++) {
            YearMonth m = FeedContext.month(i);
            if (!spec.reports(m)) {
                continue;
            }
            Double value = values.get(m);
            if (value == null) {
                value = bounded(spec, SeriesExtension.extend(values, m, spec.growth(), rng));
            }
            Double threshold = thresholds.containsKey(m) ? thresholds.get(m) : spec.standingThreshold(m);
            if (threshold == null && !thresholds.isEmpty()) {
                threshold = SeriesExtension.extend(thresholds, m, spec.growth(), rng);
            }
            Double regional = regionals.containsKey(m)
                    ? regionals.get(m)
                    : SeriesExtension.extend(regionals, m, spec.growth(), rng);
            Double national = nationals.containsKey(m)
                    ? nationals.get(m)
                    : SeriesExtension.extend(nationals, m, spec.growth(), rng);
            Ranked ranks = printedRanks.get(spec.id() + "|" + org + "|" + m);
            if (ranks == null && regional != null && national != null && !"none".equals(spec.polarity())) {
                PeerRanking.Ranks r =
                        PeerRanking.rank(value, regional, national, spec.spread(), "high".equals(spec.polarity()), rng);
                ranks = new Ranked(r.regional(), r.national());
            }
            int decimals = spec.isCount() ? 0 : 2;
            out.row(
                    spec.id(),
                    spec.name(),
                    spec.unit(),
                    spec.polarity(),
                    org,
                    m.toString(),
                    Cells.number(value * scale, decimals),
                    Cells.number(threshold == null ? null : threshold * scale, decimals),
                    Cells.number(spec.standingThreshold(m), decimals),
                    Cells.number(regional, decimals),
                    Cells.number(national, decimals),
                    ranks == null ? null : ranks.regional(),
                    ranks == null ? null : ranks.national());
        }
    }

    /** Generated values stay within the metric's range; published ones are never touched. */
    private static Double bounded(MetricSpec spec, Double v) {
        if (v == null) {
            return null;
        }
        double upper = spec.ceiling() != null ? spec.ceiling() : "%".equals(spec.unit()) ? 100 : Double.MAX_VALUE;
        // Reflected rather than clipped, so a bound does not show up as a run of identical values.
        double reflected = v > upper ? 2 * upper - v : v;
        return Math.max(0, Math.min(upper, reflected));
    }

    /**
     * DP 9.2: "ELFT monthly care contacts pre-Nov-24 are under-reported by about 50% as CSDS data not able to be
     * resubmitted". No canonical table carries care contacts, so the feed-level defect is a metric series.
     */
    private void writeCareContacts(FeedContext ctx, MetricSpec spec, FeedRows out) throws IOException {
        for (Calibration.CareContacts provider : Calibration.careContacts()) {
            SplittableRandom rng = ctx.random("performance:care_contacts:" + provider.provider());
            for (int i = 0; i < FeedContext.monthCount(); i++) {
                YearMonth m = FeedContext.month(i);
                double yearsBeforeEnd = (FeedContext.monthCount() - 1 - i) / 12.0;
                double trueCount = provider.monthly()
                        * Math.pow(1 + spec.growth(), -yearsBeforeEnd)
                        * (1 + 0.04 * Noise.gaussian(rng))
                        * ctx.scale();
                double reported = provider.reported(trueCount, m);
                out.row(
                        spec.id(),
                        spec.name(),
                        spec.unit(),
                        spec.polarity(),
                        provider.provider(),
                        m.toString(),
                        Cells.number(reported, 0),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null);
            }
        }
    }

    /**
     * DP 7.3 as rows: one per measure and organisation (the East of England region Y61 and its six ICBs by ODS
     * code) in May-25; regional_value is the region's figure and regional_rank the ICB's place among the six.
     */
    private void writeRegionalBenchmarking(FeedRows out) throws IOException {
        List<Psv.Row> rows = Psv.read("mh_benchmark.psv");
        // the table's columns after the region's are its ICBs, by ODS code
        List<String> columns = List.copyOf(rows.get(0).cells().keySet());
        List<String> icbs = columns.subList(columns.indexOf(EAST_OF_ENGLAND) + 1, columns.size());
        for (Psv.Row r : rows) {
            boolean higherIsBetter = "high".equals(r.text("polarity"));
            double region = r.number(EAST_OF_ENGLAND);
            out.row(
                    r.text("metric_id"),
                    r.text("name"),
                    r.text("unit"),
                    r.text("polarity"),
                    EAST_OF_ENGLAND,
                    BENCHMARK_MONTH.toString(),
                    Cells.number(region, 2),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null);
            for (String icb : icbs) {
                double v = r.number(icb);
                int rank = 1;
                for (String other : icbs) {
                    double o = r.number(other);
                    if (higherIsBetter ? o > v : o < v) {
                        rank++;
                    }
                }
                out.row(
                        r.text("metric_id"),
                        r.text("name"),
                        r.text("unit"),
                        r.text("polarity"),
                        icb,
                        BENCHMARK_MONTH.toString(),
                        Cells.number(v, 2),
                        null,
                        null,
                        Cells.number(region, 2),
                        null,
                        rank,
                        null);
            }
        }
    }

    private void writeBenchmarks(FeedRows out) throws IOException {
        for (Psv.Row r : Psv.read("benchmarks.psv")) {
            out.row(
                    r.text("metric_id"),
                    r.text("name"),
                    r.text("unit"),
                    r.text("polarity"),
                    r.text("org_code"),
                    r.text("month"),
                    Cells.number(r.number("value"), 2),
                    null,
                    null,
                    null,
                    Cells.number(r.number("national_value"), 2),
                    null,
                    r.text("national_rank") == null ? null : Integer.valueOf(r.text("national_rank")));
        }
    }

    private static Map<String, Map<String, NavigableMap<YearMonth, Cell>>> published() {
        Map<String, Map<String, NavigableMap<YearMonth, Cell>>> all = new LinkedHashMap<>();
        for (Psv.Row r : Psv.read("performance_published.psv")) {
            all.computeIfAbsent(r.text("metric_id"), k -> new LinkedHashMap<>())
                    .computeIfAbsent(r.text("org_code"), k -> new TreeMap<>())
                    .put(
                            YearMonth.parse(r.text("month")),
                            new Cell(
                                    r.number("value"),
                                    r.number("threshold"),
                                    r.number("regional_value"),
                                    r.number("national_value")));
        }
        return all;
    }

    private static Map<String, Ranked> printedRanks() {
        Map<String, Ranked> ranks = new HashMap<>();
        for (Psv.Row r : Psv.read("performance_ranks.psv")) {
            ranks.put(
                    r.text("metric_id") + "|" + r.text("org_code") + "|" + r.text("month"),
                    new Ranked(
                            r.number("regional_rank").intValue(),
                            r.number("national_rank").intValue()));
        }
        return ranks;
    }

    private static NavigableMap<YearMonth, Double> column(
            NavigableMap<YearMonth, Cell> cells, java.util.function.Function<Cell, Double> f) {
        NavigableMap<YearMonth, Double> m = new TreeMap<>();
        cells.forEach((k, c) -> {
            if (f.apply(c) != null) {
                m.put(k, f.apply(c));
            }
        });
        return m;
    }
}
