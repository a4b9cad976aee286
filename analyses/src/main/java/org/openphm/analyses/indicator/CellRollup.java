package org.openphm.analyses.indicator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openphm.engine.query.GroupKey;

/**
 * Files counts aggregated at the finest grain — practice × sex × ethnic group × deprivation quintile × age
 * band — into every area level and breakdown. The engine does one plain GROUP BY over patients (its size
 * bounded by the cross-product of those codes, not by the population); rolling the small result up in Java
 * replaces a score of grouping sets, which cost DuckDB one hash table each.
 *
 * <p>Breakdowns are filed for the ICB, Places and neighbourhoods; PCNs and practices get the headline and the
 * ESP age bands only (their breakdown cells would nearly all be disclosure-suppressed).
 */
public final class CellRollup {

    /** The group-by columns of a fine-grain count over RegisteredPopulation. */
    public static final List<String> FINE_KEYS = List.of("practice_code", "sex", "ethnic_group", "imd_quintile",
            "age_band");

    /** Area levels whose cells are broken down by sex, ethnic group, deprivation and age band. */
    public static final List<AreaType> BROKEN_DOWN = List.of(AreaType.ICB, AreaType.PLACE, AreaType.NEIGHBOURHOOD);

    private final Geography geography;
    private final List<Breakdown> breakdowns;
    private final Map<String, List<Geography.Area>> ancestry = new HashMap<>();

    public CellRollup(Geography geography, List<Breakdown> breakdowns) {
        this.geography = geography;
        this.breakdowns = List.copyOf(breakdowns);
    }

    public static List<GroupKey> keys() {
        return FINE_KEYS.stream().map(GroupKey::of).toList();
    }

    /**
     * Adds one fine-grain row's counts to every cell it belongs to.
     *
     * @param values the row's FINE_KEYS values, in order
     */
    public void file(Map<CellKey, AgeBandCounts> cells, String indicatorId, String period, List<Object> values,
                     double numerator, double denominator) {
        String practice = (String) values.get(0);
        String ageBand = (String) values.get(4);
        if (ageBand == null) {
            return;
        }
        int band = AgeBandCounts.bandOf(ageBand);
        for (Geography.Area area : areasOf(practice)) {
            add(cells, new CellKey(indicatorId, area.code(), area.type(), period, Breakdown.NONE, null), band,
                    numerator, denominator);
            if (!BROKEN_DOWN.contains(area.type())) {
                continue;
            }
            for (Breakdown b : breakdowns) {
                String category = switch (b) {
                    case NONE -> null;
                    case SEX -> (String) values.get(1);
                    case ETHNIC_GROUP -> (String) values.get(2);
                    case DEPRIVATION_QUINTILE -> (String) values.get(3);
                    case AGE_BAND -> ageBand;
                };
                if (b != Breakdown.NONE) {
                    add(cells, new CellKey(indicatorId, area.code(), area.type(), period, b,
                            category == null ? "Unknown" : category), band, numerator, denominator);
                }
            }
        }
    }

    /** The practice and every area above it, up to the ICB. */
    private List<Geography.Area> areasOf(String practice) {
        return ancestry.computeIfAbsent(practice, p -> {
            List<Geography.Area> chain = new ArrayList<>();
            for (Geography.Area a = geography.area(p); a != null && a.type() != AreaType.ENGLAND;
                 a = a.parentCode() == null ? null : geography.area(a.parentCode())) {
                chain.add(a);
            }
            return chain;
        });
    }

    private static void add(Map<CellKey, AgeBandCounts> cells, CellKey key, int band, double num, double den) {
        cells.computeIfAbsent(key, k -> new AgeBandCounts()).add(band, num, den);
    }
}
