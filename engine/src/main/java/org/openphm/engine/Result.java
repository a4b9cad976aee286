package org.openphm.engine;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows a query returned. Values are normalised so that every engine returns the same Java objects:
 * Long for any integer (INT, BIGINT, DuckDB's HUGEINT), Double for any fraction (DOUBLE, DECIMAL),
 * String, LocalDate, Boolean, or null.
 */
public record Result(List<String> columns, List<List<Object>> rows) {

    public Result {
        columns = List.copyOf(columns);
        List<List<Object>> copy = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("row " + row + " does not have the columns " + columns);
            }
            copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = Collections.unmodifiableList(copy);
    }

    public int size() {
        return rows.size();
    }

    public int columnIndex(String column) {
        int i = columns.indexOf(column);
        if (i < 0) {
            throw new IllegalArgumentException("no column " + column + " in " + columns);
        }
        return i;
    }

    public Object get(int row, String column) {
        return rows.get(row).get(columnIndex(column));
    }

    public Long getLong(int row, String column) {
        return (Long) get(row, column);
    }

    public Double getDouble(int row, String column) {
        return (Double) get(row, column);
    }

    public String getString(int row, String column) {
        return (String) get(row, column);
    }

    public LocalDate getDate(int row, String column) {
        return (LocalDate) get(row, column);
    }

    /** Each row as column name to value, in column order. */
    public List<Map<String, Object>> asMaps() {
        List<Map<String, Object>> maps = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                m.put(columns.get(i), row.get(i));
            }
            maps.add(m);
        }
        return maps;
    }

    /**
     * The one place engine-specific Java values become result values. A time of day is refused rather than
     * dropped: no query-model expression produces one, so it would mean a dialect bug.
     */
    public static Object normalise(Object v) {
        if (v == null
                || v instanceof String
                || v instanceof Boolean
                || v instanceof Long
                || v instanceof Double
                || v instanceof LocalDate) {
            return v;
        }
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof BigInteger b) {
            return b.longValueExact();
        }
        if (v instanceof Float f) {
            return f.doubleValue();
        }
        if (v instanceof BigDecimal d) {
            return d.doubleValue();
        }
        if (v instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        throw new IllegalStateException("no result type for " + v.getClass().getName() + " value " + v);
    }
}
