package org.openphm.server;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The dashboard's breakdown selector: API names to the tidy results' category_type values. */
public final class Breakdowns {
    private Breakdowns() {}

    static final Map<String, String> CATEGORY_TYPES = new LinkedHashMap<>();

    static {
        CATEGORY_TYPES.put("none", "");
        CATEGORY_TYPES.put("sex", "Sex");
        CATEGORY_TYPES.put("age", "Age band");
        CATEGORY_TYPES.put("ethnicity", "Ethnic group");
        CATEGORY_TYPES.put("deprivation", "Deprivation quintile");
    }

    public static final List<String> NAMES = List.copyOf(CATEGORY_TYPES.keySet());
}
