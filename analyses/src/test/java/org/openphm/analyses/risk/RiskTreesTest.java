package org.openphm.analyses.risk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import ml.dmlc.xgboost4j.java.Booster;
import org.junit.jupiter.api.Test;

/**
 * The gradient-boosted trees without an engine: XGBoost trains the same trees twice on the same rows, the trees
 * read back from its JSON model walk every row to the leaf XGBoost's own walk reaches, and the double form of its
 * float32 split agrees with the float comparison for doubles on, beside and between float thresholds.
 */
class RiskTreesTest {
    static final List<String> FEATURES = List.of("age", "count", "flag", "score", "log_days", "centred");

    /** Rows with integers, flags, decimals that are not floats, and negative values; a known risk. */
    static Data data(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] x = new double[n][];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            double age = r.nextInt(18, 100) / 10.0;
            double count = r.nextInt(0, 5) * r.nextInt(0, 2);
            double flag = r.nextInt(0, 2);
            double score = Math.round(r.nextDouble() * 300) / 100.0;
            double logDays = Math.log(1 + r.nextInt(0, 30) * r.nextInt(0, 2));
            double centred = (r.nextInt(90, 180) - 130) / 10.0;
            x[i] = new double[] {age, count, flag, score, logDays, centred};
            double eta = -3 + 0.3 * age + 0.6 * count + 0.5 * flag * score + 0.3 * logDays + 0.1 * Math.abs(centred);
            y[i] = r.nextDouble() < 1 / (1 + Math.exp(-eta));
        }
        return new Data(x, y);
    }

    record Data(double[][] x, boolean[] y) {}

    static RiskTrees.Model small(Data d) {
        return RiskTrees.train(FEATURES, d.x(), d.y(), RiskTrees.PARAMETERS, 40);
    }

    @Test
    void theSameRowsTrainTheSameTreesAndByteIdenticalPredictions() throws Exception {
        Data d = data(3000, 11);
        RiskTrees.Model a = small(d);
        RiskTrees.Model b = small(d);
        assertEquals(a.boosterJson(), b.boosterJson(), "the JSON model");
        Booster ba = a.booster();
        Booster bb = b.booster();
        try {
            float[] pa = RiskTrees.predict(ba, d.x(), FEATURES.size());
            float[] pb = RiskTrees.predict(bb, d.x(), FEATURES.size());
            assertArrayEquals(pa, pb);
            double[] ja = new double[d.x().length];
            double[] jb = new double[d.x().length];
            for (int i = 0; i < ja.length; i++) {
                ja[i] = a.probability(d.x()[i]);
                jb[i] = b.probability(d.x()[i]);
            }
            assertArrayEquals(ja, jb);
        } finally {
            ba.dispose();
            bb.dispose();
        }
    }

    @Test
    void theTreesReadBackReachXgboostsLeavesAndItsProbabilities() throws Exception {
        Data d = data(3000, 12);
        RiskTrees.Model model = small(d);
        assertEquals(40, model.trees().size());
        Booster booster = model.booster();
        try {
            int[][] leaves = RiskTrees.leaves(booster, d.x(), FEATURES.size());
            float[] margins = RiskTrees.margins(booster, d.x(), FEATURES.size());
            float[] p = RiskTrees.predict(booster, d.x(), FEATURES.size());
            int onThreshold = 0;
            double worstMargin = 0;
            double worstP = 0;
            for (int i = 0; i < d.x().length; i++) {
                for (int t = 0; t < model.trees().size(); t++) {
                    assertEquals(leaves[i][t], model.trees().get(t).leaf(d.x()[i]), "row " + i + ", tree " + t);
                }
                onThreshold += countOnThreshold(model, d.x()[i]);
                worstMargin = Math.max(worstMargin, Math.abs(model.margin(d.x()[i]) - margins[i]));
                worstP = Math.max(worstP, Math.abs(model.probability(d.x()[i]) - p[i]));
            }
            System.out.printf(
                    "trees vs XGBoost on %d rows: %d splits met on a float threshold the double lies below;"
                            + " largest |margin difference| %.2g, |probability difference| %.2g%n",
                    d.x().length, onThreshold, worstMargin, worstP);
            // the test bites: many rows sit where comparing the double with the float threshold would go wrong
            assertTrue(onThreshold > 100, "rows on a threshold: " + onThreshold);
            // XGBoost sums 40 float32 leaves onto a float32 base margin (|margin| < 8 here): each addition rounds
            // by at most half an ulp of 8, 2^-21, so 41 additions stay within 41 * 2^-21 = 2e-5; we add in double.
            assertTrue(worstMargin < 41 * Math.pow(2, -21), "margin " + worstMargin);
            // the probability moves at most a quarter of the margin, and XGBoost's float sigmoid adds ~1e-7
            assertTrue(worstP < 41 * Math.pow(2, -23) + 1e-7, "probability " + worstP);
        } finally {
            booster.dispose();
        }
    }

    /** Splits on this row's path whose double lies below the float threshold it equals once rounded to float. */
    private static int countOnThreshold(RiskTrees.Model model, double[] x) {
        int n = 0;
        for (RiskTrees.Tree t : model.trees()) {
            int node = 0;
            while (!t.isLeaf(node)) {
                RiskTrees.Split s = t.splits()[node];
                double v = x[s.feature()];
                if ((float) v == s.threshold() && v < s.threshold()) {
                    n++;
                }
                node = s.yes(v) ? s.yes() : s.no();
            }
        }
        return n;
    }

    @Test
    void theDoubleSplitIsXgboostsFloatSplitOnAndAroundEveryThreshold() {
        List<Float> thresholds = new ArrayList<>(List.of(
                0f,
                -0f,
                1f,
                2f,
                0.5f,
                -1f,
                -2f,
                7.4f,
                1.26f,
                0.84f,
                (float) Math.log(12),
                1f / 36,
                -1.3f,
                1e-30f,
                Float.MIN_VALUE,
                -Float.MIN_VALUE,
                3.4e38f,
                1024f));
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < 2000; i++) {
            thresholds.add((float) ((r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(-6, 7))));
            thresholds.add(Float.intBitsToFloat(r.nextInt()) / 1e30f);
        }
        int checked = 0;
        for (float t : thresholds) {
            if (Float.isNaN(t) || Float.isInfinite(t)) {
                continue;
            }
            RiskTrees.Split s = new RiskTrees.Split(0, t, 1, 2, true);
            double mid = s.bound();
            List<Double> xs = new ArrayList<>(List.of(
                    (double) t,
                    Math.nextDown((double) t),
                    Math.nextUp((double) t),
                    mid,
                    Math.nextDown(mid),
                    Math.nextUp(mid),
                    (double) Math.nextDown(t),
                    (double) Math.nextUp(t),
                    Double.parseDouble(Float.toString(t)),
                    ((double) t + Math.nextUp(t)) / 2));
            for (int k = 0; k < 20; k++) {
                xs.add((double) t + (r.nextDouble() - 0.5) * 2 * Math.ulp(t));
            }
            xs.add(0.0);
            for (double x : xs) {
                if (x != 0 && Math.abs(x) < RiskTrees.Split.TINY) {
                    continue; // a threshold of about 0 has the bound 0: no feature lies so near it
                }
                assertEquals((float) x < t, s.yes(x), "x = " + x + " (" + (float) x + "), threshold " + t);
                checked++;
            }
        }
        assertTrue(checked > 40_000, "checked " + checked);
        // the bites: a decimal just below its float (7.4 < 7.4000001f) goes "no" as in XGBoost
        assertTrue(7.4 < (double) 7.4f);
        assertTrue(!new RiskTrees.Split(0, 7.4f, 1, 2, true).yes(7.4));
    }
}
