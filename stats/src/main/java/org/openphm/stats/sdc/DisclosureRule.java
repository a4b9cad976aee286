package org.openphm.stats.sdc;

/**
 * Primary disclosure control for one count: suppress small counts, round the rest.
 *
 * @param suppressAtOrBelow counts from 1 to this value are suppressed
 * @param roundTo published counts are rounded to the nearest multiple of this (1 = no rounding); halves
 *     round up
 * @param suppressZero whether a zero is suppressed too. The NHS rules suppress "1 to 7" and publish zeros;
 *     some safe settings do not (UK LLC: "counts < 10 (including zero)"; OpenSAFELY's "redact any count
 *     &lt;= 7" read literally).
 */
public record DisclosureRule(int suppressAtOrBelow, int roundTo, boolean suppressZero) {

    public DisclosureRule {
        if (suppressAtOrBelow < 0) {
            throw new IllegalArgumentException("suppressAtOrBelow must not be negative: " + suppressAtOrBelow);
        }
        if (roundTo < 1) {
            throw new IllegalArgumentException("roundTo must be at least 1: " + roundTo);
        }
    }

    /**
     * NHS Digital / NHS England convention for sub-national counts: values of 1 to 7 suppressed, others rounded
     * to the nearest 5, zeros published (CCG OIS indicator 2.6 specification v1.15, Dec 2018: "Numerator and
     * denominator values of 1 to 7 are suppressed ... numerators are rounded to the nearest 5"; the HES/ECDS
     * disclosure control methodology from September 2018 uses the same 1-7 threshold). OpenSAFELY's output
     * rules also redact ≤ 7 and round to the nearest 5.
     */
    public static DisclosureRule nhsDefault() {
        return new DisclosureRule(7, 5, false);
    }

    public boolean suppresses(long count) {
        return count == 0 ? suppressZero : count <= suppressAtOrBelow;
    }

    public long round(long count) {
        return Math.floorDiv(count + roundTo / 2, roundTo) * roundTo;
    }
}
