package org.openphm.model;

/**
 * The labels of total rows in the results: the row that stands for every category of a breakdown rather than one
 * of them. Each meaning is defined once here; the published text is what the results have always carried, so some
 * meanings keep their own spelling (publish recognises a total row by these words, see publish's {@code Wholes}).
 */
public final class Totals {

    /** Every category of a breakdown that has no more specific word: all ethnic groups, all deprivation quintiles,
     *  all staff groups or organisations of a resource table, the margin of a disclosure-controlled breakdown,
     *  everyone in a cohort. */
    public static final String ALL = "All";

    /** Every age: the age total of an age breakdown (Fingertips' "All ages"). */
    public static final String ALL_AGES = "All ages";

    /** Both sexes together (Fingertips' "Persons"). */
    public static final String PERSONS = "Persons";

    /** Every site of a provider (clinically ready for discharge). */
    public static final String ALL_SITES = "All sites";

    /** Every treatment function together (length of stay by treatment function). */
    public static final String ALL_ACTIVITY = "All activity";

    /**
     * The comorbidity matrix's code for its background row, every patient whatever their conditions: a condition
     * code, upper case like the QOF register codes beside it, not a label (its name column says "All patients").
     * Kept as its own spelling: "ALL" is what the published matrix carries in its {@code row_condition} column.
     */
    public static final String ALL_PATIENTS_CODE = "ALL";

    /** The comorbidity matrix's name for its background row. */
    public static final String ALL_PATIENTS = "All patients";

    private Totals() {}
}
