package org.openphm.engine.query;

/** Equality of a left column and a right column; NULL keys never match, as in SQL. */
public record JoinKey(String left, String right) {
    public static JoinKey on(String both) {
        return new JoinKey(both, both);
    }
}
