package org.openphm.analyses.risk;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * The open risk model's gradient-boosted trees (issue 11, item 3b): XGBoost's binary logistic objective on the same
 * features ({@link RiskFeatures}) and outcome as the logistic model, trained on one year and validated on the next
 * with the same measures ({@link RiskModel#validate}).
 *
 * <p>Training is deterministic: the histogram method ({@code hist}) on one thread, no row or column sampling and
 * a fixed seed, so the same cohort gives the same trees and byte-identical predictions. The hyper-parameters are few and
 * documented ({@link #PARAMETERS}); they were not tuned on the validation year.
 *
 * <p>The trained booster is read back from XGBoost's own JSON model (not the text dump: the JSON model holds every
 * threshold and leaf value as the float32 XGBoost uses, where a dump prints them in decimal) into plain
 * {@link Tree}s, which score a person in Java ({@link Model#probability}) and render as one engine-neutral
 * expression per tree ({@link RiskTreeScoring}).
 *
 * <p>Float32. XGBoost stores each feature as a float and sends a row to a node's "yes" child when
 * {@code (float) x < threshold}, the threshold being a float. Our features are doubles, and the histogram's cut
 * points are (rounded) data values, so many people sit on a threshold: age 74 gives 7.4 as a double, 7.4000001 as
 * the float threshold, and {@code 7.4 < 7.4000001} in double although {@code (float) 7.4 < 7.4000001f} is false.
 * Comparing doubles with the float threshold would send those people the wrong way. {@link Split#yes(double)} is
 * therefore the exact double form of the float comparison: {@code (float) x < t} holds exactly when x lies below
 * the midpoint of t and the float below it (at the midpoint itself, when round-half-even rounds down to that
 * float), and that midpoint is a double, so the engine compares the double feature with one double constant and
 * takes exactly XGBoost's branch (for thresholds of about zero, see {@link Split#bound}).
 *
 * <p>On the 60,000-person synthetic BLMK, training takes 3-4 s (59,000 rows, 45 features, one thread).
 */
public final class RiskTrees {
    /** Trees, depth, learning rate: a small, conventional configuration (100-200 trees of depth 3-4, eta 0.1). */
    public static final int ROUNDS = 150;

    public static final int MAX_DEPTH = 3;
    public static final double ETA = 0.1;
    public static final long SEED = 20230401L;

    /** Every parameter given to XGBoost; the rest are XGBoost 2.1's defaults (λ = 1, 256 bins, min child hessian 1). */
    public static final Map<String, Object> PARAMETERS = parameters(MAX_DEPTH, ETA);

    /** Numbers read as decimals, so each float32 is rounded from XGBoost's own digits once, not via a double. */
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private RiskTrees() {}

    static Map<String, Object> parameters(int maxDepth, double eta) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("objective", "binary:logistic");
        p.put("tree_method", "hist");
        p.put("max_depth", maxDepth);
        p.put("eta", eta);
        p.put("subsample", 1.0);
        p.put("colsample_bytree", 1.0);
        p.put("min_child_weight", 1.0);
        p.put("lambda", 1.0);
        p.put("seed", SEED);
        p.put("nthread", 1);
        p.put("verbosity", 0);
        // in this order in every JVM (Map.copyOf's order changes from run to run)
        return java.util.Collections.unmodifiableMap(p);
    }

    /**
     * A split on one feature: yes when {@code (float) x < threshold}, and where a missing (NULL) value goes. The
     * double form of the comparison ({@link #bound()}, {@link #boundIsYes()}) is derived from the threshold once,
     * here: validation walks every person of a whole ICB through every tree, some 500 million splits at 1.1M people.
     */
    public record Split(
            int feature, float threshold, int yes, int no, boolean missingYes, double bound, boolean boundIsYes) {
        /**
         * Below this magnitude a bound is taken as 0: its plain decimal would need more than the 38 digits an SQL
         * decimal literal holds on Spark, and only thresholds of (about) zero come so near it.
         */
        static final double TINY = 1e-20;

        public Split {
            if (Double.compare(bound, bound(threshold)) != 0 || boundIsYes != boundIsYes(threshold)) {
                throw new IllegalArgumentException("the bound of a split is derived from its threshold " + threshold);
            }
        }

        public Split(int feature, float threshold, int yes, int no, boolean missingYes) {
            this(feature, threshold, yes, no, missingYes, bound(threshold), boundIsYes(threshold));
        }

        /** The midpoint of the threshold and the float below it, exact in a double (a float has 24 bits). */
        static double midpoint(float threshold) {
            float below = Math.nextDown(threshold);
            return ((double) below + (double) threshold) / 2;
        }

        /**
         * The double bound of "yes": {@code (float) x < threshold} exactly when x is below the midpoint, or at it
         * when {@link #boundIsYes()}. A threshold of (about) zero has a bound of 0: then the split is exact for
         * every double but those between 0 and ±1e-20, which no feature takes (they are 0 or at least 1/36 from it).
         */
        static double bound(float threshold) {
            double mid = midpoint(threshold);
            return Math.abs(mid) < TINY ? 0.0 : mid;
        }

        /**
         * Whether the bound itself goes "yes": a double exactly half way between two floats rounds to the one
         * with an even last bit, which is the float below the threshold when its last bit is even. For a bound
         * taken as 0, 0 goes "yes" when the threshold is above it.
         */
        static boolean boundIsYes(float threshold) {
            double mid = midpoint(threshold);
            if (Math.abs(mid) < TINY) {
                return mid > 0;
            }
            return (Float.floatToRawIntBits(Math.nextDown(threshold)) & 1) == 0;
        }

        /** XGBoost's {@code (float) x < threshold}, as the engine computes it on the double. */
        public boolean yes(double x) {
            return boundIsYes ? x <= bound : x < bound;
        }
    }

    /**
     * One regression tree: node i is a split or a leaf; leaves carry their value (already times eta). Node 0 is the
     * root.
     */
    public record Tree(Split[] splits, float[] leaves) {
        public boolean isLeaf(int node) {
            return splits[node] == null;
        }

        public int leaf(double[] x) {
            int node = 0;
            while (!isLeaf(node)) {
                Split s = splits[node];
                double v = x[s.feature()];
                node = Double.isNaN(v) ? (s.missingYes() ? s.yes() : s.no()) : s.yes(v) ? s.yes() : s.no();
            }
            return node;
        }

        public double value(double[] x) {
            return leaves[leaf(x)];
        }
    }

    /**
     * The trained trees: risk = 1 / (1 + exp(−margin)), margin = base margin + the sum of each tree's leaf, added
     * pairwise ({@link #pairwise}), the order of {@link RiskTreeScoring}'s expression. {@code boosterJson} is XGBoost's JSON model, from
     * which the trees were read and from which the booster is rebuilt ({@link #booster()}).
     */
    public record Model(
            List<String> features,
            double baseMargin,
            List<Tree> trees,
            String boosterJson,
            int trainedOn,
            int admissions)
            implements ScoredModel {
        public double margin(double[] x) {
            double[] terms = new double[trees.size() + 1];
            terms[0] = baseMargin;
            for (int t = 0; t < trees.size(); t++) {
                terms[t + 1] = trees.get(t).value(x);
            }
            return pairwise(terms, 0, terms.length);
        }

        @Override
        public double probability(double[] x) {
            return 1.0 / (1.0 + Math.exp(-margin(x)));
        }

        public Booster booster() {
            try {
                return XGBoost.loadModel(boosterJson.getBytes(StandardCharsets.UTF_8));
            } catch (XGBoostError | IOException e) {
                throw new IllegalStateException("XGBoost could not read back its own model", e);
            }
        }
    }

    /**
     * The sum of terms[from, to) as a balanced tree of additions: (a + b) + (c + d), ... The engine's expression adds
     * in this order too, so its SQL is 8 additions deep for 150 trees rather than 150 (SQL parsers recurse once per
     * level, and Spark's ANTLR parser is slow on deep nesting: 15-40 s to first parse 150 trees on 2 busy cores).
     */
    static double pairwise(double[] terms, int from, int to) {
        if (to - from == 1) {
            return terms[from];
        }
        int mid = (from + to) >>> 1;
        return pairwise(terms, from, mid) + pairwise(terms, mid, to);
    }

    /** Trains the trees with the documented parameters on a whole cohort. */
    public static Model train(RiskData data) {
        return train(data.featureNames(), data.x(), data.admitted(), PARAMETERS, ROUNDS);
    }

    public static Model train(
            List<String> features, double[][] x, boolean[] outcome, Map<String, Object> parameters, int rounds) {
        float[] labels = new float[outcome.length];
        int admissions = 0;
        for (int i = 0; i < labels.length; i++) {
            labels[i] = outcome[i] ? 1f : 0f;
            admissions += outcome[i] ? 1 : 0;
        }
        DMatrix train = matrix(x, features.size());
        try {
            train.setLabel(labels);
            Booster booster = XGBoost.train(train, parameters, rounds, Map.of(), null, null);
            try {
                return read(booster, features, outcome.length, admissions);
            } finally {
                booster.dispose();
            }
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost failed to train the risk trees", e);
        } finally {
            train.dispose();
        }
    }

    /** XGBoost's own probabilities for the rows of x (float32, as XGBoost computes them). */
    public static float[] predict(Booster booster, double[][] x, int columns) {
        return predictions(booster, x, columns, false);
    }

    /** XGBoost's own margins (log-odds) for the rows of x. */
    public static float[] margins(Booster booster, double[][] x, int columns) {
        return predictions(booster, x, columns, true);
    }

    /** The leaf each row reaches in each tree, by XGBoost's own tree walk: [row][tree]. */
    public static int[][] leaves(Booster booster, double[][] x, int columns) {
        DMatrix m = matrix(x, columns);
        try {
            float[][] p = booster.predictLeaf(m, 0);
            int[][] leaves = new int[p.length][];
            for (int i = 0; i < p.length; i++) {
                leaves[i] = new int[p[i].length];
                for (int t = 0; t < p[i].length; t++) {
                    leaves[i][t] = (int) p[i][t];
                }
            }
            return leaves;
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost failed to predict", e);
        } finally {
            m.dispose();
        }
    }

    private static float[] predictions(Booster booster, double[][] x, int columns, boolean margin) {
        DMatrix m = matrix(x, columns);
        try {
            float[][] p = booster.predict(m, margin);
            float[] out = new float[p.length];
            for (int i = 0; i < p.length; i++) {
                out[i] = p[i][0];
            }
            return out;
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost failed to predict", e);
        } finally {
            m.dispose();
        }
    }

    /** Rows of doubles as XGBoost's dense float32 matrix (each value rounded to the nearest float; NaN is missing). */
    static DMatrix matrix(double[][] x, int columns) {
        float[] flat = new float[x.length * columns];
        for (int i = 0; i < x.length; i++) {
            if (x[i].length != columns) {
                throw new IllegalArgumentException("row " + i + " has " + x[i].length + " features, not " + columns);
            }
            for (int j = 0; j < columns; j++) {
                flat[i * columns + j] = (float) x[i][j];
            }
        }
        try {
            return new DMatrix(flat, x.length, columns, Float.NaN);
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost could not take the feature matrix", e);
        }
    }

    static Model read(Booster booster, List<String> features, int trainedOn, int admissions) throws XGBoostError {
        String json = new String(booster.toByteArray("json"), StandardCharsets.UTF_8);
        return read(json, features, trainedOn, admissions);
    }

    /** Reads XGBoost's JSON model (format of XGBoost 2.x) into trees. */
    static Model read(String json, List<String> features, int trainedOn, int admissions) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("not an XGBoost JSON model", e);
        }
        JsonNode learner = root.path("learner");
        JsonNode param = learner.path("learner_model_param");
        if (!"binary:logistic".equals(learner.path("objective").path("name").asText())) {
            throw new IllegalArgumentException("the risk trees are a binary:logistic model, not "
                    + learner.path("objective").path("name").asText());
        }
        int numFeature = Integer.parseInt(param.path("num_feature").asText());
        if (numFeature != features.size()) {
            throw new IllegalArgumentException("the booster has " + numFeature + " features, not " + features.size());
        }
        JsonNode gbm = learner.path("gradient_booster");
        if (!"gbtree".equals(gbm.path("name").asText())) {
            throw new IllegalArgumentException("only gbtree boosters render as trees, not "
                    + gbm.path("name").asText());
        }
        // base_score is kept as a probability; XGBoost turns it into a margin in float32 (ProbToMargin).
        float baseScore = Float.parseFloat(param.path("base_score").asText());
        float baseMargin = (float) -Math.log(1.0f / baseScore - 1.0f);
        List<Tree> trees = new ArrayList<>();
        for (JsonNode t : gbm.path("model").path("trees")) {
            trees.add(tree(t, numFeature));
        }
        return new Model(List.copyOf(features), baseMargin, List.copyOf(trees), json, trainedOn, admissions);
    }

    private static Tree tree(JsonNode t, int numFeature) {
        JsonNode left = t.path("left_children");
        JsonNode right = t.path("right_children");
        JsonNode index = t.path("split_indices");
        JsonNode condition = t.path("split_conditions");
        JsonNode defaultLeft = t.path("default_left");
        JsonNode splitType = t.path("split_type");
        int n = left.size();
        if (right.size() != n || index.size() != n || condition.size() != n || defaultLeft.size() != n) {
            throw new IllegalArgumentException("a tree's node arrays differ in length");
        }
        Split[] splits = new Split[n];
        float[] leaves = new float[n];
        for (int i = 0; i < n; i++) {
            // split_conditions holds the threshold of a split and the value of a leaf, each a float32
            float value = Float.parseFloat(condition.get(i).asText());
            if (left.get(i).asInt() == -1) {
                leaves[i] = value;
                continue;
            }
            if (splitType.size() == n && splitType.get(i).asInt() != 0) {
                throw new IllegalArgumentException("categorical splits are not used by the risk trees");
            }
            int feature = index.get(i).asInt();
            if (feature < 0 || feature >= numFeature) {
                throw new IllegalArgumentException("split on feature " + feature + " of " + numFeature);
            }
            JsonNode d = defaultLeft.get(i);
            boolean missingLeft = d.isBoolean() ? d.asBoolean() : d.asInt() != 0;
            // XGBoost's "yes" child is the left child
            splits[i] =
                    new Split(feature, value, left.get(i).asInt(), right.get(i).asInt(), missingLeft);
        }
        return new Tree(splits, leaves);
    }
}
