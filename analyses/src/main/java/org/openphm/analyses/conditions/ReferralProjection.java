package org.openphm.analyses.conditions;

import static org.openphm.engine.query.Expr.*;
import static org.openphm.engine.query.Measure.countRows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.openphm.analyses.indicator.EventAttribution;
import org.openphm.analyses.indicator.Geography;
import org.openphm.analyses.projection.DemographicProjection;
import org.openphm.analyses.projection.PopulationGrowth;
import org.openphm.analyses.projection.ProjectionCell;
import org.openphm.engine.Engine;
import org.openphm.engine.Result;
import org.openphm.engine.query.Named;
import org.openphm.engine.query.Query;
import org.openphm.model.CanonicalSchema;
import org.openphm.model.FinancialYear;

/**
 * Referrals by service projected forward (DP 4.6-4.10): the base year's referrals per registered person in each
 * Place × sex × age band (the person's Place and age on the day of referral), times the cell's projected
 * population, summed. Referrals with no service recorded are projected as their own row ("N/A", DP 4.7/4.9)
 * rather than dropped.
 *
 * @param dataset CSDS (community, DP 4.7) or MHSDS (mental health, DP 4.9)
 * @param minAge  18 for DP 4.7's adults, 0 for DP 4.9's all ages
 */
record ReferralProjection(String dataset, int minAge, FinancialYear base) {

    static final String NOT_RECORDED = "N/A";

    /** Projected referrals: service → area code → projection year → referrals; plus what could not be rated. */
    record Projected(Map<String, Map<String, Map<Integer, Double>>> projected, double unrated, List<Integer> years) {}

    Query referrals() {
        Query base = Query.from(CanonicalSchema.REFERRAL)
                .where(and(
                        col("dataset").eq(dataset),
                        col("referral_date").ge(lit(this.base.start())),
                        col("referral_date").le(lit(this.base.end()))))
                .select(
                        Named.as("referral_id", col("referral_id")),
                        Named.as("person_id", col("person_id")),
                        Named.as("referral_date", col("referral_date")),
                        Named.as("service", coalesce(col("service"), lit(NOT_RECORDED))));
        return EventAttribution.at(base, "referral_id", "referral_date")
                .where(col("age").ge(lit((long) minAge)))
                .aggregate(List.of("service", "place_code", "sex", "age_band"), countRows("referrals"));
    }

    Projected compute(Engine engine, Geography geography) {
        Result r = engine.execute(referrals());
        Map<String, Map<ProjectionCell, Double>> byService = new TreeMap<>();
        for (int i = 0; i < r.size(); i++) {
            byService
                    .computeIfAbsent(r.getString(i, "service"), s -> new HashMap<>())
                    .put(
                            new ProjectionCell(
                                    r.getString(i, "place_code"), r.getString(i, "sex"), r.getString(i, "age_band")),
                            r.getLong(i, "referrals").doubleValue());
        }
        Map<ProjectionCell, Double> population = DemographicProjection.registeredCells(engine, base.end());
        DemographicProjection projection =
                DemographicProjection.of(population, PopulationGrowth.load(engine, DemographicProjection.yearOf(base)));
        List<Integer> years = projection.growth().years();
        Map<String, Map<String, Map<Integer, Double>>> out = new TreeMap<>();
        double unrated = 0;
        for (var e : byService.entrySet()) {
            Map<ProjectionCell, Double> rates = DemographicProjection.rates(e.getValue(), population);
            unrated += DemographicProjection.unratedEvents(e.getValue(), population);
            Map<String, Map<Integer, Double>> byArea = new TreeMap<>();
            for (int year : years) {
                ProjectionAreas.totals(projection.expected(rates, year), geography)
                        .forEach((area, v) -> byArea.computeIfAbsent(area, a -> new TreeMap<>())
                                .put(year, v));
            }
            out.put(e.getKey(), byArea);
        }
        return new Projected(out, unrated, years);
    }

    /** Services in the order the data pack lists them: recorded services by name, N/A last. */
    static List<String> ordered(java.util.Set<String> services) {
        TreeSet<String> recorded = new TreeSet<>(services);
        recorded.remove(NOT_RECORDED);
        List<String> out = new java.util.ArrayList<>(recorded);
        if (services.contains(NOT_RECORDED)) {
            out.add(NOT_RECORDED);
        }
        return out;
    }
}
