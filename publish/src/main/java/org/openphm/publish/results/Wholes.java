package org.openphm.publish.results;

import static org.openphm.publish.results.ResultRow.AREA_CODE;
import static org.openphm.publish.results.ResultRow.AREA_TYPE;
import static org.openphm.publish.results.ResultRow.PARENT_CODE;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which rows of a published table stand for a whole that other rows are parts of: England, the ICB beside
 * its Places, an area whose code is another row's parent_code, a row labelled "All" or "Total". A whole is a
 * comparator, never one of the items compared: "highest headcount: All" or "largest rise: the ICB" compares a
 * sum with its own terms.
 */
public final class Wholes {
    /**
     * The labels the analyses give a total row ("All", "All sites", "Total", "Persons"); "All other causes" is
     * a residual category, a part, so only "All" or "Total" alone or with one word.
     */
    private static final Pattern TOTAL = Pattern.compile("(all|total)(\\s+\\S+)?|persons|both sexes");

    private final DataTable table;
    private final Collection<String> labelColumns;
    private final String widestType;
    private final Set<String> parentCodes = new HashSet<>();

    private Wholes(DataTable table, Collection<String> labelColumns) {
        this.table = table;
        this.labelColumns = labelColumns;
        List<String> types = table.has(AREA_TYPE)
                ? table.distinct(AREA_TYPE).stream().filter(t -> !isEngland(t)).toList() : List.of();
        this.widestType = types.size() > 1 ? types.stream().min(Comparator.comparingInt(Wholes::depth)).orElseThrow()
                : null;
        if (table.has(AREA_CODE) && table.has(PARENT_CODE)) {
            Set<String> codes = new HashSet<>(table.distinct(AREA_CODE));
            for (List<String> row : table.rows()) {
                String parent = table.get(row, PARENT_CODE);
                if (parent != null && codes.contains(parent) && !parent.equals(table.get(row, AREA_CODE))) {
                    parentCodes.add(parent);
                }
            }
        }
    }

    /** @param labelColumns the columns that name a row (its x, its series, the label of a ranked table) */
    public static Wholes of(DataTable table, Collection<String> labelColumns) {
        return new Wholes(table, labelColumns);
    }

    public static boolean isTotal(String label) {
        return label != null && TOTAL.matcher(label.trim().toLowerCase(Locale.ROOT)).matches();
    }

    public static boolean isEngland(String areaType) {
        return "England".equalsIgnoreCase(areaType);
    }

    /** England's row: always a comparator. */
    public boolean england(List<String> row) {
        return table.has(AREA_TYPE) && isEngland(table.get(row, AREA_TYPE));
    }

    /** A row that stands for a whole the other rows are parts of (England included). */
    public boolean whole(List<String> row) {
        if (england(row)) {
            return true;
        }
        if (widestType != null && widestType.equals(table.get(row, AREA_TYPE))) {
            return true;
        }
        if (table.has(AREA_CODE) && parentCodes.contains(table.get(row, AREA_CODE))) {
            return true;
        }
        return labelColumns.stream().filter(table::has).anyMatch(c -> isTotal(table.get(row, c)));
    }

    private static int depth(String areaType) {
        int i = ResultRow.AREA_TYPES.indexOf(areaType);
        return i < 0 ? 99 : i;
    }
}
