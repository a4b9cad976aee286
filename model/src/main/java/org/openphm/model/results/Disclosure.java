package org.openphm.model.results;

import java.util.Locale;

/**
 * How a published column is released, declared with the column and written to metadata.json, so that disclosure
 * control in the build and the independent output check read the same declaration instead of guessing from names.
 */
public enum Disclosure {
    /** People or events counted from patient-level or staff records: 1-7 suppressed, the rest rounded. */
    COUNT,
    /** Computed from the row's counts (a rate, share, mean or limit): withheld where a count is suppressed. */
    DERIVED,
    /** A label, code, date, rank, or a figure from a published aggregate source: published as it is. */
    REFERENCE,
    /** Identifies a person: never published. */
    IDENTIFIER;

    /** Its name in metadata.json. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
