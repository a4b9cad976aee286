package org.openphm.analyses.indicator;

/** Levels of the geography an indicator can be computed for, from the country down to a practice. */
public enum AreaType {
    ENGLAND("England"),
    ICB("ICB"),
    PLACE("Place"),
    NEIGHBOURHOOD("Neighbourhood"),
    PCN("PCN"),
    PRACTICE("Practice");

    private final String label;

    AreaType(String label) {
        this.label = label;
    }

    public String label() { return label; }

    /** The level whose value a result is compared with as "parent" (the ICB for a Place, and so on). */
    public AreaType parent() {
        return switch (this) {
            case ENGLAND, ICB -> ENGLAND;
            case PLACE -> ICB;
            case NEIGHBOURHOOD -> PLACE;
            case PCN -> NEIGHBOURHOOD;
            case PRACTICE -> PCN;
        };
    }
}
