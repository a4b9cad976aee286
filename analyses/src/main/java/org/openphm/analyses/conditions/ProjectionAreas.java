package org.openphm.analyses.conditions;

import java.util.Map;
import java.util.TreeMap;
import org.openphm.analyses.indicator.Geography;
import org.openphm.analyses.projection.ProjectionCell;
import org.openphm.model.AreaType;

/** Sums projection cells (Place × sex × age band) to each Place and to the ICB above it. */
final class ProjectionAreas {
    private ProjectionAreas() {}

    /** Area code → total, for every Place with cells and its ICB. */
    static Map<String, Double> totals(Map<ProjectionCell, Double> cells, Geography geography) {
        Map<String, Double> out = new TreeMap<>();
        cells.forEach((cell, v) -> {
            Geography.Area place = geography.area(cell.placeCode());
            out.merge(place.code(), v, Double::sum);
            if (place.type() == AreaType.PLACE && place.parentCode() != null) {
                out.merge(place.parentCode(), v, Double::sum);
            }
        });
        return out;
    }
}
