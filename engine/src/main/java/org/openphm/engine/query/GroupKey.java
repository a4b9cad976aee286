package org.openphm.engine.query;

/**
 * A group-by column. {@code totalLabel} is the value the column takes in the rows of a grouping set that
 * leaves it out (the "Persons" or "All ages" total); null leaves those rows NULL. The label must have the
 * column's type.
 */
public record GroupKey(String column, Expr.Lit totalLabel) {

    public static GroupKey of(String column) {
        return new GroupKey(column, null);
    }

    public GroupKey totalAs(String label) {
        return new GroupKey(column, Expr.lit(label));
    }

    public GroupKey totalAs(Expr.Lit label) {
        return new GroupKey(column, label);
    }
}
