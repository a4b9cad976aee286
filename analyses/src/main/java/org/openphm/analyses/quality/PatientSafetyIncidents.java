package org.openphm.analyses.quality;

import static org.openphm.analyses.catalogue.AnalysisTable.Column.integer;
import static org.openphm.analyses.catalogue.AnalysisTable.Column.number;
import static org.openphm.analyses.catalogue.AnalysisTable.Column.text;
import static org.openphm.engine.query.Expr.col;
import static org.openphm.engine.query.Measure.sum;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openphm.analyses.catalogue.Analysis;
import org.openphm.analyses.catalogue.AnalysisContext;
import org.openphm.analyses.catalogue.AnalysisInfo;
import org.openphm.analyses.catalogue.AnalysisTable;
import org.openphm.analyses.icb.IcbProfile;
import org.openphm.analyses.output.Percentages;
import org.openphm.engine.Result;
import org.openphm.engine.query.Query;
import org.openphm.engine.query.SortKey;
import org.openphm.model.CanonicalSchema;
import org.openphm.model.FinancialYear;
import org.openphm.model.results.ChartSpec;

/**
 * DP 6.3-6.6: patient safety incidents and PSIRF priority themes by provider and year, the themes ranked within
 * each provider's latest year (DP 6.3's "top themes"), and the themes across providers (DP 6.6's system themes).
 */
public final class PatientSafetyIncidents implements Analysis {

    public static final String ID = "dp-6.3-patient-safety-incidents";
    /** How the incident feed marks a PSIRF priority theme, as distinct from a published incident category. */
    static final String THEME_PREFIX = "PSIRF theme: ";

    @Override
    public AnalysisInfo info() {
        return new AnalysisInfo(
                ID,
                "DP 6.3",
                "Patient safety incidents and PSIRF themes by provider and year (DP 6.3-6.6)",
                "Patient safety incidents and reviews by provider, financial year and category or PSIRF priority "
                        + "theme, with the change on the previous year; themes ranked within each provider's latest "
                        + "year and summed across providers.",
                "Sums of the incident register's counts. A category starting 'PSIRF theme: ' is a priority theme of "
                        + "the provider's Patient Safety Incident Response Plan; others are incident or review "
                        + "categories as the provider publishes them (e.g. never events, PSIIs).",
                "incident (the providers' published incident profiles and PSIRF priority themes; DP 6.3-6.5).",
                // a provider's own reporting year is the ICB profile's note
                IcbProfile.current()
                        .caveats(
                                List.of("Categories are the providers' own and differ between them: counts are not "
                                        + "comparable across providers, and a provider-year total adds reviews of "
                                        + "different kinds."),
                                "incident_years",
                                List.of("The DP publishes no counts for the PSIRF themes: in the synthetic workspace "
                                        + "they are generated (plausible, not published).")),
                List.of(
                        ChartSpec.ofTable(
                                "trend",
                                "Incidents and reviews by provider",
                                "All categories",
                                "by-provider",
                                Map.of(),
                                Map.of("x", "year", "y", "incidents", "series", "provider"),
                                "count"),
                        ChartSpec.ofTable(
                                "ranked_table",
                                "PSIRF themes across providers, latest year",
                                null,
                                "system-themes",
                                Map.of(),
                                Map.of("y", "incidents"),
                                "count")));
    }

    record Count(String provider, String year, String category, long incidents) {}

    @Override
    public List<AnalysisTable> compute(AnalysisContext context) {
        Result r = context.engine()
                .execute(Query.from(CanonicalSchema.INCIDENT)
                        .aggregate(List.of("provider", "year", "category"), sum("incidents", col("count")))
                        .orderBy(SortKey.asc("provider"), SortKey.asc("year"), SortKey.asc("category")));
        List<Count> counts = new ArrayList<>();
        for (int i = 0; i < r.size(); i++) {
            counts.add(new Count(
                    r.getString(i, "provider"),
                    r.getString(i, "year"),
                    r.getString(i, "category"),
                    Tables.asLong(r.get(i, "incidents"))));
        }
        return List.of(byCategory(counts), byProvider(counts), systemThemes(counts));
    }

    private static AnalysisTable byCategory(List<Count> counts) {
        Map<List<String>, Long> index = new HashMap<>();
        Map<String, String> latestYear = new HashMap<>();
        for (Count c : counts) {
            index.put(List.of(c.provider(), c.year(), c.category()), c.incidents());
            latestYear.merge(c.provider(), c.year(), (a, b) -> a.compareTo(b) >= 0 ? a : b);
        }
        Map<List<String>, Long> rank = new HashMap<>();
        counts.stream()
                .filter(c -> c.year().equals(latestYear.get(c.provider())))
                .collect(java.util.stream.Collectors.groupingBy(Count::provider))
                .forEach((p, list) -> rankInto(list, rank));
        List<List<Object>> rows = new ArrayList<>();
        for (Count c : counts) {
            Long before = index.get(List.of(c.provider(), previous(c.year()), c.category()));
            rows.add(Arrays.asList(
                    c.provider(),
                    c.year(),
                    kind(c.category()),
                    name(c.category()),
                    c.incidents(),
                    before,
                    Percentages.change(c.incidents(), before),
                    rank.get(List.of(c.provider(), c.year(), c.category()))));
        }
        return Tables.table(
                "by-category",
                "Incidents by provider, year and category or theme",
                List.of(
                        text("provider", "Provider"),
                        text("year", "Financial year"),
                        text("kind", "PSIRF priority theme or incident category"),
                        text("category", "Category or theme"),
                        integer("incidents", "Incidents or reviews"),
                        integer("previous_year", "The year before"),
                        number("change_pct", "Change on the year before, %"),
                        integer(
                                "rank_in_latest_year",
                                "Rank within the provider's latest year, 1 = most; empty for earlier years")),
                rows);
    }

    private static void rankInto(List<Count> list, Map<List<String>, Long> rank) {
        List<Count> sorted = new ArrayList<>(list);
        sorted.sort(Comparator.comparingLong(Count::incidents).reversed().thenComparing(Count::category));
        for (int i = 0; i < sorted.size(); i++) {
            Count c = sorted.get(i);
            rank.put(List.of(c.provider(), c.year(), c.category()), (long) i + 1);
        }
    }

    private static AnalysisTable byProvider(List<Count> counts) {
        Map<List<String>, Long> totals = new LinkedHashMap<>();
        counts.forEach(c -> totals.merge(List.of(c.provider(), c.year()), c.incidents(), Long::sum));
        List<List<Object>> rows = new ArrayList<>();
        totals.forEach((k, n) -> {
            Long before = totals.get(List.of(k.get(0), previous(k.get(1))));
            rows.add(Arrays.asList(k.get(0), k.get(1), n, before, Percentages.change(n, before)));
        });
        return Tables.table(
                "by-provider",
                "Incidents and reviews by provider and year, all categories",
                List.of(
                        text("provider", "Provider"),
                        text("year", "Financial year"),
                        integer("incidents", "All categories"),
                        integer("previous_year", "The year before"),
                        number("change_pct", "Change on the year before, %")),
                rows);
    }

    /** DP 6.6: the themes across providers in the latest year of the register, with how many providers share each. */
    private static AnalysisTable systemThemes(List<Count> counts) {
        String latest = counts.stream().map(Count::year).max(String::compareTo).orElse(null);
        Map<String, long[]> themes = new LinkedHashMap<>();
        counts.stream()
                .filter(c -> c.year().equals(latest) && c.category().startsWith(THEME_PREFIX))
                .forEach(c -> {
                    long[] t = themes.computeIfAbsent(name(c.category()), k -> new long[2]);
                    t[0] += c.incidents();
                    t[1]++;
                });
        List<List<Object>> rows = new ArrayList<>();
        themes.entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]))
                .forEach(e -> rows.add(Arrays.asList(latest, e.getKey(), e.getValue()[0], e.getValue()[1])));
        return Tables.table(
                "system-themes",
                "PSIRF priority themes across providers, latest year",
                List.of(
                        text("year", "Financial year"), text("theme", "PSIRF priority theme"),
                        integer("incidents", "Incidents across providers"),
                                integer("providers", "Providers with the theme")),
                rows);
    }

    static String kind(String category) {
        return category.startsWith(THEME_PREFIX) ? "PSIRF priority theme" : "Incident category";
    }

    static String name(String category) {
        return category.startsWith(THEME_PREFIX) ? category.substring(THEME_PREFIX.length()) : category;
    }

    private static String previous(String year) {
        return FinancialYear.parse(year).previous().label();
    }
}
