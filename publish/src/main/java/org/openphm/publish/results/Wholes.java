package org.openphm.publish.results;

import static org.openphm.model.results.IndicatorColumns.AREA_TYPE;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.openphm.model.AreaType;
import org.openphm.model.results.IndicatorColumns;

/**
 * Which rows of a published table stand for a whole that other rows are parts of: England, the widest area
 * beside narrower ones (the ICB beside its Places), a row labelled "All" or "Total". A whole is a comparator,
 * never one of the items compared: "highest headcount: All" or "largest rise: the ICB" compares a sum with its
 * own terms. An area beside its own children below the widest level stays an item: the dashboard cut to a Place
 * shows the Place as a bar beside its neighbourhoods, with the ICB as the reference.
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

    private Wholes(DataTable table, Collection<String> labelColumns) {
        this.table = table;
        this.labelColumns = labelColumns;
        List<String> types = table.has(AREA_TYPE)
                ? table.distinct(AREA_TYPE).stream().filter(t -> !isEngland(t)).toList()
                : List.of();
        this.widestType = types.size() > 1
                ? types.stream().min(Comparator.comparingInt(Wholes::depth)).orElseThrow()
                : null;
    }

    /** @param labelColumns the columns that name a row (its x, its series, the label of a ranked table) */
    public static Wholes of(DataTable table, Collection<String> labelColumns) {
        return new Wholes(table, labelColumns);
    }

    public static boolean isTotal(String label) {
        return label != null
                && TOTAL.matcher(label.trim().toLowerCase(Locale.ROOT)).matches();
    }

    public static boolean isEngland(String areaType) {
        return AreaType.ENGLAND.label().equalsIgnoreCase(areaType);
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
        return labelColumns.stream().filter(table::has).anyMatch(c -> isTotal(table.get(row, c)));
    }

    private static int depth(String areaType) {
        int i = IndicatorColumns.AREA_TYPES.indexOf(areaType);
        return i < 0 ? 99 : i;
    }
}
