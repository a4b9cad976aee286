package org.openphm.analyses.population;

import static org.openphm.engine.query.Measure.countRows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.openphm.analyses.catalogue.Analysis;
import org.openphm.analyses.catalogue.AnalysisContext;
import org.openphm.analyses.catalogue.AnalysisInfo;
import org.openphm.analyses.catalogue.AnalysisTable;
import org.openphm.analyses.indicator.Geography;
import org.openphm.analyses.indicator.PersonYears;
import org.openphm.analyses.indicator.RegisteredPopulation;
import org.openphm.analyses.output.Percentages;
import org.openphm.engine.Engine;
import org.openphm.engine.Result;
import org.openphm.engine.query.Query;
import org.openphm.model.AreaType;
import org.openphm.model.FinancialYear;
import org.openphm.model.ResultColumnType;
import org.openphm.model.results.ChartSpec;

/**
 * DP 1.2: the registered population at the end of the latest financial year (31 March 2025 in the DP) by area,
 * sex and five-year age band (the pyramid), its ethnic and deprivation make-up, the share aged 65 and over, and
 * its growth since the first year held (DP: +6.1% since the end of 2019/20).
 */
final class RegisteredPopulationProfile implements Analysis {

    static final String ID = "dp-1.2-registered-population";
    static final List<String> GRAIN =
            List.of("icb_code", "place_code", "neighbourhood_code", "sex", "age_band", "ethnic_group", "imd_quintile");

    @Override
    public AnalysisInfo info() {
        return new AnalysisInfo(
                ID,
                "DP 1.2",
                "Registered population",
                "People registered with a practice of the ICB and alive at the end of the financial year, by area "
                        + "(ICB, Place, neighbourhood), sex and five-year age band; the shares aged 65 and over, of "
                        + "each broad ethnic group, ethnicity not stated, and living in England's two most deprived "
                        + "IMD 2019 quintiles; and the registered population at the end of every year held.",
                "Counts on the reference date (31 March). A person belongs to the practice of the registration "
                        + "spell covering the date (the latest-starting one if spells overlap), so to its "
                        + "neighbourhood and Place; age in whole years on the date from the month of birth; "
                        + "deprivation from the IMD 2019 quintile of the LSOA of residence.",
                "patient, registration, practice, lsoa",
                List.of(
                        "Registered counts exceed resident counts (list inflation: people who have moved away or "
                                + "died elsewhere and are still on a list), as DP 1.3 notes.",
                        "Seed conflict: DP 1.2 says 34% of patients live in England's 40% most deprived areas; the "
                                + "Case for Change (Part D) says 47%. This analysis reports the share computed from "
                                + "the data and does not resolve the conflict.",
                        "Ethnicity 'Not stated' counts both codes Z/99 and no record."),
                List.of(
                        ChartSpec.ofTable(
                                "pyramid",
                                "Registered population by sex and age, ICB",
                                null,
                                "pyramid",
                                Map.of("area_type", AreaType.ICB.label(), "sex", "Female|Male"),
                                Map.of("category", "age_band", "series", "sex", "value", "people"),
                                "people"),
                        ChartSpec.ofTable(
                                "ranked_table",
                                "Share of the registered population aged 65 and over",
                                null,
                                "summary",
                                Map.of("area_type", AreaType.anyOf(AreaType.ICB, AreaType.PLACE)),
                                Map.of("x", "area_name", "y", "aged_65_plus_pct"),
                                "%"),
                        ChartSpec.ofTable(
                                "trend",
                                "Registered population at the end of each year",
                                null,
                                "growth",
                                Map.of("area_type", AreaType.anyOf(AreaType.ICB, AreaType.PLACE)),
                                Map.of("x", "period", "y", "people", "series", "area_name"),
                                "people")));
    }

    @Override
    public List<AnalysisTable> compute(AnalysisContext context) {
        Result latest = context.engine()
                .execute(RegisteredPopulation.at(context.latestYear().end()).aggregate(GRAIN, countRows("people")));
        Map<FinancialYear, Map<Geography.Area, Long>> byYear = new LinkedHashMap<>();
        for (List<FinancialYear> run : PersonYears.consecutiveRuns(context.years())) {
            areaTotals(context.engine(), context.geography(), run, byYear);
        }
        return tables(latest, byYear, context.geography(), context.latestYear());
    }

    /**
     * The registered population at the end of each year by area, counted for every year of a run in one query
     * ({@link PersonYears#counted}): the growth table needs only these totals, and the population of each 31 March kept
     * whole for them cost a second a year.
     */
    private static void areaTotals(
            Engine engine,
            Geography geography,
            List<FinancialYear> run,
            Map<FinancialYear, Map<Geography.Area, Long>> byYear) {
        Query q = PersonYears.counted(run, List.of("icb_code", "place_code", "neighbourhood_code"));
        Result r = engine.execute(q);
        for (FinancialYear y : run) {
            byYear.put(y, new LinkedHashMap<>());
        }
        for (int i = 0; i < r.size(); i++) {
            Map<Geography.Area, Long> totals =
                    byYear.get(run.get(r.getLong(i, PersonYears.YEAR).intValue()));
            for (Geography.Area a : AreaRollup.areas(
                    geography,
                    r.getString(i, "icb_code"),
                    r.getString(i, "place_code"),
                    r.getString(i, "neighbourhood_code"))) {
                totals.merge(a, r.getLong(i, "people"), Long::sum);
            }
        }
    }

    /** Per-area tallies of the latest year's grain. */
    private static final class Tally {
        final Map<String, Long> pyramid = new TreeMap<>(); // sex|band
        final Map<String, Long> ethnic = new TreeMap<>();
        final Map<String, Long> quintile = new TreeMap<>();
        long people;
        long aged65;
    }

    static List<AnalysisTable> tables(
            Result latest,
            Map<FinancialYear, Map<Geography.Area, Long>> byYear,
            Geography geography,
            FinancialYear year) {
        Map<Geography.Area, Tally> tallies = new LinkedHashMap<>();
        for (int i = 0; i < latest.size(); i++) {
            long n = latest.getLong(i, "people");
            String band = latest.getString(i, "age_band");
            for (Geography.Area a : AreaRollup.areas(
                    geography,
                    latest.getString(i, "icb_code"),
                    latest.getString(i, "place_code"),
                    latest.getString(i, "neighbourhood_code"))) {
                Tally t = tallies.computeIfAbsent(a, k -> new Tally());
                t.people += n;
                if (Integer.parseInt(band.split("[-+]")[0]) >= 65) {
                    t.aged65 += n;
                }
                t.pyramid.merge(latest.getString(i, "sex") + "|" + band, n, Long::sum);
                t.ethnic.merge(latest.getString(i, "ethnic_group"), n, Long::sum);
                t.quintile.merge(latest.getString(i, "imd_quintile"), n, Long::sum);
            }
        }
        List<Geography.Area> areas = new ArrayList<>(tallies.keySet());
        areas.sort(java.util.Comparator.comparing(Geography.Area::type).thenComparing(Geography.Area::code));
        List<List<Object>> pyramid = new ArrayList<>();
        List<List<Object>> summary = new ArrayList<>();
        List<List<Object>> ethnic = new ArrayList<>();
        List<List<Object>> deprivation = new ArrayList<>();
        for (Geography.Area a : areas) {
            Tally t = tallies.get(a);
            for (String band : bandOrder()) {
                for (String sex : List.of("F", "M", "U")) {
                    Long n = t.pyramid.get(sex + "|" + band);
                    if (n != null) {
                        pyramid.add(row(a, year.label(), sexLabel(sex), band, n));
                    }
                }
            }
            long deprived = t.quintile.getOrDefault("1", 0L) + t.quintile.getOrDefault("2", 0L);
            summary.add(row(
                    a,
                    year.label(),
                    t.people,
                    Percentages.share(t.aged65, t.people),
                    Percentages.share(t.ethnic.getOrDefault("White", 0L), t.people),
                    Percentages.share(t.ethnic.getOrDefault(org.openphm.model.EthnicGroups.NOT_STATED, 0L), t.people),
                    Percentages.share(deprived, t.people),
                    Percentages.share(t.quintile.getOrDefault(RegisteredPopulation.UNKNOWN_QUINTILE, 0L), t.people)));
            t.ethnic.forEach((g, n) -> ethnic.add(row(a, year.label(), g, n, Percentages.share(n, t.people))));
            t.quintile.forEach((q, n) -> deprivation.add(row(a, year.label(), q, n, Percentages.share(n, t.people))));
        }
        List<List<Object>> growth = new ArrayList<>();
        FinancialYear first = byYear.keySet().iterator().next();
        for (Geography.Area a : areas) {
            Long base = byYear.get(first).get(a);
            byYear.forEach((y, totals) -> {
                Long n = totals.get(a);
                if (n != null) {
                    growth.add(row(
                            a, y.label(), y.end(), n, base == null || base == 0 ? null : 100.0 * (n - base) / base));
                }
            });
        }
        return List.of(
                new AnalysisTable(
                        "pyramid",
                        "Registered population by sex and five-year age band",
                        columns(
                                col("period", ResultColumnType.STRING, "Financial year, counted at its end"),
                                col("sex", ResultColumnType.STRING, "Female, Male or Unknown"),
                                col("age_band", ResultColumnType.STRING, "Five-year age band (ESP2013)"),
                                col("people", ResultColumnType.COUNT, "Registered people")),
                        pyramid),
                new AnalysisTable(
                        "summary",
                        "Registered population and its make-up",
                        columns(
                                col("period", ResultColumnType.STRING, "Financial year, counted at its end"),
                                col("people", ResultColumnType.COUNT, "Registered people"),
                                col("aged_65_plus_pct", ResultColumnType.NUMBER, "% aged 65 and over"),
                                col("white_pct", ResultColumnType.NUMBER, "% of White ethnicity"),
                                col(
                                        "ethnicity_not_stated_pct",
                                        ResultColumnType.NUMBER,
                                        "% with ethnicity not stated or not recorded"),
                                col(
                                        "most_deprived_40_pct",
                                        ResultColumnType.NUMBER,
                                        "% living in England's two most deprived IMD quintiles"),
                                col(
                                        "deprivation_unknown_pct",
                                        ResultColumnType.NUMBER,
                                        "% whose LSOA has no IMD quintile")),
                        summary),
                new AnalysisTable(
                        "ethnicity",
                        "Registered population by broad ethnic group",
                        columns(
                                col("period", ResultColumnType.STRING, "Financial year"),
                                        col("ethnic_group", ResultColumnType.STRING, "Broad ethnic group"),
                                col("people", ResultColumnType.COUNT, "Registered people"),
                                        AnalysisTable.Column.derived(
                                                "pct",
                                                "% of the area",
                                                new AnalysisTable.ShareOfTotal(
                                                        "people",
                                                        java.util.List.of("area_type", "area_code", "period"),
                                                        100))),
                        ethnic),
                new AnalysisTable(
                        "deprivation",
                        "Registered population by IMD 2019 quintile",
                        columns(
                                col("period", ResultColumnType.STRING, "Financial year"),
                                col(
                                        "imd_quintile",
                                        ResultColumnType.STRING,
                                        "IMD 2019 quintile, 1 = most deprived fifth of England"),
                                col("people", ResultColumnType.COUNT, "Registered people"),
                                AnalysisTable.Column.derived(
                                        "pct",
                                        "% of the area",
                                        new AnalysisTable.ShareOfTotal(
                                                "people", java.util.List.of("area_type", "area_code", "period"), 100))),
                        deprivation),
                new AnalysisTable(
                        "growth",
                        "Registered population at the end of each financial year",
                        columns(
                                col("period", ResultColumnType.STRING, "Financial year"),
                                col("date", ResultColumnType.DATE, "Count date (31 March)"),
                                col("people", ResultColumnType.COUNT, "Registered people"),
                                col(
                                        "change_since_first_pct",
                                        ResultColumnType.NUMBER,
                                        "% change since the first year held")),
                        growth));
    }

    static List<String> bandOrder() {
        return RegisteredPopulation.ESP_BAND_STARTS.stream()
                .map(s -> s == 90 ? "90+" : s + "-" + (s + 4))
                .toList();
    }

    private static String sexLabel(String sex) {
        return switch (sex) {
            case "F" -> "Female";
            case "M" -> "Male";
            default -> "Unknown";
        };
    }

    private static List<Object> row(Geography.Area a, Object... values) {
        List<Object> r = new ArrayList<>(Arrays.asList(a.type().label(), a.code(), a.name()));
        r.addAll(Arrays.asList(values));
        return r;
    }

    private static AnalysisTable.Column col(String name, ResultColumnType type, String description) {
        return new AnalysisTable.Column(name, type, description);
    }

    private static List<AnalysisTable.Column> columns(AnalysisTable.Column... rest) {
        List<AnalysisTable.Column> c = new ArrayList<>(List.of(
                LifeExpectancyAnalysis.areaType(),
                LifeExpectancyAnalysis.areaCode(),
                LifeExpectancyAnalysis.areaName()));
        c.addAll(Arrays.asList(rest));
        return c;
    }
}
