package org.openphm.engine.query;

import java.util.Objects;

/** An expression and the name of the output column it becomes. */
public record Named(String name, Expr expr) {
    public Named {
        Objects.requireNonNull(name, "output column name");
        Objects.requireNonNull(expr, "expression of " + name);
    }

    public static Named as(String name, Expr expr) {
        return new Named(name, expr);
    }
}
