package org.openphm.analyses.indicator;

import java.util.ArrayList;
import java.util.List;
import org.openphm.engine.query.GroupKey;
import org.openphm.model.AreaType;

/**
 * Turns "every area level × every breakdown" into the grouping sets of ONE aggregate query over the
 * registered population, and reads its rows back into cells. Each set groups by one area column, the ESP
 * age band (for DSRs) and at most one breakdown column; columns a set leaves out read {@link #ALL}.
 */
public final class BreakdownGrouping {
    private BreakdownGrouping() {}

    /** The label a grouping set gives to the columns it leaves out: never a real code or category. */
    public static final String ALL = "*";

    static String column(Breakdown b) {
        return switch (b) {
            case NONE, AGE_BAND -> null;
            case SEX -> "sex";
            case ETHNIC_GROUP -> "ethnic_group";
            case DEPRIVATION_QUINTILE -> "imd_quintile";
        };
    }

    /** The group keys: every area column, every breakdown column, and age_band. */
    public static List<GroupKey> keys(List<AreaType> levels, List<Breakdown> breakdowns) {
        List<GroupKey> keys = new ArrayList<>();
        for (AreaType level : levels) {
            keys.add(GroupKey.of(Geography.column(level)).totalAs(ALL));
        }
        for (Breakdown b : breakdowns) {
            if (column(b) != null) {
                keys.add(GroupKey.of(column(b)).totalAs(ALL));
            }
        }
        keys.add(GroupKey.of("age_band").totalAs(ALL));
        return keys;
    }

    public static List<List<String>> sets(List<AreaType> levels, List<Breakdown> breakdowns) {
        List<List<String>> sets = new ArrayList<>();
        for (AreaType level : levels) {
            sets.add(List.of(Geography.column(level), "age_band"));
            for (Breakdown b : breakdowns) {
                if (column(b) != null) {
                    sets.add(List.of(Geography.column(level), column(b), "age_band"));
                }
            }
        }
        return sets;
    }

    /** Where a row of the grouped result belongs: its area and its breakdown category (NONE = headline). */
    public record Position(AreaType level, String areaCode, Breakdown breakdown, String category, String ageBand) {}

    public static Position position(
            java.util.function.Function<String, Object> row, List<AreaType> levels, List<Breakdown> breakdowns) {
        AreaType level = null;
        String area = null;
        for (AreaType l : levels) {
            Object v = row.apply(Geography.column(l));
            if (v != null && !ALL.equals(v)) {
                level = l;
                area = v.toString();
            }
        }
        Breakdown breakdown = Breakdown.NONE;
        String category = null;
        for (Breakdown b : breakdowns) {
            String c = column(b);
            if (c != null) {
                Object v = row.apply(c);
                if (!ALL.equals(v)) {
                    breakdown = b;
                    category = v == null ? "Unknown" : v.toString();
                }
            }
        }
        Object band = row.apply("age_band");
        return new Position(level, area, breakdown, category, band == null ? null : band.toString());
    }
}
