package org.openphm.stats.sdc;

import java.util.Map;
import java.util.Objects;

/**
 * One count of a table to be published, e.g. one row of a tidy indicator result.
 *
 * @param id unique within the table (used for deterministic tie-breaks and to report back)
 * @param count the numerator
 * @param denominator optional denominator (null when the cell is a plain count)
 * @param keys the cell's coordinates, e.g. {indicator: "DP 8.4", period: "2024/25", area: "Luton",
 *     breakdown: "Asian"}; a total is a cell whose coordinate holds the total value (e.g. breakdown "All")
 */
public record Cell(String id, long count, Long denominator, Map<String, String> keys) {

    public Cell {
        Objects.requireNonNull(id, "id");
        if (count < 0) {
            throw new IllegalArgumentException("cell " + id + ": negative count " + count);
        }
        if (denominator != null && denominator < 0) {
            throw new IllegalArgumentException("cell " + id + ": negative denominator " + denominator);
        }
        keys = Map.copyOf(keys);
    }
}
