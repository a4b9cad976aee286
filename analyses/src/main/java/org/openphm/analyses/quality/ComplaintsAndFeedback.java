package org.openphm.analyses.quality;

import static org.openphm.analyses.catalogue.AnalysisTable.Column.count;
import static org.openphm.analyses.catalogue.AnalysisTable.Column.date;
import static org.openphm.analyses.catalogue.AnalysisTable.Column.integer;
import static org.openphm.analyses.catalogue.AnalysisTable.Column.text;
import static org.openphm.engine.query.Expr.coalesce;
import static org.openphm.engine.query.Expr.col;
import static org.openphm.engine.query.Expr.lit;
import static org.openphm.engine.query.Expr.month;
import static org.openphm.engine.query.Expr.year;
import static org.openphm.engine.query.Measure.countRows;
import static org.openphm.engine.query.Measure.max;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openphm.analyses.catalogue.Analysis;
import org.openphm.analyses.catalogue.AnalysisContext;
import org.openphm.analyses.catalogue.AnalysisInfo;
import org.openphm.analyses.catalogue.AnalysisTable;
import org.openphm.analyses.output.Percentages;
import org.openphm.engine.Result;
import org.openphm.engine.query.Expr;
import org.openphm.engine.query.GroupKey;
import org.openphm.engine.query.Named;
import org.openphm.engine.query.Query;
import org.openphm.model.CanonicalSchema;
import org.openphm.model.CodeSets;
import org.openphm.model.results.ChartSpec;

/**
 * DP 10.1 (and the listings of DP 6.9, 6.10): complaints, concerns, enquiries, compliments and information
 * requests received by the ICB over the last year, by type and by provider, KO41 theme and service type, and by
 * month. "The last year" is the 12 calendar months ending with the latest month in the register.
 */
public final class ComplaintsAndFeedback implements Analysis {

    public static final String ID = "dp-10.1-complaints-and-feedback";
    static final String NOT_RECORDED = "Not recorded";
    private static final String ALL = "(all)";

    /** The breakdowns, each a column of the feedback register. */
    enum Dimension {
        PROVIDER("Provider", "provider"),
        THEME("KO41 theme", "theme"),
        SERVICE_TYPE("Service type", "service_type");

        final String label;
        final String column;

        Dimension(String label, String column) {
            this.label = label;
            this.column = column;
        }
    }

    @Override
    public AnalysisInfo info() {
        return new AnalysisInfo(
                ID,
                "DP 10.1",
                "Complaints, concerns, enquiries, compliments and information requests (DP 6.9, 6.10, 10.1)",
                "Contacts received by the ICB in the 12 months to the latest month recorded, by type, and by "
                        + "provider, KO41 theme and service type within type; monthly counts.",
                "Counts of feedback records by received date. Themes recorded with different capitalisation "
                        + "('Access to service', 'access to service') are counted as one theme under their most "
                        + "frequent spelling. Empty provider, theme or service type = 'Not recorded'.",
                "feedback (ICB complaints and PALS log; DP 10.1 counts, DP 6.9/6.10 listings).",
                List.of(
                        "Counts are of contacts to the ICB only, not to providers, which receive most complaints: "
                                + "they are small and describe what reaches the commissioner.",
                        "Provider is the service named by the contact as recorded (a GP practice, a trust, or "
                                + "'Community services'); names are not standardised to ODS codes.",
                        "In the synthetic workspace the 28 contacts DP 6.9/6.10 list are as published; the other "
                                + "29 copy a listed contact of the same provider."),
                List.of(
                        ChartSpec.ofTable(
                                "ranked_table",
                                "Contacts by type, last 12 months",
                                null,
                                "by-type",
                                Map.of(),
                                Map.of("y", "contacts"),
                                "count"),
                        ChartSpec.ofTable(
                                "table",
                                "Contacts by provider within type",
                                null,
                                "by-dimension",
                                Map.of("dimension", Dimension.PROVIDER.label),
                                Map.of(),
                                null),
                        ChartSpec.ofTable(
                                "trend",
                                "Contacts by month",
                                null,
                                "by-month",
                                Map.of(),
                                Map.of("x", "month", "y", "contacts", "series", "type"),
                                "count")));
    }

    @Override
    public List<AnalysisTable> compute(AnalysisContext context) {
        Result latest = context.engine()
                .execute(
                        Query.from(CanonicalSchema.FEEDBACK).aggregate(List.of(), max("latest", col("received_date"))));
        LocalDate last = latest.size() == 0 ? null : latest.getDate(0, "latest");
        if (last == null) {
            return tables(List.of(), List.of(), List.of(), null, null);
        }
        LocalDate from = last.withDayOfMonth(1).minusMonths(11);
        LocalDate to = last.withDayOfMonth(last.lengthOfMonth());
        Query window = Query.from(CanonicalSchema.FEEDBACK)
                .where(Expr.and(
                        col("received_date").ge(lit(from)), col("received_date").le(lit(to))))
                .derive(new Named[] {
                    Named.as("provider", coalesce(col("provider"), lit(NOT_RECORDED))),
                    Named.as("theme", coalesce(col("theme"), lit(NOT_RECORDED))),
                    Named.as("service_type", coalesce(col("service_type"), lit(NOT_RECORDED))),
                    Named.as(
                            "month_key",
                            year(col("received_date")).times(lit(100L)).plus(month(col("received_date"))))
                });
        List<GroupKey> keys = List.of(
                GroupKey.of("type"),
                GroupKey.of("provider").totalAs(ALL),
                GroupKey.of("theme").totalAs(ALL),
                GroupKey.of("service_type").totalAs(ALL),
                GroupKey.of("month_key").totalAs(lit(-1L)));
        Result r = context.engine()
                .execute(window.aggregate(
                        keys,
                        List.of(
                                List.of("type"),
                                List.of("type", "provider"),
                                List.of("type", "theme"),
                                List.of("type", "service_type"),
                                List.of("type", "month_key")),
                        countRows("contacts")));

        Map<String, Long> byType = new LinkedHashMap<>();
        CodeSets.FEEDBACK_TYPE.codes().keySet().forEach(t -> byType.put(t, 0L));
        Map<Dimension, Map<String, Map<String, Long>>> byDimension = new LinkedHashMap<>();
        Map<String, Map<Long, Long>> byMonth = new LinkedHashMap<>();
        for (int i = 0; i < r.size(); i++) {
            String type = r.getString(i, "type");
            long n = Tables.asLong(r.get(i, "contacts"));
            long monthKey = r.getLong(i, "month_key");
            Dimension d = dimensionOf(r, i);
            if (d != null) {
                byDimension
                        .computeIfAbsent(d, k -> new LinkedHashMap<>())
                        .computeIfAbsent(type, k -> new LinkedHashMap<>())
                        .put(r.getString(i, d.column), n);
            } else if (monthKey >= 0) {
                byMonth.computeIfAbsent(type, k -> new LinkedHashMap<>()).put(monthKey, n);
            } else {
                byType.put(type, n);
            }
        }
        return tables(
                byTypeRows(byType, from, to),
                byDimensionRows(byType, byDimension),
                byMonthRows(byMonth, from),
                from,
                to);
    }

    private static Dimension dimensionOf(Result r, int i) {
        for (Dimension d : Dimension.values()) {
            if (!ALL.equals(r.getString(i, d.column))) {
                return d;
            }
        }
        return null;
    }

    private static List<List<Object>> byTypeRows(Map<String, Long> byType, LocalDate from, LocalDate to) {
        long total = byType.values().stream().mapToLong(Long::longValue).sum();
        List<List<Object>> rows = new ArrayList<>();
        byType.forEach((type, n) -> rows.add(Arrays.asList(
                type, CodeSets.FEEDBACK_TYPE.codes().get(type), n, Percentages.share(n, total), from, to)));
        return rows;
    }

    private static List<List<Object>> byDimensionRows(
            Map<String, Long> byType, Map<Dimension, Map<String, Map<String, Long>>> byDimension) {
        List<List<Object>> rows = new ArrayList<>();
        for (Dimension d : Dimension.values()) {
            for (String type : byType.keySet()) {
                Map<String, Long> values = byDimension.getOrDefault(d, Map.of()).getOrDefault(type, Map.of());
                Map<String, Long> merged = d == Dimension.THEME ? mergeCase(values) : values;
                List<Map.Entry<String, Long>> sorted = new ArrayList<>(merged.entrySet());
                sorted.sort(Map.Entry.<String, Long>comparingByValue()
                        .reversed()
                        .thenComparing(Map.Entry.comparingByKey()));
                for (int k = 0; k < sorted.size(); k++) {
                    Map.Entry<String, Long> e = sorted.get(k);
                    rows.add(Arrays.asList(
                            d.label,
                            type,
                            e.getKey(),
                            e.getValue(),
                            Percentages.share(e.getValue(), byType.get(type)),
                            (long) k + 1));
                }
            }
        }
        return rows;
    }

    /** Values equal but for case and surrounding space are one, under their most frequent spelling. */
    static Map<String, Long> mergeCase(Map<String, Long> values) {
        Map<String, Long> totals = new LinkedHashMap<>();
        Map<String, String> spelling = new HashMap<>();
        Map<String, Long> spellingCount = new HashMap<>();
        values.forEach((v, n) -> {
            String key = v.trim().toLowerCase(Locale.ROOT);
            totals.merge(key, n, Long::sum);
            if (n > spellingCount.getOrDefault(key, -1L)
                    || (n.equals(spellingCount.get(key)) && v.trim().compareTo(spelling.get(key)) < 0)) {
                spelling.put(key, v.trim());
                spellingCount.put(key, n);
            }
        });
        Map<String, Long> out = new LinkedHashMap<>();
        totals.forEach((k, n) -> out.put(spelling.get(k), n));
        return out;
    }

    private static List<List<Object>> byMonthRows(Map<String, Map<Long, Long>> byMonth, LocalDate from) {
        List<List<Object>> rows = new ArrayList<>();
        for (String type : CodeSets.FEEDBACK_TYPE.codes().keySet()) {
            for (int m = 0; m < 12; m++) {
                LocalDate month = from.plusMonths(m);
                long key = month.getYear() * 100L + month.getMonthValue();
                rows.add(Arrays.asList(
                        String.format("%d-%02d", month.getYear(), month.getMonthValue()),
                        type,
                        byMonth.getOrDefault(type, Map.of()).getOrDefault(key, 0L)));
            }
        }
        rows.sort(Comparator.comparing(r -> (String) r.get(0)));
        return rows;
    }

    private static List<AnalysisTable> tables(
            List<List<Object>> byType,
            List<List<Object>> byDimension,
            List<List<Object>> byMonth,
            LocalDate from,
            LocalDate to) {
        return List.of(
                Tables.table(
                        "by-type",
                        "Contacts by type in the 12 months to the latest month",
                        List.of(
                                text("type", "Contact type code"), text("type_name", "Contact type"),
                                count("contacts", "Contacts received"),
                                        AnalysisTable.Column.derived(
                                                "share_pct",
                                                "Share of all contacts, %",
                                                new AnalysisTable.ShareOfTotal("contacts", java.util.List.of(), 100)),
                                date("period_start", "First day of the 12 months"), date("period_end", "Last day")),
                        byType),
                Tables.table(
                        "by-dimension",
                        "Contacts by provider, theme and service type within type",
                        List.of(
                                text("dimension", "Provider, KO41 theme or Service type"),
                                text("type", "Contact type code"),
                                text("value", "Provider, theme or service type as recorded"),
                                count("contacts", "Contacts received"),
                                AnalysisTable.Column.derived(
                                        "share_of_type_pct",
                                        "Share of the type's contacts, %",
                                        new AnalysisTable.ShareOfTotal(
                                                "contacts", java.util.List.of("dimension", "type"), 100)),
                                integer("rank", "Rank within the type and dimension, 1 = most")),
                        byDimension),
                Tables.table(
                        "by-month",
                        "Contacts by month and type",
                        List.of(
                                text("month", "Month (yyyy-mm)"),
                                text("type", "Contact type code"),
                                count("contacts", "Contacts received")),
                        byMonth));
    }
}
