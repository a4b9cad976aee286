package org.openphm.stats.sdc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
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
     * The relations this grouping makes among the cells, as cell indexes with the total first. Sets of cells
     * without a total cell make no relation (nothing can be differenced).
     */
    List<int[]> relations(List<Cell> cells) {
        Map<List<String>, List<Integer>> parts = new LinkedHashMap<>();
        Map<List<String>, Integer> totals = new LinkedHashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            Map<String, String> keys = cells.get(i).keys();
            String value = keys.get(dimension);
            if (value == null) {
                continue;
            }
            List<String> others = otherCoordinates(keys);
            if (value.equals(totalValue)) {
                if (totals.put(others, i) != null) {
                    throw new IllegalArgumentException("two total cells for " + others + " along " + dimension);
                }
            } else if (isPart(value)) {
                parts.computeIfAbsent(others, k -> new ArrayList<>()).add(i);
            }
        }
        List<int[]> relations = new ArrayList<>();
        totals.forEach((others, total) -> {
            List<Integer> members = parts.getOrDefault(others, List.of());
            if (!members.isEmpty()) {
                int[] relation = new int[members.size() + 1];
                relation[0] = total;
                for (int k = 0; k < members.size(); k++) {
                    relation[k + 1] = members.get(k);
                }
                relations.add(relation);
            }
        });
        return relations;
    }

    /**
     * The cell's other coordinates as name, value, name, value… in name order: the key that finds a total's
     * parts. A flat list hashes and compares far faster than a sorted map, and a table has many cells.
     */
    private List<String> otherCoordinates(Map<String, String> keys) {
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
