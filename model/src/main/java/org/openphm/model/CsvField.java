package org.openphm.model;

import java.util.regex.Pattern;

/**
 * One field of an RFC 4180 CSV file as we write it: quoted when it holds a comma, quote or line break, and, in
 * files a person may open in a spreadsheet, made inert when a spreadsheet would read it as a formula.
 */
public final class CsvField {
    private CsvField() {}

    /** A plain number (-12, +3.5, -1.2E-4) is data, not a formula, though it starts with a sign. */
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");

    /** The field as written: quoted when it must be, doubled quotes inside. */
    public static String quote(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return '"' + s.replace("\"", "\"\"") + '"';
            }
        }
        return s;
    }

    /**
     * The value made safe to open in a spreadsheet. Excel, LibreOffice and Google Sheets run a cell that starts
     * with {@code = + - @} (or a tab or carriage return before one) as a formula, which a hostile value in a
     * supplier's extract can use to run commands or send data away (OWASP, "CSV Injection"). As OWASP advises,
     * such a value is prefixed with a single quote, which the spreadsheet shows as text; numbers are left alone.
     */
    public static String spreadsheetSafe(String s) {
        if (s.isEmpty()) {
            return s;
        }
        char c = s.charAt(0);
        boolean risky = c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
        return risky && !NUMBER.matcher(s).matches() ? "'" + s : s;
    }

    /** {@link #quote} of {@link #spreadsheetSafe}: the field for a file a person may open in a spreadsheet. */
    public static String forSpreadsheet(String s) {
        return quote(spreadsheetSafe(s));
    }
}
