package org.openphm.analyses.performance;

import static org.openphm.analyses.catalogue.AnalysisTable.Column.count;
import static org.openphm.analyses.catalogue.AnalysisTable.Column.number;
import static org.openphm.analyses.catalogue.AnalysisTable.Column.text;
import static org.openphm.analyses.output.Percentages.share;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.openphm.analyses.catalogue.Analysis;
import org.openphm.analyses.catalogue.AnalysisContext;
import org.openphm.analyses.catalogue.AnalysisInfo;
import org.openphm.analyses.catalogue.AnalysisTable;
import org.openphm.analyses.icb.IcbProfile;
import org.openphm.analyses.indicator.Geography;
import org.openphm.model.AreaType;
import org.openphm.model.FinancialYear;
import org.openphm.model.results.ChartSpec;
import org.openphm.stats.Proportions;

/**
 * DP 8.2 (CAMHS access: referrals and the share accepted, by Place and quarter) and DP 8.3 (referrals to one
 * provider's CAMHS, by year, against the pre-COVID year; for BLMK, CNWL's): two views of {@link CamhsReferrals}.
 * The provider is the ICB profile's camhs_provider ({@link IcbProfile}).
 */
public final class CamhsAccess implements Analysis {

    static final double CONFIDENCE = 0.95;

    /** The provider DP 8.3 reports on (its ODS code, name and the area it serves); null for DP 8.2. */
    private final IcbProfile.Provider provider;

    private CamhsAccess(IcbProfile.Provider provider) {
        this.provider = provider;
    }

    /** DP 8.2: every provider, by Place. */
    public static CamhsAccess byPlace() {
        return new CamhsAccess(null);
    }

    /**
     * DP 8.3: one provider's CAMHS only, the ICB profile's camhs_provider (for BLMK CNWL's, which "does not cover
     * the whole BLMK area"); empty when the profile names none.
     */
    public static java.util.Optional<CamhsAccess> oneProvider() {
        return java.util.Optional.ofNullable(IcbProfile.current().camhsProvider())
                .map(CamhsAccess::new);
    }

    /** The ODS code of the provider DP 8.3 reports on, null for DP 8.2. */
    public String providerCode() {
        return provider == null ? null : provider.code();
    }

    @Override
    public AnalysisInfo info() {
        List<String> caveats = new ArrayList<>(List.of(
                "CAMHS is read as MHSDS referrals of people under 18 on the referral date; the DP's 'external "
                        + "referrals via a Place footprint' (mostly from schools and health services) cannot be told "
                        + "apart from other routes in the canonical referral table.",
                "Referrals of people with no GP registration on the referral date belong to no Place and are not "
                        + "counted.",
                "Referrals with no acceptance recorded count as not accepted.",
                "MHSDS referrals with no team type recorded are included (a child's MH referral is CAMHS whatever "
                        + "the team)."));
        if (provider != null) {
            String name = provider.shortName();
            String icb = IcbProfile.current().shortName();
            caveats.add(name + "'s service only: 'This data is only for " + name + "'s CAMHS service and does not "
                    + "cover the whole " + icb + " area' (DP 8.3).");
            return new AnalysisInfo(
                    "dp-8.3-camhs-referrals",
                    "DP 8.3",
                    "Referrals to " + name + "'s CAMHS service",
                    "MHSDS referrals of children and young people (under 18) to " + name + " (" + provider.serves()
                            + ") by financial year and quarter, and each year against the first (pre-COVID) year.",
                    "Counted in the engine by provider, financial year and month; ratio to the first year in the "
                            + "workspace (2019/20 in " + icb + ", the last year before COVID-19).",
                    "Referrals (MHSDS; canonical table referral), GP registration (Place on the referral date).",
                    caveats,
                    List.of(ChartSpec.ofTable(
                            "trend",
                            "Referrals to " + name + "'s CAMHS by year",
                            null,
                            "by-year",
                            Map.of(),
                            Map.of("x", "year", "y", "referrals", "series", "area_name"),
                            "referrals")));
        }
        return new AnalysisInfo(
                "dp-8.2-camhs-access",
                "DP 8.2",
                "CAMHS access: referrals and acceptance by Place",
                "MHSDS referrals of children and young people (under 18) by the Place of their GP registration on the "
                        + "referral date, by financial quarter and year, and the percentage accepted by the service.",
                "Counted in the engine by Place, financial year and month; quarters and the ICB total summed in "
                        + "Java; % accepted with Wilson 95% confidence limits (statistics module).",
                "Referrals (MHSDS; canonical table referral, column accepted), GP registration and practice (Place).",
                caveats,
                List.of(
                        ChartSpec.ofTable(
                                "trend",
                                "CAMHS referrals accepted (%) by Place and quarter",
                                null,
                                "by-quarter",
                                Map.of(),
                                Map.of(
                                        "x",
                                        "quarter",
                                        "y",
                                        "accepted_pct",
                                        "series",
                                        "area_name",
                                        "lower",
                                        "lower_ci95",
                                        "upper",
                                        "upper_ci95"),
                                "%"),
                        ChartSpec.ofTable(
                                "trend",
                                "CAMHS referrals by Place and quarter",
                                null,
                                "by-quarter",
                                Map.of(),
                                Map.of("x", "quarter", "y", "referrals", "series", "area_name"),
                                "referrals"),
                        ChartSpec.ofTable(
                                "table",
                                "CAMHS referrals and acceptance by Place and year",
                                null,
                                "by-year",
                                Map.of(),
                                Map.of(),
                                null)));
    }

    @Override
    public List<AnalysisTable> compute(AnalysisContext context) {
        List<CamhsReferrals.Cell> cells = CamhsReferrals.count(context.engine(), context.years());
        if (provider != null) {
            cells = cells.stream()
                    .filter(c -> provider.code().equals(c.provider()))
                    .toList();
        }
        Geography geography = context.geography();
        // Each cell counts towards its Place and its ICB (DP 8.3: the provider).
        Function<CamhsReferrals.Cell, List<String[]>> areas = provider != null
                ? c -> List.<String[]>of(new String[] {c.provider(), Organisations.name(c.provider()), "Provider"})
                : c -> List.of(
                        new String[] {c.place(), name(geography, c.place()), AreaType.PLACE.label()},
                        new String[] {c.icb(), name(geography, c.icb()), AreaType.ICB.label()});
        Map<String, long[]> quarters = new TreeMap<>();
        Map<String, long[]> years = new TreeMap<>();
        Map<String, String[]> areaInfo = new TreeMap<>();
        for (CamhsReferrals.Cell c : cells) {
            for (String[] a : areas.apply(c)) {
                areaInfo.put(a[0], a);
                add(quarters, a[0] + "|" + c.year().label() + "|" + c.quarter(), c);
                add(years, a[0] + "|" + c.year().label(), c);
            }
        }
        List<List<Object>> byQuarter = new ArrayList<>();
        quarters.forEach((key, n) -> {
            String[] k = key.split("\\|");
            String[] a = areaInfo.get(k[0]);
            byQuarter.add(withRate(new ArrayList<>(Arrays.asList(a[0], a[1], a[2], k[1], k[1] + " Q" + k[2])), n));
        });
        List<List<Object>> byYear = new ArrayList<>();
        FinancialYear first = context.years().get(0);
        years.forEach((key, n) -> {
            String[] k = key.split("\\|");
            String[] a = areaInfo.get(k[0]);
            long[] base = years.get(k[0] + "|" + first.label());
            long[] previous =
                    years.get(k[0] + "|" + FinancialYear.parse(k[1]).previous().label());
            List<Object> row = withRate(new ArrayList<>(Arrays.asList(a[0], a[1], a[2], k[1])), n);
            row.add(previous == null || previous[0] == 0 ? null : 100.0 * (n[0] - previous[0]) / previous[0]);
            row.add(base == null || base[0] == 0 ? null : (double) n[0] / base[0]);
            row.add(base == null ? null : percentOf(n, base));
            byYear.add(row);
        });
        List<AnalysisTable.Column> common = List.of(
                text("area_code", "Place, ICB or provider code"),
                text("area_name", "Area name"),
                text("area_type", "Place, ICB or Provider"),
                text("year", "Financial year of referral"));
        List<AnalysisTable.Column> rates = List.of(
                count("referrals", "Referrals of under-18s"),
                count("accepted", "Of which accepted"),
                AnalysisTable.Column.derived(
                        "accepted_pct", "Percentage accepted", new AnalysisTable.Ratio("accepted", "referrals", 100)),
                AnalysisTable.Column.derived(
                        "lower_ci95",
                        "Wilson 95% lower limit",
                        new AnalysisTable.WilsonLimit("accepted", "referrals", 100, false)),
                AnalysisTable.Column.derived(
                        "upper_ci95",
                        "Wilson 95% upper limit",
                        new AnalysisTable.WilsonLimit("accepted", "referrals", 100, true)));
        List<AnalysisTable.Column> quarterColumns = new ArrayList<>(common);
        quarterColumns.add(text("quarter", "Financial year and quarter (Q1 = April-June)"));
        quarterColumns.addAll(rates);
        List<AnalysisTable.Column> yearColumns = new ArrayList<>(common);
        yearColumns.addAll(rates);
        yearColumns.add(number("change_pct", "Referrals: percentage change on the previous year"));
        yearColumns.add(number("ratio_to_first_year", "Referrals relative to " + first.label() + " (pre-COVID)"));
        yearColumns.add(number(
                "accepted_pct_change_from_first_year",
                "Percentage accepted minus that of " + first.label() + " (points)"));
        return List.of(
                new AnalysisTable("by-quarter", "CAMHS referrals and acceptance by quarter", quarterColumns, byQuarter),
                new AnalysisTable("by-year", "CAMHS referrals and acceptance by year", yearColumns, byYear));
    }

    private static void add(Map<String, long[]> sums, String key, CamhsReferrals.Cell c) {
        long[] n = sums.computeIfAbsent(key, k -> new long[2]);
        n[0] += c.referrals();
        n[1] += c.accepted();
    }

    private static List<Object> withRate(List<Object> row, long[] n) {
        row.add(n[0]);
        row.add(n[1]);
        row.add(share(n[1], n[0]));
        row.add(n[0] == 0 ? null : 100 * Proportions.wilsonLower(n[1], n[0], CONFIDENCE));
        row.add(n[0] == 0 ? null : 100 * Proportions.wilsonUpper(n[1], n[0], CONFIDENCE));
        return row;
    }

    private static Double percentOf(long[] n, long[] base) {
        Double now = share(n[1], n[0]);
        Double then = share(base[1], base[0]);
        return now == null || then == null ? null : now - then;
    }

    private static String name(Geography geography, String code) {
        return geography.names().getOrDefault(code, code);
    }
}
