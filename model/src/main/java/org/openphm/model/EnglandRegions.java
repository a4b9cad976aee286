package org.openphm.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The NHS England region of each ICB, by ICB code, from NHS England's table of ICBs (February 2024, in the
 * reference folder beside its sizes; see SOURCES.md): what places an ICB in a region when ICBs are built
 * together ({@code phm build-england}).
 */
public final class EnglandRegions {
    static final String ICBS = "/org/openphm/reference/england_icbs_2024_02.csv";

    /** An NHS England region: its ODS code (Y56 to Y63) and name. */
    public record Region(String code, String name) {}

    private static final Map<String, Region> BY_ICB = load();

    private EnglandRegions() {}

    private static Map<String, Region> load() {
        Map<String, Region> out = new LinkedHashMap<>();
        for (ReferenceCsv.Row r : ReferenceCsv.read(EnglandRegions.class, ICBS)) {
            out.put(r.get("icb_code"), new Region(r.get("region_code"), r.get("region_name")));
        }
        return Map.copyOf(out);
    }

    /** The region of the ICB with this ODS code, if the table has it. */
    public static Optional<Region> of(String icbCode) {
        return Optional.ofNullable(BY_ICB.get(icbCode));
    }

    /** How many ICBs the table places in regions (42 in February 2024). */
    public static int icbs() {
        return BY_ICB.size();
    }
}
