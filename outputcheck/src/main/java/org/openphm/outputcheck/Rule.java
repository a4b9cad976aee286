package org.openphm.outputcheck;

/** What the output check looks for in a published file. */
public enum Rule {
    SMALL_COUNT("small-count", "a count from 1 to the suppression threshold is published"),
    UNROUNDED_COUNT("unrounded-count", "a published count is not a multiple of the rounding base"),
    DIFFERENCING(
            "differencing",
            "a hidden count is the only hidden member of a published margin, so the total "
                    + "minus the other members gives it back"),
    VALUE_REVEALS_COUNT(
            "value-reveals-count",
            "a value is not computed from the published counts beside it, so it "
                    + "can be worked back into a count more exact than the published one"),
    NHS_NUMBER("nhs-number", "a valid NHS number (Modulus 11) appears in the file"),
    PSEUDONYM("pseudonym", "a person pseudonym (32 hex digits) appears in the file"),
    IDENTIFIER_COLUMN(
            "identifier-column",
            "a column identifies people (declared identifier, or a person-level "
                    + "field such as person_id, nhs_number or date_of_birth)"),
    UNDECLARED("undeclared", "a published file or column has no disclosure declaration in metadata.json"),
    FORMULA("formula", "a CSV cell would run as a formula in a spreadsheet"),
    UNREADABLE("unreadable", "the file cannot be read, so it cannot be checked");

    private final String code;
    private final String meaning;

    Rule(String code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public String code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }
}
