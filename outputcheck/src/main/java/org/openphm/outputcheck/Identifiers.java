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
    private static final Pattern NHS = Pattern.compile(
            "(?<![\\d.])(\\d{3})[ .\\-]?(\\d{3})[ .\\-]?(\\d{4})(?!\\d)(?!\\.\\d)");
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

    /** The rules broken by identifiers in the text, one per identifier found (the identifier is not kept). */
    static List<Rule> find(CharSequence text) {
        List<Rule> out = new ArrayList<>();
        Matcher m = NHS.matcher(text);
        while (m.find()) {
            if (validNhsNumber(m.group(1) + m.group(2) + m.group(3))) {
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
