package org.openphm.analyses.population;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import org.openphm.analyses.indicator.RegisteredPopulation;
import org.openphm.model.Totals;

/**
 * The age groups the data pack states projected growth for (DP 2.2, 2.3: all ages, under-20s, 30-39, 65+, 80+),
 * then every five-year band, as predicates on a band's youngest age.
 */
final class AgeGroups {
    private AgeGroups() {}

    static final String SUMMARY = "Summary";
    static final String BAND = "Five-year band";

    record Group(String label, String kind, IntPredicate containsBandStart) {}

    static List<Group> all() {
        Map<String, IntPredicate> summary = new LinkedHashMap<>();
        summary.put(Totals.ALL_AGES, a -> true);
        summary.put("0-19", a -> a < 20);
        summary.put("30-39", a -> a >= 30 && a < 40);
        summary.put("65+", a -> a >= 65);
        summary.put("80+", a -> a >= 80);
        List<Group> out = new ArrayList<>();
        summary.forEach((label, p) -> out.add(new Group(label, SUMMARY, p)));
        for (int start : RegisteredPopulation.ESP_BAND_STARTS) {
            out.add(new Group(start == 90 ? "90+" : start + "-" + (start + 4), BAND, a -> a == start));
        }
        return out;
    }
}
