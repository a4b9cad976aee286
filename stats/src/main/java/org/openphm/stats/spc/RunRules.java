package org.openphm.stats.spc;

/**
 * The run-based special-cause rules on plain arrays, one rebase group (or one chart) at a time. Each method
 * mirrors one NHSRplotthedots helper in R/ptd_calculate_point_type.R so that the package's own test vectors
 * can check it directly; the MDC SQL query v2.4 (steps 4g-4i) computes the same flags with window functions.
 */
final class RunRules {

    private RunRules() {}

    /**
     * Points that end a run of {@code length} points on the same side of the mean ({@code sides}: +1 above,
     * -1 below, 0 on the mean). A point on the mean breaks a run. NHSRplotthedots ptd_seven_point_one_side_mean.
     */
    static boolean[] shiftEnds(int[] sides, int length) {
        boolean[] ends = new boolean[sides.length];
        for (int i = length - 1; i < sides.length; i++) {
            boolean run = sides[i] != 0;
            for (int j = i - length + 1; run && j < i; j++) {
                run = sides[j] == sides[i];
            }
            ends[i] = run;
        }
        return ends;
    }

    /**
     * +1 where a run of {@code length} strictly increasing points ends, -1 where a strictly decreasing one
     * ends, else 0. Equal neighbours break a trend. NHSRplotthedots ptd_seven_point_trend.
     */
    static int[] trendEnds(double[] y, int length) {
        int[] ends = new int[y.length];
        for (int i = length - 1; i < y.length; i++) {
            boolean up = true;
            boolean down = true;
            for (int j = i - length + 2; j <= i; j++) {
                up &= y[j] > y[j - 1];
                down &= y[j] < y[j - 1];
            }
            ends[i] = up ? 1 : down ? -1 : 0;
        }
        return ends;
    }

    /**
     * Spreads the flag at the end of a run back over the whole run: a point is flagged if it or any of the
     * next {@code length - 1} points ends a run. NHSRplotthedots ptd_part_of_seven_trend.
     */
    static boolean[] spreadBack(boolean[] ends, int length) {
        boolean[] part = new boolean[ends.length];
        for (int i = 0; i < ends.length; i++) {
            for (int j = i; j < Math.min(ends.length, i + length); j++) {
                if (ends[j]) {
                    part[i] = true;
                    break;
                }
            }
        }
        return part;
    }

    /** {@link #spreadBack(boolean[], int)} for trend ends of either sign. */
    static boolean[] spreadBack(int[] ends, int length) {
        boolean[] any = new boolean[ends.length];
        for (int i = 0; i < ends.length; i++) {
            any[i] = ends[i] != 0;
        }
        return spreadBack(any, length);
    }

    /**
     * Points lying in some window of three consecutive points that has at least two points beyond two sigma
     * and all three points strictly on the same side of the mean. NHSRplotthedots ptd_two_in_three.
     */
    static boolean[] twoOfThreeWindows(boolean[] beyondTwoSigma, int[] sides) {
        boolean[] inWindow = new boolean[beyondTwoSigma.length];
        for (int start = 0; start + 2 < beyondTwoSigma.length; start++) {
            int beyond = 0;
            int sideSum = 0;
            for (int j = start; j < start + 3; j++) {
                beyond += beyondTwoSigma[j] ? 1 : 0;
                sideSum += sides[j];
            }
            if (beyond >= 2 && Math.abs(sideSum) == 3) {
                inWindow[start] = inWindow[start + 1] = inWindow[start + 2] = true;
            }
        }
        return inWindow;
    }

    /**
     * The two-of-three rule: only the points beyond two sigma in a qualifying window are flagged, not the
     * third point. NHSRplotthedots ptd_part_of_two_in_three; MDC SQL v2.4 step 4i ("the point itself must
     * also be flagged").
     */
    static boolean[] twoOfThree(boolean[] beyondTwoSigma, int[] sides) {
        boolean[] windows = twoOfThreeWindows(beyondTwoSigma, sides);
        boolean[] flagged = new boolean[windows.length];
        for (int i = 0; i < windows.length; i++) {
            flagged[i] = windows[i] && beyondTwoSigma[i];
        }
        return flagged;
    }
}
