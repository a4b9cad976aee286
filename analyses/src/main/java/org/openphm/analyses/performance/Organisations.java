package org.openphm.analyses.performance;

import java.util.LinkedHashMap;
import java.util.Map;
import org.openphm.model.ReferenceCsv;

/**
 * Names of the organisations the feeds identify by ODS code (ICBs, the East of England region, trusts), as the
 * data pack prints them; see resources SOURCES.md. An unknown code is shown as itself.
 */
public final class Organisations {
    private static final Map<String, String> NAMES = load();

    private Organisations() {}

    public static String name(String code) {
        return NAMES.getOrDefault(code, code);
    }

    private static Map<String, String> load() {
        Map<String, String> names = new LinkedHashMap<>();
        for (ReferenceCsv.Row r : ReferenceCsv.read(Organisations.class, "organisations.csv")) {
            names.put(r.get("code"), r.get("name"));
        }
        return Map.copyOf(names);
    }
}
