package org.openphm.engine.query;

public enum JoinType {
    INNER,
    /** Every left row; right columns NULL where nothing matches. */
    LEFT
}
