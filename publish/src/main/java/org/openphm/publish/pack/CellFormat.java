package org.openphm.publish.pack;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import org.openphm.publish.results.Numbers;

/**
 * A results cell as a printed table shows it, by the column's declared type (metadata.json): counts and
 * measures with thousands separators (1,153,210 people, £124,540,784), measures to at most two decimals
 * (results keep full precision for analysts), booleans as Yes/No; years and codes untouched. A column of
 * unknown type (the tidy indicator files) keeps whole numbers as they are, so a year never gains a comma.
 */
final class CellFormat {
    private CellFormat() {}

    static String of(String cell, String type, String column) {
        if (cell == null || cell.isEmpty()) {
            return cell == null ? "" : cell;
        }
        if ("boolean".equals(type)) {
            return switch (cell.toLowerCase(Locale.ROOT)) {
                case "true" -> "Yes";
                case "false" -> "No";
                default -> cell;
            };
        }
        Double v = Numbers.parse(cell);
        if (v == null || cell.contains("e") || cell.contains("E")) {
            return cell;
        }
        boolean separators =
                "count".equals(type) || "number".equals(type) || ("integer".equals(type) && !yearLike(column));
        if (!separators) {
            return Numbers.display(cell);
        }
        BigDecimal exact = new BigDecimal(cell.trim());
        BigDecimal shown = exact.scale() > 2 ? exact.setScale(2, RoundingMode.HALF_UP) : exact;
        DecimalFormat f = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.UK));
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f.format(shown);
    }

    /** A year, a financial-year start or a horizon is a label, not an amount. */
    private static boolean yearLike(String column) {
        String c = column.toLowerCase(Locale.ROOT);
        return c.contains("year") || c.equals("horizon") || c.endsWith("_code");
    }
}
