package org.openphm.engine.query;

import java.time.LocalDate;

/**
 * The types a value can have in a query and in a {@link org.openphm.engine.Result}. Deliberately fewer than SQL's:
 * every integer is a {@code LONG} (so a count never arrives as an Integer on one engine and a BigInteger on another)
 * and every fraction a {@code DOUBLE} (never a DECIMAL: Spark makes a decimal literal in an aggregate a DECIMAL(...,
 * 5); trap 4 in engine/README.md).
 */
public enum ValueType {
    STRING(String.class),
    LONG(Long.class),
    DOUBLE(Double.class),
    DATE(LocalDate.class),
    BOOLEAN(Boolean.class);

    private final Class<?> javaType;

    ValueType(Class<?> javaType) {
        this.javaType = javaType;
    }

    /** The Java class a non-null value of this type has in a result. */
    public Class<?> javaType() {
        return javaType;
    }

    /** The type of a Java value, for literals. */
    public static ValueType of(Object value) {
        for (ValueType t : values()) {
            if (t.javaType.isInstance(value)) {
                return t;
            }
        }
        throw new IllegalArgumentException(
                "no query type for " + value.getClass().getName() + ": " + value);
    }
}
