package org.openphm.analyses.output;

/**
 * The one definition of the percentages the analyses publish:
 * <ul>
 *   <li>{@link #share}: a part of a whole as a percentage, 0 to 100;</li>
 *   <li>{@link #change}: the percentage change from an earlier value to a later one.</li>
 * </ul>
 * Neither is rounded here: rounding is declared on the column a value is published in
 * ({@link org.openphm.model.results.Precision}), and percentages are published as computed, because most published
 * percentages never were rounded and because the output check (outputcheck) requires a declared derived column to
 * equal what its published counts give to within a millionth: rounding a share to 1 decimal place would fail it.
 * The writer ({@link NumberFormat}) prints every number with at most six decimal places, and the pack rounds for
 * display. Both return null when there is nothing to divide by or no value, never 0 or NaN, so a missing input
 * never reads as a measured 0.
 *
 * <p>Disclosure control comes first: a column declared as derived from counts (a mean cost per admission, a share)
 * is published as recomputed from the published, rounded counts, whatever the analyst's value was, because a value
 * from unrounded counts can reveal them.
 */
public final class Percentages {
    private Percentages() {}

    /** {@code part} as a percentage of {@code whole} (0 to 100 when part is within whole); null when either is
     *  missing or the whole is 0 (no one to divide by is not 0%). */
    public static Double share(Number part, Number whole) {
        if (part == null || whole == null) {
            return null;
        }
        double p = part.doubleValue();
        double w = whole.doubleValue();
        return w == 0 || Double.isNaN(w) || Double.isNaN(p) ? null : 100.0 * p / w;
    }

    /** Percentage change from {@code before} to {@code now}: +10 for 100 to 110; null when either is missing or
     *  the base is 0. */
    public static Double change(Number now, Number before) {
        if (now == null || before == null) {
            return null;
        }
        double n = now.doubleValue();
        double b = before.doubleValue();
        return b == 0 || Double.isNaN(b) || Double.isNaN(n) ? null : 100.0 * (n - b) / b;
    }
}
