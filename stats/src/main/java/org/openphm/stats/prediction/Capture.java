package org.openphm.stats.prediction;

import java.util.Arrays;
import java.util.Comparator;

/**
 * What a list of the highest-risk people would catch: for the top fraction of people by score, the positive
 * predictive value (the share of them who have the outcome), the sensitivity (the share of all outcomes that
 * fall among them) and the number of outcomes caught. A case-finding list is cut at a count of people (the top
 * 1% of a practice), so the cut is ⌈fraction × n⌉ people. People whose score ties at the cut could be listed in
 * any order, so {@link #top} counts what the remaining places catch on average over every order: the tied group's
 * share of outcomes times the places left (rounded to whole people). The published figures then do not depend on
 * the order people come in, which is their pseudonym's order and changes with the workspace key. Scores with
 * many ties (prior admissions: most people have none or one) would otherwise move from one key to another.
 * {@link #listed}, which must name people, breaks ties in the order given (the caller keeps it stable).
 */
public final class Capture {
    private Capture() {}

    public record Result(double fraction, int people, int caught, int outcomes, double ppv, double sensitivity) {}

    public static Result top(double[] score, boolean[] outcome, double fraction) {
        int people = cut(score.length, fraction);
        int outcomes = 0;
        for (boolean o : outcome) {
            outcomes += o ? 1 : 0;
        }
        if (people == 0) {
            return new Result(fraction, 0, 0, outcomes, Double.NaN, outcomes == 0 ? Double.NaN : 0);
        }
        // The score at the cut: the people-th highest (a primitive sort, not an index sort of boxed integers).
        double[] sorted = score.clone();
        Arrays.sort(sorted);
        double threshold = sorted[score.length - people];
        int above = 0;
        int caughtAbove = 0;
        int tied = 0;
        int tiedOutcomes = 0;
        for (int i = 0; i < score.length; i++) {
            if (score[i] > threshold) {
                above++;
                caughtAbove += outcome[i] ? 1 : 0;
            } else if (score[i] == threshold) {
                tied++;
                tiedOutcomes += outcome[i] ? 1 : 0;
            }
        }
        int caught = caughtAbove + (int) Math.round((double) (people - above) * tiedOutcomes / tied);
        return new Result(
                fraction,
                people,
                caught,
                outcomes,
                (double) caught / people,
                outcomes == 0 ? Double.NaN : (double) caught / outcomes);
    }

    private static int cut(int n, double fraction) {
        if (fraction <= 0 || fraction > 1) {
            throw new IllegalArgumentException("fraction must be in (0, 1]");
        }
        return (int) Math.ceil(fraction * n - 1e-9);
    }

    /** Indexes from the highest score down; a stable sort keeps ties in the given order. */
    private static Integer[] byScore(double[] score) {
        Integer[] order = new Integer[score.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> score[i]).reversed());
        return order;
    }

    /** Who is on the list of the top fraction by score: ⌈fraction × n⌉ people, ties at the cut in given order. */
    public static boolean[] listed(double[] score, double fraction) {
        int people = cut(score.length, fraction);
        Integer[] order = byScore(score);
        boolean[] listed = new boolean[score.length];
        for (int r = 0; r < people; r++) {
            listed[order[r]] = true;
        }
        return listed;
    }
}
