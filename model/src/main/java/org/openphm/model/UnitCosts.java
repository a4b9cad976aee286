package org.openphm.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Published NHS unit costs (the reference table {@code org/openphm/reference/unit_costs.csv}, sources in its
 * SOURCES.md and each row): the one place the synthetic population prices its spells, the data pack costs delayed
 * discharges and the impact model bounds the price of a bed day.
 */
public final class UnitCosts {
    private UnitCosts() {}

    /** One published cost, e.g. non_elective_episode_2016_17 = £1,590 per finished consultant episode. */
    public record Cost(String id, String description, double gbp, String unit, String period, String source) {}

    private static final Map<String, Cost> COSTS = load();

    /** The cost of this id; an unknown id is a programming error. */
    public static Cost of(String id) {
        Cost c = COSTS.get(id);
        if (c == null) {
            throw new IllegalArgumentException("unit_costs.csv has no cost " + id + " (costs: " + COSTS.keySet() + ")");
        }
        return c;
    }

    /** Its value in pounds. */
    public static double gbp(String id) {
        return of(id).gbp();
    }

    private static Map<String, Cost> load() {
        Map<String, Cost> costs = new LinkedHashMap<>();
        for (ReferenceCsv.Row r : ReferenceCsv.read(UnitCosts.class, "/org/openphm/reference/unit_costs.csv")) {
            costs.put(
                    r.get("cost_id"),
                    new Cost(
                            r.get("cost_id"),
                            r.get("description"),
                            r.number("value"),
                            r.get("unit"),
                            r.get("price_year_or_period"),
                            r.get("source")));
        }
        return Map.copyOf(costs);
    }
}
