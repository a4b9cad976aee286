package org.openphm.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Broad ethnic groups (ONS 5 groups) from the NHS ethnic category, for breakdowns. */
public final class EthnicGroups {
    private EthnicGroups() {}

    public static final String NOT_STATED = "Not stated";

    /** Chinese (R) is counted with Asian, as the 2011 census groups it. */
    private static final Map<String, List<String>> CODES_BY_GROUP = new LinkedHashMap<>();

    static {
        CODES_BY_GROUP.put("White", List.of("A", "B", "C"));
        CODES_BY_GROUP.put("Mixed", List.of("D", "E", "F", "G"));
        CODES_BY_GROUP.put("Asian", List.of("H", "J", "K", "L", "R"));
        CODES_BY_GROUP.put("Black", List.of("M", "N", "P"));
        CODES_BY_GROUP.put("Other", List.of("S"));
    }

    public static List<String> groups() {
        List<String> all = new java.util.ArrayList<>(CODES_BY_GROUP.keySet());
        all.add(NOT_STATED);
        return all;
    }

    /** Broad group of an ethnic category code. */
    public static String broad(String code) {
        if (code == null) {
            return NOT_STATED;
        }
        return CODES_BY_GROUP.entrySet().stream()
                .filter(e -> e.getValue().contains(code))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(NOT_STATED);
    }

    /** The same mapping as an SQL CASE expression over a column, so engines group exactly as {@link #broad}. */
    public static String sqlCase(String column) {
        String whens = CODES_BY_GROUP.entrySet().stream()
                .map(e -> " WHEN " + column + " IN ("
                        + e.getValue().stream().map(c -> "'" + c + "'").collect(Collectors.joining(",")) + ") THEN '"
                        + e.getKey() + "'")
                .collect(Collectors.joining());
        return "CASE" + whens + " ELSE '" + NOT_STATED + "' END";
    }
}
