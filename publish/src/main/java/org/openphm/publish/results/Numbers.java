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

    /**
     * A cell as a printed table shows it: decimals beyond two rounded away (results keep full precision for
     * analysts; a reader of the pack needs 13,861.42 people, not 13861.422565), anything else as it is — whole
     * numbers stay untouched so years and codes are not given separators.
     */
    public static String display(String cell) {
        if (cell == null) {
            return "";
        }
        int dot = cell.indexOf('.');
        if (dot < 0
                || cell.length() - dot - 1 <= 2
                || parse(cell) == null
                || cell.contains("e")
                || cell.contains("E")) {
            return cell;
        }
        return new java.math.BigDecimal(cell.trim())
                .setScale(2, java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros()
                .toPlainString();
    }
}
