package org.openphm.analyses.resources;

import static org.openphm.analyses.catalogue.AnalysisTable.Column.count;
import static org.openphm.analyses.catalogue.AnalysisTable.Column.text;
import static org.openphm.engine.query.Expr.coalesce;
import static org.openphm.engine.query.Expr.col;
import static org.openphm.engine.query.Expr.lit;
import static org.openphm.engine.query.Measure.countRows;
import static org.openphm.model.Totals.ALL;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.openphm.analyses.catalogue.Analysis;
import org.openphm.analyses.catalogue.AnalysisContext;
import org.openphm.analyses.catalogue.AnalysisInfo;
import org.openphm.analyses.catalogue.AnalysisTable;
import org.openphm.analyses.icb.IcbProfile;
import org.openphm.analyses.indicator.Geography;
import org.openphm.analyses.indicator.RegisteredPopulation;
import org.openphm.engine.Result;
import org.openphm.engine.query.GroupKey;
import org.openphm.model.AreaType;
import org.openphm.model.EthnicGroups;
import org.openphm.model.ResultColumnType;
import org.openphm.model.results.ChartSpec;
import org.openphm.stats.Estimate;
import org.openphm.stats.Proportions;

/**
 * DP 12.6: the ethnicity of the workforce against the population it serves. BME = every stated group other than
 * White, as the DP uses it; shares are of everybody (not stated included), so workforce and population are
 * measured alike. The registered population at the census date stands for the population served, by Place.
 */
public final class WorkforceEthnicity implements Analysis {

    public static final String ID = "dp-12.6-workforce-ethnicity";
    static final String WHITE = "White";
    static final String BME = "BME";

    @Override
    public AnalysisInfo info() {
        return new AnalysisInfo(
                ID,
                "DP 12.6",
                "Workforce ethnicity against the population served (DP 12.6)",
                "Share of staff in post at the census, and of the registered population on the same date, in each "
                        + "broad ethnic group and BME (every stated group other than White), with Wilson 95% limits. "
                        + "Population shares are given for the ICB and each Place.",
                "Two grouped scans (workforce; registered population by Place); Wilson score intervals from the stats "
                        + "module. A workforce share whose 95% interval excludes the population share differs "
                        + "significantly.",
                "workforce (ESR); registered population (GP registrations and patient ethnicity)",
                // the census comparison the ICB's data pack makes is the ICB profile's note (its Places' figures)
                IcbProfile.current()
                        .caveats(
                                List.of("Conflict kept visible: DP 12.3's infographic gives 85% White / 15% BME, DP "
                                        + "12.6 and the Case for Change 60% White / 38% BME; the figures here are "
                                        + "what the extract holds."),
                                "workforce_ethnicity_census",
                                List.of("Staff are not resident-matched: the workforce serves, but does not "
                                        + "necessarily live in, the ICB.")),
                // Each Place's population is a bar; the workforce and the ICB's population, which the Places
                // make up, are the reference lines a Place is read against.
                List.of(ChartSpec.ofTable(
                        "bar_ci",
                        "BME share of the registered population by Place, against " + "the workforce and the ICB",
                        "% with 95% CI",
                        "comparison",
                        Map.of("group", BME),
                        Map.of("x", "label", "y", "share_pct", "lower", "lower_95", "upper", "upper_95"),
                        "%")));
    }

    @Override
    public List<AnalysisTable> compute(AnalysisContext context) {
        LocalDate census = StaffInPost.census(context);
        Result staff = context.engine()
                .execute(StaffInPost.at(census)
                        .derive("group", coalesce(col("ethnic_group"), lit(EthnicGroups.NOT_STATED)))
                        .aggregate(List.of("group"), countRows("people")));
        Result people = context.engine()
                .execute(RegisteredPopulation.at(census)
                        .aggregate(
                                List.of(GroupKey.of("place_code").totalAs(ALL), GroupKey.of("ethnic_group")),
                                List.of(List.of("place_code", "ethnic_group"), List.of("ethnic_group")),
                                countRows("people")));
        List<List<Object>> rows = new ArrayList<>();
        Geography geography = context.geography();
        Geography.Area icb = geography.areas(AreaType.ICB).stream().findFirst().orElse(null);
        String icbName = icb == null ? "ICB" : icb.name();
        addShares(rows, "Workforce", AreaType.ICB.label(), ALL, icbName, "Workforce", counts(staff, "group"));
        Map<String, Map<String, Long>> byArea = new TreeMap<>();
        for (Map<String, Object> m : people.asMaps()) {
            byArea.computeIfAbsent((String) m.get("place_code"), a -> new TreeMap<>())
                    .put((String) m.get("ethnic_group"), (Long) m.get("people"));
        }
        byArea.forEach((area, counts) -> {
            boolean whole = ALL.equals(area);
            Geography.Area place = whole ? null : geography.area(area);
            String name = whole ? icbName : place == null ? area : place.name();
            addShares(
                    rows,
                    "Registered population",
                    whole ? AreaType.ICB.label() : AreaType.PLACE.label(),
                    area,
                    name,
                    whole ? "Registered population, ICB" : name,
                    counts);
        });
        return List.of(new AnalysisTable(
                "comparison",
                "Ethnic group shares: workforce and registered population",
                List.of(
                        new AnalysisTable.Column("census_date", ResultColumnType.DATE, "Census date"),
                        text("population", "Workforce or Registered population"),
                        text("area_type", "ICB (the workforce, the whole population) or Place"),
                        text("area_code", "All (ICB) or Place code"),
                        text("area_name", "ICB or Place name"),
                        text("label", "What the row is: Workforce, the ICB's registered population or a Place's"),
                        text("group", "Broad ethnic group, or BME"),
                        count("people", "Headcount"),
                        count("total", "Everybody (not stated included)"),
                        AnalysisTable.Column.derived(
                                "share_pct", "% of everybody", new AnalysisTable.Ratio("people", "total", 100)),
                        AnalysisTable.Column.derived(
                                "lower_95",
                                "Wilson 95% lower limit",
                                new AnalysisTable.WilsonLimit("people", "total", 100, false)),
                        AnalysisTable.Column.derived(
                                "upper_95",
                                "Wilson 95% upper limit",
                                new AnalysisTable.WilsonLimit("people", "total", 100, true))),
                rows.stream()
                        .map(r -> {
                            List<Object> withDate = new ArrayList<>();
                            withDate.add(census);
                            withDate.addAll(r);
                            return (List<Object>) withDate;
                        })
                        .toList()));
    }

    private static Map<String, Long> counts(Result r, String column) {
        Map<String, Long> out = new TreeMap<>();
        for (Map<String, Object> m : r.asMaps()) {
            out.merge((String) m.get(column), (Long) m.get("people"), Long::sum);
        }
        return out;
    }

    /** One row per group present plus a BME row (stated groups other than White). */
    static void addShares(
            List<List<Object>> rows,
            String population,
            String areaType,
            String area,
            String areaName,
            String label,
            Map<String, Long> counts) {
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        long bme = counts.entrySet().stream()
                .filter(e -> !e.getKey().equals(WHITE) && !e.getKey().equals(EthnicGroups.NOT_STATED))
                .mapToLong(Map.Entry::getValue)
                .sum();
        Map<String, Long> all = new java.util.LinkedHashMap<>(counts);
        all.put(BME, bme);
        all.forEach((group, n) -> {
            Estimate e = total == 0 ? null : Proportions.proportion(n, total, 100, 0.95);
            rows.add(Arrays.asList(
                    population,
                    areaType,
                    area,
                    areaName,
                    label,
                    group,
                    n,
                    total,
                    // shares and their limits unrounded, as every published percentage (output.Percentages)
                    e == null ? null : e.value(),
                    e == null ? null : e.lower(),
                    e == null ? null : e.upper()));
        });
    }
}
