package org.openphm.synth;

/**
 * Synthetic NHS numbers with valid Modulus 11 check digits (NHS Data Model and Dictionary, NHS NUMBER:
 * weights 10..2 on digits 1-9, check = 11 - sum mod 11, 11 -> 0, 10 -> invalid; weights also in
 * reference/nhs_number_modulus11.csv). Numbers are counted down from 999 999 999x, so the first 500,000
 * people are in the 999 range NHS England reserves for testing, and larger populations continue into
 * 998..., 99x..., 9xx ranges that are not issued in England (issued ranges start 4, 6 and 7).
 */
public final class NhsNumbers {
    private static final long TOP_BASE = 999_999_999L;

    private NhsNumbers() {}

    /**
     * The number of person {@code index}. Each person owns two consecutive nine-digit bases; they differ by
     * one in the ninth digit (weight 2), so their remainders differ by 2 mod 11 and at most one of them can
     * have the invalid check digit 10. Unique by construction, computed without state.
     */
    public static String of(long index) {
        long base = TOP_BASE - 2 * index;
        if (base < 100_000_000L) {
            throw new IllegalArgumentException("index beyond the synthetic NHS number range: " + index);
        }
        int check = checkDigit(base);
        if (check < 0) {
            base -= 1;
            check = checkDigit(base);
        }
        return Long.toString(base) + check;
    }

    /** Check digit of a nine-digit base, or -1 when the base cannot form a valid number. */
    public static int checkDigit(long nineDigits) {
        int sum = 0;
        long rest = nineDigits;
        for (int weight = 2; weight <= 10; weight++) {
            sum += (int) (rest % 10) * weight;
            rest /= 10;
        }
        int check = 11 - sum % 11;
        if (check == 11) {
            return 0;
        }
        return check == 10 ? -1 : check;
    }

    /** Whether a ten-digit string (spaces allowed) is a valid NHS number by Modulus 11. */
    public static boolean isValid(String number) {
        String digits = number.replace(" ", "");
        if (!digits.matches("[0-9]{10}")) {
            return false;
        }
        int check = checkDigit(Long.parseLong(digits.substring(0, 9)));
        return check >= 0 && check == digits.charAt(9) - '0';
    }
}
