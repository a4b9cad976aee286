package org.openphm.analyses.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openphm.analyses.SpecEngines;
import org.openphm.engine.Engine;
import org.openphm.engine.Result;

/**
 * The trees scored inside the engine equal XGBoost's own prediction (issue 11, item 6 for the trees), on DuckDB and
 * Spark, for the people of {@link RiskCohortSpecTest}: once for a booster trained on rows made from theirs (so its
 * cut points are their values), and once for a booster whose every threshold was set to one of their feature
 * values as a float, or the float just above or below, so that each person meets splits exactly on a threshold.
 *
 * <p>Tolerances. Engine against the trees read back in Java: 1e-9, the same additions in the same order in double
 * (as the logistic model). Engine against XGBoost's own {@code predict}: first the leaves, which must be the same
 * for every person and tree (exact); then the probability to 1e-6, which is what float32 arithmetic allows here:
 * XGBoost adds 10 float leaves onto a float base margin, |margin| < 4, each addition rounding by at most
 * 2^-22 (half an ulp of 4), so the margin differs by at most 11 · 2^-22 = 2.6e-6 from the exact sum; the sigmoid's
 * slope is at most 1/4, giving 6.6e-7, plus the float sigmoid's own rounding (~1e-7). A booster of the production
 * size (150 trees) is also scored on DuckDB; there 151 float additions allow 1e-5.
 */
class RiskTreeScoringSpecTest {
    static final int TREES = 10;
    /** Numbers as doubles, written back with a decimal point: XGBoost reads "2" as an integer, not a float. */
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {SpecEngines.DUCKDB, SpecEngines.SPARK})
    void theEnginesRiskIsXgboostsPrediction(String engineName, @TempDir Path dir) throws Exception {
        try (Engine engine = SpecEngines.open(engineName, dir, RiskCohortSpecTest.tables())) {
            RiskData data = RiskData.load(engine, RiskCohortSpecTest.INDEX);
            List<String> people = List.of("A", "B", "D"); // RiskData reads in person order
            assertEquals(people.size(), data.size());

            RiskTrees.Model trained = trainedNear(data);
            assertSameAsXgboost(engine, data, people, trained);

            RiskTrees.Model edged = onThresholds(trained, data);
            int naiveWouldDiffer = assertSameAsXgboost(engine, data, people, edged);
            // the edged booster bites: comparing the double feature with the float threshold goes the wrong way
            assertTrue(naiveWouldDiffer > 0, "splits where x < (double) threshold is not XGBoost's branch");

            // A booster of the production size (150 trees) scores the same way. On DuckDB only: Spark runs it too,
            // but its SQL parser (ANTLR) takes 15-40 s on 2 cores to first parse the 120,000 characters of 150 trees,
            // time the spec suite need not spend twice.
            if (SpecEngines.DUCKDB.equals(engineName)) {
                RiskTrees.Model full = trainedNear(data, RiskTrees.ROUNDS);
                assertEquals(RiskTrees.ROUNDS, full.trees().size());
                assertSameAsXgboost(engine, data, people, full, 1e-5);
            }
        }
    }

    /** Asserts; returns how many (person, split on their path) a naive double comparison would get wrong. */
    private static int assertSameAsXgboost(Engine engine, RiskData data, List<String> people, RiskTrees.Model model)
            throws Exception {
        return assertSameAsXgboost(engine, data, people, model, 1e-6);
    }

    private static int assertSameAsXgboost(
            Engine engine, RiskData data, List<String> people, RiskTrees.Model model, double toXgboost)
            throws Exception {
        Result scores = engine.execute(RiskTreeScoring.scores(model, RiskCohortSpecTest.INDEX));
        Map<String, Double> byPerson = new HashMap<>();
        for (Map<String, Object> row : scores.asMaps()) {
            byPerson.put((String) row.get("person_id"), ((Number) row.get("risk")).doubleValue());
        }
        int k = data.featureNames().size();
        Booster booster = model.booster();
        int naive = 0;
        try {
            int[][] leaves = RiskTrees.leaves(booster, data.x(), k);
            float[] p = RiskTrees.predict(booster, data.x(), k);
            for (int i = 0; i < people.size(); i++) {
                double[] x = data.x()[i];
                for (int t = 0; t < model.trees().size(); t++) {
                    assertEquals(leaves[i][t], model.trees().get(t).leaf(x), people.get(i) + ", tree " + t);
                    naive += naiveMisses(model.trees().get(t), x);
                }
                double engineRisk = byPerson.get(people.get(i));
                assertEquals(model.probability(x), engineRisk, 1e-9, people.get(i));
                assertEquals(p[i], engineRisk, toXgboost, people.get(i));
            }
        } finally {
            booster.dispose();
        }
        return naive;
    }

    private static int naiveMisses(RiskTrees.Tree tree, double[] x) {
        int misses = 0;
        int node = 0;
        while (!tree.isLeaf(node)) {
            RiskTrees.Split s = tree.splits()[node];
            double v = x[s.feature()];
            misses += (v < (double) s.threshold()) != s.yes(v) ? 1 : 0;
            node = s.yes(v) ? s.yes() : s.no();
        }
        return misses;
    }

    /** A small booster on 600 rows mixed from the spec people's features, so its cut points are their values. */
    private static RiskTrees.Model trainedNear(RiskData data) {
        return trainedNear(data, TREES);
    }

    private static RiskTrees.Model trainedNear(RiskData data, int trees) {
        SplittableRandom r = new SplittableRandom(7);
        int n = 600;
        int k = data.featureNames().size();
        double[][] x = new double[n][k];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                // each column takes one of the three people's values, or a value a little off it
                double v = data.x()[r.nextInt(data.size())][j];
                x[i][j] = r.nextInt(4) == 0 ? v + (r.nextDouble() - 0.5) : v;
            }
            double eta = -1 + 0.3 * x[i][0] + 0.4 * x[i][k - 1] - 0.2 * x[i][k / 2];
            y[i] = r.nextDouble() < 1 / (1 + Math.exp(-eta));
        }
        return RiskTrees.train(data.featureNames(), x, y, RiskTrees.PARAMETERS, trees);
    }

    /**
     * The trained booster with each split moved onto a spec person's feature: split i of a tree takes the feature
     * of the person's non-dyadic values (7.4, 1.26, 2/36, ln 12, ...) in turn, and the threshold that value as a
     * float, or the next float up or down. XGBoost reads the edited model back and is the reference.
     */
    private static RiskTrees.Model onThresholds(RiskTrees.Model model, RiskData data) throws Exception {
        ObjectNode root = (ObjectNode) JSON.readTree(model.boosterJson());
        ArrayNode trees = (ArrayNode)
                root.path("learner").path("gradient_booster").path("model").path("trees");
        int k = data.featureNames().size();
        int turn = 0;
        int variant = 0;
        for (int t = 0; t < trees.size(); t++) {
            ObjectNode tree = (ObjectNode) trees.get(t);
            ArrayNode left = (ArrayNode) tree.path("left_children");
            ArrayNode index = (ArrayNode) tree.path("split_indices");
            ArrayNode condition = (ArrayNode) tree.path("split_conditions");
            for (int node = 0; node < left.size(); node++) {
                if (left.get(node).asInt() == -1) {
                    continue;
                }
                // next (person, feature) whose value is not a float: there the double and its float differ
                int person;
                int feature;
                do {
                    person = turn % data.size();
                    feature = (turn / data.size()) % k;
                    turn++;
                } while ((double) (float) data.x()[person][feature] == data.x()[person][feature]);
                float f = (float) data.x()[person][feature];
                float threshold = switch (variant++ % 3) {
                    case 0 -> f;
                    case 1 -> Math.nextUp(f);
                    default -> Math.nextDown(f);
                };
                index.set(node, feature);
                condition.set(node, JSON.getNodeFactory().numberNode((double) threshold)); // exact: a float is a double
            }
        }
        String json = JSON.writeValueAsString(root);
        Booster edited = XGBoost.loadModel(json.getBytes(StandardCharsets.UTF_8));
        try {
            return RiskTrees.read(edited, data.featureNames(), 0, 0);
        } finally {
            edited.dispose();
        }
    }
}
