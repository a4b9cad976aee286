package org.openphm.server;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openphm.analyses.indicator.Breakdown;

/** The dashboard's breakdown selector: API names to the tidy results' category_type values. */
public final class Breakdowns {
    private Breakdowns() {}

    static final Map<String, String> CATEGORY_TYPES = new LinkedHashMap<>();

    static {
        // the API's short names for the analyses' breakdowns, whose category_type values are defined once there
        CATEGORY_TYPES.put("none", Breakdown.NONE.categoryType());
        CATEGORY_TYPES.put("sex", Breakdown.SEX.categoryType());
        CATEGORY_TYPES.put("age", Breakdown.AGE_BAND.categoryType());
        CATEGORY_TYPES.put("ethnicity", Breakdown.ETHNIC_GROUP.categoryType());
        CATEGORY_TYPES.put("deprivation", Breakdown.DEPRIVATION_QUINTILE.categoryType());
        if (CATEGORY_TYPES.size() != Breakdown.values().length) {
            throw new IllegalStateException("every breakdown needs an API name");
        }
    }

    public static final List<String> NAMES = List.copyOf(CATEGORY_TYPES.keySet());
}
