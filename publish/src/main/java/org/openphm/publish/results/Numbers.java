package org.openphm.publish.results;

/** Parsing of numeric cells: empty or non-numeric (a suppression marker) is no value, never zero. */
public final class Numbers {
    private Numbers() {}

    public static Double parse(String cell) {
        if (cell == null || cell.isBlank()) {
            return null;
        }
        try {
            double d = Double.parseDouble(cell.trim());
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
