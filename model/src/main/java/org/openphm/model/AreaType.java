package org.openphm.model;

import java.util.Arrays;
import java.util.List;

/**
 * Levels of the geography an indicator can be computed for, from the country down to a practice, in the order of the
 * geography (widest first). The one vocabulary of area types: the analyses write {@link #label()} into the
 * {@code area_type} column, publish and the server read it back.
 */
public enum AreaType {
    ENGLAND("England"),
    /** An NHS England region: computed only when ICBs are built together (phm build-england). */
    REGION("Region"),
    ICB("ICB"),
    PLACE("Place"),
    NEIGHBOURHOOD("Neighbourhood"),
    PCN("PCN"),
    PRACTICE("Practice");

    private final String label;

    AreaType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * The labels in the order of the geography, widest first: England, Region, ICB, Place, Neighbourhood, PCN,
     * Practice.
     */
    public static List<String> labels() {
        return Arrays.stream(values()).map(AreaType::label).toList();
    }

    /** The level a results file labels so ("ICB", "Place"), if it is one. */
    public static java.util.Optional<AreaType> ofLabel(String label) {
        return Arrays.stream(values()).filter(t -> t.label.equals(label)).findFirst();
    }

    /** A filter on area_type that matches any of these levels ("ICB|Place"), in the order given. */
    public static String anyOf(AreaType... types) {
        return String.join("|", Arrays.stream(types).map(AreaType::label).toList());
    }

    /**
     * The level whose value a result is compared with as "parent" (the ICB for a Place, and so on) in one ICB's
     * build. When ICBs are built together with their regions (phm build-england), an ICB's parent is its region.
     */
    public AreaType parent() {
        return switch (this) {
            case ENGLAND, REGION, ICB -> ENGLAND;
            case PLACE -> ICB;
            case NEIGHBOURHOOD -> PLACE;
            case PCN -> NEIGHBOURHOOD;
            case PRACTICE -> PCN;
        };
    }
}
