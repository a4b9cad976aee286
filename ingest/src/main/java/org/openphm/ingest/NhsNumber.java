package org.openphm.ingest;

import java.util.regex.Pattern;

/**
 * NHS number validation (NHS Data Model and Dictionary, attribute NHS NUMBER: ten digits, the tenth a
 * Modulus 11 check digit; weights 10..2 on digits 1-9, see model's org/openphm/reference/nhs_number_modulus11.csv).
 * The raw number must never leave the JVM: callers store only {@link #mask} or a pseudonym.
 */
public final class NhsNumber {
    private NhsNumber() {}

    /**
     * A 10-digit NHS number as people write it: the 3-3-4 groups run together or split by a space, dash or dot
     * (mixed too). Group 1 is the first three digits, which is all that may be shown.
     */
    static final String WRITTEN = "([0-9]{3})[ .-]?[0-9]{3}[ .-]?[0-9]{4}";
    /** Anywhere in a text ("NHS:401 000 0260", "abc4010000260x"), but not inside a longer run of digits. */
    private static final Pattern IN_TEXT = Pattern.compile("(?<![0-9])" + WRITTEN + "(?![0-9])");

    private static final Pattern WHOLE = Pattern.compile(WRITTEN);
    private static final String MASKED_REST = "*******";

    /** Why a number was refused; {@code null} from {@link #problem} means valid. */
    static final String NOT_TEN_DIGITS = "invalid NHS number: not 10 digits";

    static final String CHECK_DIGIT_10 = "invalid NHS number: Modulus 11 check digit is 10 (never issued)";
    static final String WRONG_CHECK_DIGIT = "invalid NHS number: wrong Modulus 11 check digit";

    /** Digits only: spaces (display format "XXX XXX XXXX") are allowed on input and removed. */
    static String normalise(String raw) {
        StringBuilder b = new StringBuilder(10);
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != ' ') {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** The reason a normalised number is invalid, or null when it passes the Modulus 11 check. */
    static String problem(String digits) {
        if (digits.length() != 10) {
            return NOT_TEN_DIGITS;
        }
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                return NOT_TEN_DIGITS;
            }
            if (i < 9) {
                sum += (c - '0') * (10 - i);
            }
        }
        int check = 11 - sum % 11;
        if (check == 11) {
            check = 0;
        }
        if (check == 10) {
            return CHECK_DIGIT_10;
        }
        return check == digits.charAt(9) - '0' ? null : WRONG_CHECK_DIGIT;
    }

    /** What may be shown of a number in quarantine, reports and logs: the first three characters only. */
    static String mask(String raw) {
        String s = normalise(raw);
        return s.length() <= 3 ? "***" : s.substring(0, 3) + "*".repeat(Math.max(7, s.length() - 3));
    }

    /** Whether a whole value is an NHS number in one of its written forms. */
    static boolean isWritten(String value) {
        return value != null && WHOLE.matcher(value.strip()).matches();
    }

    /**
     * The text with every NHS number in it, however written, cut to its first three digits: for any text from
     * an input that is kept or shown (raw rows, values, messages).
     */
    public static String maskAll(String text) {
        return text == null ? null : IN_TEXT.matcher(text).replaceAll("$1" + MASKED_REST);
    }

    /**
     * {@link #maskAll} as DuckDB SQL over {@code expr}, for rows masked where they are stored. RE2 has no
     * look-behind, so the non-digit on each side is matched and put back; two numbers one character apart
     * share that character, so the second is masked only by a second pass.
     */
    static String maskAllSql(String expr) {
        String once = "regexp_replace(%s, '(^|[^0-9])" + WRITTEN + "([^0-9]|$)', '\\1\\2" + MASKED_REST + "\\3', 'g')";
        return once.formatted(once.formatted(expr));
    }
}
