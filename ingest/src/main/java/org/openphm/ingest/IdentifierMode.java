package org.openphm.ingest;

/** How a person-linked file identifies people. */
enum IdentifierMode {
    /** Already pseudonymised upstream (e.g. by the DSCRO): loaded as given. */
    PERSON_ID,
    /** Raw NHS numbers: Modulus 11 checked, replaced by the workspace pseudonym, never stored. */
    NHS_NUMBER,
    /** Not a person-linked table. */
    NONE
}
