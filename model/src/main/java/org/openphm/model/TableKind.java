package org.openphm.model;

public enum TableKind {
    /** One row per person or per event of a person, keyed by the pseudonymised person_id. */
    PATIENT_LEVEL,
    /** Aggregate feeds: projections, monthly metrics, workforce, finance, registers. */
    AGGREGATE,
    /** Reference data: geography, code lists, standard populations, comparators. */
    REFERENCE
}
