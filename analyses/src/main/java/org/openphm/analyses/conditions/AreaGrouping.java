package org.openphm.analyses.conditions;

import java.util.ArrayList;
import java.util.List;
import org.openphm.analyses.indicator.Geography;
import org.openphm.engine.Result;
import org.openphm.engine.query.GroupKey;
import org.openphm.model.AreaType;

/**
 * Grouping sets of this package's analysis tables: each set groups by exactly one area level (ICB, Place or
 * neighbourhood) and by a fixed list of detail columns, optionally by some breakdown columns too. Read back,
 * a row's area is the one level column that is not {@link #ALL}.
 */
public final class AreaGrouping {

    public static final String ALL = "*";

    private final List<AreaType> levels;

    public AreaGrouping(List<AreaType> levels) {
        this.levels = List.copyOf(levels);
    }

    /** ICB, Place and neighbourhood: the levels at which the data pack's tables make sense. */
    static AreaGrouping icbPlaceNeighbourhood() {
        return new AreaGrouping(List.of(AreaType.ICB, AreaType.PLACE, AreaType.NEIGHBOURHOOD));
    }

    static AreaGrouping icbPlace() {
        return new AreaGrouping(List.of(AreaType.ICB, AreaType.PLACE));
    }

    public List<String> levelColumns() {
        return levels.stream().map(Geography::column).toList();
    }

    /** Area columns (totalled as ALL), then breakdown columns (totalled as their label), then detail columns. */
    public List<GroupKey> keys(List<GroupKey> breakdowns, List<String> detail) {
        List<GroupKey> keys = new ArrayList<>();
        levelColumns().forEach(c -> keys.add(GroupKey.of(c).totalAs(ALL)));
        keys.addAll(breakdowns);
        detail.forEach(d -> keys.add(GroupKey.of(d)));
        return keys;
    }

    /** For each level: the detail alone, and the detail with each listed combination of breakdown columns. */
    public List<List<String>> sets(List<List<String>> breakdownCombinations, List<String> detail) {
        List<List<String>> sets = new ArrayList<>();
        for (String level : levelColumns()) {
            for (List<String> combination : breakdownCombinations) {
                List<String> set = new ArrayList<>();
                set.add(level);
                set.addAll(combination);
                set.addAll(detail);
                sets.add(set);
            }
        }
        return sets;
    }

    /** The area code of a result row: the value of its one grouped level column. */
    public String areaOf(Result r, int row) {
        for (String c : levelColumns()) {
            String v = r.getString(row, c);
            if (v != null && !ALL.equals(v)) {
                return v;
            }
        }
        throw new IllegalStateException("a row grouped by no area level");
    }
}
