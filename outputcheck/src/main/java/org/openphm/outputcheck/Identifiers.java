package org.openphm.outputcheck;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds person identifiers in free text: NHS numbers in any of the ways people write them, and the 32-hex-digit
 * pseudonyms the workspace keys people by. Written here, not shared with ingest, so that the check does not
 * inherit a fault of the code it checks.
 */
final class Identifiers {
    private Identifiers() {}

    /**
     * Ten digits, alone or as 3-3-4 groups split by spaces, dashes or dots; not part of a longer number (no digit
     * before or after, and not the fraction of a decimal).
     */
    private static final Pattern NHS =
            Pattern.compile("(?<![\\d.])(\\d{3})[ .\\-]?(\\d{3})[ .\\-]?(\\d{4})(?!\\d)(?!\\.\\d)");

    private static final Pattern PSEUDONYM = Pattern.compile("(?<![0-9A-Za-z])[0-9a-f]{32}(?![0-9A-Za-z])");

    /**
     * NHS number check digit (NHS Data Dictionary, "NHS Number"): weights 10 down to 2 on the first nine digits,
     * 11 minus the sum modulo 11 is the tenth; 11 reads as 0 and 10 is never valid.
     */
    static boolean validNhsNumber(String digits) {
        if (digits.length() != 10) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (digits.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - sum % 11;
        if (check == 11) {
            check = 0;
        }
        return check != 10 && check == digits.charAt(9) - '0';
    }

    /**
     * Where a plain run of ten digits counts as an NHS number. A number written in the NHS's 3-3-4 style (spaces,
     * dashes or dots) always does; a plain run may be a figure (a budget of £1,254,432,000 printed without
     * separators passes the check digit one time in eleven), so where figures are printed it counts only inside
     * the ranges issued as NHS numbers.
     */
    enum Plain {
        /** Text that holds no figures: a table's text cell, a message. */
        ANY,
        /** Free text that may print figures: JSON values, the HTML pack outside its tables. */
        ISSUED_RANGES,
        /** Text extracted from a rendering of checked content (the PDF of the HTML pack): NHS style only. */
        NEVER
    }

    /**
     * Issued NHS number ranges (NHS Digital, "NHS Number" in the NHS Data Dictionary and the Personal
     * Demographics Service guidance): England, Wales and the Isle of Man 400 000 0000-499 999 9999 and
     * 600 000 0000-708 800 0001; Northern Ireland's Health and Care numbers 320 000 0010-399 999 9999; and the
     * 999 test range our synthetic data uses.
     */
    static boolean issuedRange(String digits) {
        int first3 = Integer.parseInt(digits.substring(0, 3));
        return (first3 >= 400 && first3 <= 499)
                || (first3 >= 600 && first3 <= 708)
                || (first3 >= 320 && first3 <= 399)
                || first3 == 999;
    }

    /** {@link #find(CharSequence, Plain)} for text that holds no figures. */
    static List<Rule> find(CharSequence text) {
        return find(text, Plain.ANY);
    }

    /**
     * Whether the text could match either pattern: an NHS number has ten digits, a pseudonym a run of 32
     * lower-case hex digits. Most published cells (names, codes, short figures) have neither, and the check reads
     * tens of millions of them, so they are passed over without running the two expressions.
     */
    static boolean mayHoldIdentifier(CharSequence text) {
        int digits = 0;
        int hexRun = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean digit = c >= '0' && c <= '9';
            if (digit && ++digits >= 10) {
                return true;
            }
            hexRun = digit || (c >= 'a' && c <= 'f') ? hexRun + 1 : 0;
            if (hexRun >= 32) {
                return true;
            }
        }
        return false;
    }

    /** The rules broken by identifiers in the text, one per identifier found (the identifier is not kept). */
    static List<Rule> find(CharSequence text, Plain plain) {
        if (!mayHoldIdentifier(text)) {
            return List.of();
        }
        List<Rule> out = new ArrayList<>();
        Matcher m = NHS.matcher(text);
        while (m.find()) {
            String digits = m.group(1) + m.group(2) + m.group(3);
            boolean styled = m.group().length() > 10;
            boolean counts = styled || plain == Plain.ANY || (plain == Plain.ISSUED_RANGES && issuedRange(digits));
            if (counts && validNhsNumber(digits)) {
                out.add(Rule.NHS_NUMBER);
            }
        }
        Matcher p = PSEUDONYM.matcher(text);
        while (p.find()) {
            out.add(Rule.PSEUDONYM);
        }
        return out;
    }
}
