package org.openphm.engine.query;

/**
 * One ordering key. Where NULLs go is always stated, because DuckDB and Spark put them at opposite ends by
 * default (trap 6); the factories put them last.
 */
public record SortKey(String column, boolean descending, boolean nullsAtStart) {

    public static SortKey asc(String column) {
        return new SortKey(column, false, false);
    }

    public static SortKey desc(String column) {
        return new SortKey(column, true, false);
    }

    public SortKey nullsFirst() {
        return new SortKey(column, descending, true);
    }

    public SortKey nullsLast() {
        return new SortKey(column, descending, false);
    }
}
