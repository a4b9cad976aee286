package org.openphm.stats.sdc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An additive relation declared along one coordinate: among cells that agree on every other coordinate, the
 * cell whose {@code dimension} is {@code totalValue} is the sum of the cells whose {@code dimension} is one of
 * {@code partValues} (or any other value, when {@code partValues} is empty). A two-way table with margins is
 * two groupings; a geography hierarchy (ICB = Places, Place = neighbourhoods) is one grouping per level.
 */
public record Grouping(String dimension, String totalValue, Set<String> partValues) {

    public Grouping {
        Objects.requireNonNull(dimension, "dimension");
        Objects.requireNonNull(totalValue, "totalValue");
        partValues = Set.copyOf(partValues);
        if (partValues.contains(totalValue)) {
            throw new IllegalArgumentException("the total " + totalValue + " cannot be one of its own parts");
        }
    }

    /** The total is the sum of every other value of the dimension (a table margin). */
    public static Grouping margin(String dimension, String totalValue) {
        return new Grouping(dimension, totalValue, Set.of());
    }

    /** The total is the sum of the named values only (one level of a hierarchy). */
    public static Grouping of(String dimension, String totalValue, String... parts) {
        return new Grouping(dimension, totalValue, Set.of(parts));
    }

    private boolean isPart(String value) {
        return partValues.isEmpty() ? !value.equals(totalValue) : partValues.contains(value);
    }

    /**
     * The relations the groupings make among the cells, grouping by grouping, as cell indexes with the total first.
     * Sets of cells without a total cell make no relation (nothing can be differenced). A table has one grouping
     * per parent area, all along the same dimension: each cell's other coordinates are worked out once per
     * dimension, not once per grouping.
     */
    static List<int[]> relations(List<Grouping> groupings, List<Cell> cells) {
        Map<String, Coordinates> byDimension = new HashMap<>();
        List<int[]> relations = new ArrayList<>();
        for (Grouping g : groupings) {
            g.relations(byDimension.computeIfAbsent(g.dimension(), d -> Coordinates.along(d, cells)), cells, relations);
        }
        return relations;
    }

    /**
     * Each cell's value along one dimension (null when it has none) and a number standing for its other
     * coordinates: cells with the same number agree on every other coordinate.
     */
    private record Coordinates(String[] values, int[] others, int distinct) {
        static Coordinates along(String dimension, List<Cell> cells) {
            String[] values = new String[cells.size()];
            int[] others = new int[cells.size()];
            Map<List<String>, Integer> numbers = new HashMap<>();
            for (int i = 0; i < cells.size(); i++) {
                Map<String, String> keys = cells.get(i).keys();
                values[i] = keys.get(dimension);
                others[i] = values[i] == null
                        ? -1
                        : numbers.computeIfAbsent(otherCoordinates(dimension, keys), k -> numbers.size());
            }
            return new Coordinates(values, others, numbers.size());
        }
    }

    /** This grouping's relations, totals in cell order and each total's parts in cell order, added to {@code out}. */
    private void relations(Coordinates c, List<Cell> cells, List<int[]> out) {
        int[] total = new int[c.distinct()];
        Arrays.fill(total, -1);
        int[] partCount = new int[c.distinct()];
        List<Integer> totalsInOrder = new ArrayList<>();
        for (int i = 0; i < c.values().length; i++) {
            String value = c.values()[i];
            if (value == null) {
                continue;
            }
            int o = c.others()[i];
            if (value.equals(totalValue)) {
                if (total[o] >= 0) {
                    throw new IllegalArgumentException("two total cells for "
                            + otherCoordinates(dimension, cells.get(i).keys()) + " along " + dimension);
                }
                total[o] = i;
                totalsInOrder.add(o);
            } else if (isPart(value)) {
                partCount[o]++;
            }
        }
        int[][] relation = new int[c.distinct()][];
        int[] filled = new int[c.distinct()];
        for (int o : totalsInOrder) {
            if (partCount[o] > 0) {
                relation[o] = new int[partCount[o] + 1];
                relation[o][0] = total[o];
                filled[o] = 1;
            }
        }
        for (int i = 0; i < c.values().length; i++) {
            String value = c.values()[i];
            int o = c.others()[i];
            if (value != null && relation[o] != null && !value.equals(totalValue) && isPart(value)) {
                relation[o][filled[o]++] = i;
            }
        }
        for (int o : totalsInOrder) {
            if (relation[o] != null) {
                out.add(relation[o]);
            }
        }
    }

    /**
     * The cell's other coordinates as name, value, name, value… in name order: the key that finds a total's
     * parts. A flat list hashes and compares far faster than a sorted map, and a table has many cells.
     */
    private static List<String> otherCoordinates(String dimension, Map<String, String> keys) {
        String[] names = keys.keySet().toArray(String[]::new);
        Arrays.sort(names);
        List<String> others = new ArrayList<>(2 * names.length);
        for (String name : names) {
            if (!name.equals(dimension)) {
                others.add(name);
                others.add(keys.get(name));
            }
        }
        return others;
    }
}
