package org.openphm.analyses.conditions;

import static org.openphm.analyses.conditions.Columns.*;
import static org.openphm.analyses.output.Percentages.share;
import static org.openphm.engine.query.Expr.*;
import static org.openphm.engine.query.Measure.countRows;

import java.time.LocalDate;
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
import org.openphm.analyses.indicator.Geography;
import org.openphm.analyses.indicator.RegisteredPopulation;
import org.openphm.engine.Engine;
import org.openphm.engine.Result;
import org.openphm.engine.query.GroupKey;
import org.openphm.engine.query.Query;
import org.openphm.model.AreaType;
import org.openphm.model.Totals;
import org.openphm.model.results.ChartSpec;

/**
 * DP 3.11 "multimorbidity is much more common in older patients": registered people by the number of the
 * multimorbidity conditions they have (0, 1, 2, 3, 4+), by age group and deprivation quintile, for the ICB,
 * Places and neighbourhoods. The conditions are counted per person in the engine; one grouped scan gives every
 * area, age group and quintile.
 */
public final class MultimorbidityCounts implements Analysis {

    public static final String ID = "dp-3.11-multimorbidity-counts";
    static final Integer[] AGE_GROUP_STARTS = {0, 18, 40, 55, 65, 75, 85};
    static final List<String> BUCKETS = List.of("0", "1", "2", "3", "4+");

    private final AreaGrouping areas = AreaGrouping.icbPlaceNeighbourhood();

    @Override
    public AnalysisInfo info() {
        return new AnalysisInfo(
                ID,
                "DP 3.11",
                "Multimorbidity: people by number of conditions",
                "Registered people by how many of the " + MultimorbidityConditions.ALL.size() + " multimorbidity "
                        + "conditions of DP 3.7/3.11 they have on the reference date: 0, 1, 2, 3, 4 or more.",
                "Registers on the last day of the latest financial year (diagnosed by then, not resolved), counted per "
                        + "person and joined to the registered population; percent = share of the cell's registered "
                        + "people (area x age group x deprivation quintile).",
                ComorbidityMatrix.SOURCE,
                List.of(
                        "Only the conditions of the data pack's multimorbidity pages are "
                                + "counted (" + String.join(", ", MultimorbidityConditions.ids())
                                + "); other registers "
                                + "(asthma, obesity, ...) are not.",
                        "Not age-standardised; quintile rows are all ages."),
                List.of(ChartSpec.ofTable(
                        "table",
                        "People with 2 or more conditions by age group",
                        IcbProfile.current().icbLabel() + ", all deprivation quintiles",
                        "counts",
                        Map.of("area_type", AreaType.ICB.label(), "imd_quintile", Totals.ALL),
                        Map.of(),
                        "%")));
    }

    @Override
    public List<AnalysisTable> compute(AnalysisContext context) {
        return List.of(table(
                context.geography(),
                count(context.engine(), context.latestYear().end())));
    }

    Map<String, Long> count(Engine engine, LocalDate ref) {
        Query perPerson = ConditionRegisters.on(ref, MultimorbidityConditions.ids())
                .aggregate(List.of("person_id"), countRows("conditions"));
        Query people =
                RegisteredPopulation.at(ref).leftJoin(perPerson, "person_id").derive(ageBandNamed(), bucketNamed());
        List<GroupKey> breakdowns = List.of(
                GroupKey.of("age_group").totalAs(Totals.ALL_AGES),
                GroupKey.of("imd_quintile").totalAs(Totals.ALL));
        List<List<String>> combinations =
                List.of(List.of(), List.of("age_group"), List.of("imd_quintile"), List.of("age_group", "imd_quintile"));
        Result r = engine.execute(people.aggregate(
                areas.keys(breakdowns, List.of("bucket")),
                areas.sets(combinations, List.of("bucket")),
                countRows("people")));
        Map<String, Long> counts = new HashMap<>();
        for (int i = 0; i < r.size(); i++) {
            counts.put(
                    key(
                            areas.areaOf(r, i),
                            r.getString(i, "age_group"),
                            r.getString(i, "imd_quintile"),
                            r.getString(i, "bucket")),
                    r.getLong(i, "people"));
        }
        return counts;
    }

    private static org.openphm.engine.query.Named ageBandNamed() {
        return org.openphm.engine.query.Named.as("age_group", ageBand(col("age"), AGE_GROUP_STARTS));
    }

    private static org.openphm.engine.query.Named bucketNamed() {
        var n = coalesce(col("conditions"), lit(0L));
        return org.openphm.engine.query.Named.as(
                "bucket", when(n.ge(lit(4L)), lit("4+")).otherwise(cast(n, org.openphm.engine.query.ValueType.STRING)));
    }

    static String key(String area, String age, String quintile, String bucket) {
        return area + "|" + age + "|" + quintile + "|" + bucket;
    }

    AnalysisTable table(Geography geography, Map<String, Long> counts) {
        Map<String, Long> cellTotals = new java.util.TreeMap<>();
        counts.forEach((k, v) -> cellTotals.merge(k.substring(0, k.lastIndexOf('|')), v, Long::sum));
        List<List<Object>> rows = new ArrayList<>();
        cellTotals.forEach((cell, total) -> {
            String[] k = cell.split("\\|", 3);
            Geography.Area area = geography.area(k[0]);
            long twoOrMore = 0;
            for (String b : BUCKETS) {
                long people = counts.getOrDefault(cell + "|" + b, 0L);
                if (!b.equals("0") && !b.equals("1")) {
                    twoOrMore += people;
                }
                rows.add(Arrays.asList(
                        area.code(),
                        area.name(),
                        area.type().label(),
                        k[1],
                        k[2],
                        b,
                        people,
                        total,
                        share(people, total)));
            }
            rows.add(Arrays.asList(
                    area.code(),
                    area.name(),
                    area.type().label(),
                    k[1],
                    k[2],
                    "2+",
                    twoOrMore,
                    total,
                    share(twoOrMore, total)));
        });
        return new AnalysisTable(
                "counts",
                "Registered people by number of conditions",
                List.of(
                        text("area_code", "ICB, Place or neighbourhood code"),
                        text("area_name", "Area name"),
                        text("area_type", "ICB, Place or Neighbourhood"),
                        text("age_group", "All ages or an age group"),
                        text("imd_quintile", "IMD 2019 quintile (1 = most deprived), Unknown, or All"),
                        text("conditions", "Number of conditions: 0, 1, 2, 3, 4+, and 2+ (multimorbidity)"),
                        AnalysisTable.Column.count("people", "Registered people with that many conditions"),
                        AnalysisTable.Column.count(
                                "registered", "Registered people in the area, age group and quintile"),
                        AnalysisTable.Column.derived(
                                "percent",
                                "people as a percentage of registered",
                                new AnalysisTable.Ratio("people", "registered", 100))),
                rows);
    }
}
