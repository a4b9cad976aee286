package org.openphm.analyses.indicator;

import org.openphm.model.AreaType;

/** Identifies one indicator result cell before statistics: which indicator, where, when, which category. */
public record CellKey(
        String indicatorId, String areaCode, AreaType areaType, String period, Breakdown breakdown, String category) {}
