package org.openphm.stats.prediction;

import java.util.Arrays;
import java.util.Comparator;

/**
 * What a list of the highest-risk people would catch: for the top fraction of people by score, the positive
 * predictive value (the share of them who have the outcome), the sensitivity (the share of all outcomes that
 * fall among them) and the number of outcomes caught. A case-finding list is cut at a count of people (the top
 * 1% of a practice), so the cut is ⌈fraction × n⌉ people; ties at the cut are broken by the order given, which
 * the caller keeps stable (person order) so the result is reproducible.
 */
public final class Capture {
    private Capture() {}

    public record Result(double fraction, int people, int caught, int outcomes, double ppv, double sensitivity) {}

    public static Result top(double[] score, boolean[] outcome, double fraction) {
        boolean[] listed = listed(score, fraction);
        int people = 0;
        int caught = 0;
        int outcomes = 0;
        for (int i = 0; i < score.length; i++) {
            people += listed[i] ? 1 : 0;
            caught += listed[i] && outcome[i] ? 1 : 0;
            outcomes += outcome[i] ? 1 : 0;
        }
        return new Result(fraction, people, caught, outcomes, people == 0 ? Double.NaN : (double) caught / people,
                outcomes == 0 ? Double.NaN : (double) caught / outcomes);
    }

    /** Who is on the list of the top fraction by score: ⌈fraction × n⌉ people, ties at the cut in given order. */
    public static boolean[] listed(double[] score, double fraction) {
        if (fraction <= 0 || fraction > 1) {
            throw new IllegalArgumentException("fraction must be in (0, 1]");
        }
        Integer[] order = new Integer[score.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        // highest score first; a stable sort keeps ties in the given order
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> score[i]).reversed());
        int people = (int) Math.ceil(fraction * score.length - 1e-9);
        boolean[] listed = new boolean[score.length];
        for (int r = 0; r < people; r++) {
            listed[order[r]] = true;
        }
        return listed;
    }
}
