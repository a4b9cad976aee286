package org.openphm.analyses.indicator;

/** The standard breakdowns of an indicator (Fingertips "category types"). */
public enum Breakdown {
    /** The headline figure: persons, the indicator's whole age range. */
    NONE(""),
    SEX("Sex"),
    AGE_BAND("Age band"),
    ETHNIC_GROUP("Ethnic group"),
    DEPRIVATION_QUINTILE("Deprivation quintile");

    private final String categoryType;

    Breakdown(String categoryType) {
        this.categoryType = categoryType;
    }

    /** The category_type column value; empty for the headline row. */
    public String categoryType() {
        return categoryType;
    }
}
